# list() of a set comprehension: the list holds plain strings, fine.
def lambda_handler(event, context):
    return {"headers": list({name.lower() for name in event["headers"]})}
