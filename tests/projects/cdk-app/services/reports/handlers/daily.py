def run(event, context):
    return {"status": "done"}
