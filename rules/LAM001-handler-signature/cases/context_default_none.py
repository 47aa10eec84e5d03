# A context parameter with a default still accepts the runtime's second argument: not reported.
def lambda_handler(event, context=None):
    return {"statusCode": 200, "body": event.get("body")}
