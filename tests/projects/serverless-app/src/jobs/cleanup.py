def run(event, context):
    return {"deleted": 0}
