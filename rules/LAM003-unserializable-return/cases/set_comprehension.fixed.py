# A set comprehension returned directly: a set, which the runtime cannot encode.
def lambda_handler(event, context):
    return sorted({header.lower() for header in event["headers"]})  # error: [LAM003]
