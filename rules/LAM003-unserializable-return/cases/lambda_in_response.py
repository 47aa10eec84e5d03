# A lambda in the response: a function object, reported.
def lambda_handler(event, context):
    return {"later": lambda: event["path"]}  # error: [LAM003]
