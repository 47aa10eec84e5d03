def handler(event, context):
    return {"rows": []}
