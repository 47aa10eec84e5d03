# A handler with only an event parameter: the runtime's second argument has nowhere to go.
def lambda_handler(event, _context=None):  # error: [LAM001]
    return {"statusCode": 200, "body": event.get("body")}
