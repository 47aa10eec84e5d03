# A generator expression in the response: a generator object, which does not encode.
def lambda_handler(event, context):
    names = (name.lower() for name in event["headers"])
    return {"headers": names}  # error: [LAM003]
