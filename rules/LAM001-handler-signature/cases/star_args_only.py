# *args accepts any number of positional arguments, including (event, context): not reported.
def lambda_handler(*args):
    event, _context = args
    return {"statusCode": 200, "body": event.get("body")}
