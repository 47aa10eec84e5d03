def handler(event, context):
    return {"job": "cleanup"}
