# A handler that yields is a generator function: the runtime gets a generator object.
def lambda_handler(event, context):  # error: [LAM003]
    for name in event["headers"]:
        yield name
