def score(event, context):
    return {"score": 1}
