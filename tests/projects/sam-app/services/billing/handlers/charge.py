def handle(event, context):
    return {"charged": len(event["Records"])}
