def on_event(event, context):
    return {"PhysicalResourceId": "setup"}
