def run(event, context):
    return {"report": "nightly", "status": "done"}
