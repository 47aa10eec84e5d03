# api.lambda_handler resolved against its entry's code-root: found, nothing reported.
def lambda_handler(event, context):
    return {"ok": True}
