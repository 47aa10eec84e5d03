def run(event, context):
    return {"job": "nightly"}
