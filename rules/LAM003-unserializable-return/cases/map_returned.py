# map() returns a lazy iterator: the runtime cannot encode it.
def lambda_handler(event, context):
    return {"headers": map(str.lower, event["headers"])}  # error: [LAM003]
