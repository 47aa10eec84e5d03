# A handler string without a dot: the runtime splits it at the last dot and fails, reported.
def lambda_handler(event, context):
    return {"ok": True}
