def handler(event, context):
    return {"job": "purge"}
