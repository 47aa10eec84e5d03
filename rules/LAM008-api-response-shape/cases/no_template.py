# Without a deployment template lambdalint does not know that an API calls the handler: not reported.
def lambda_handler(event, context):
    return ["not", "a", "response"]
