# A module function the handler never calls may return a set: not the handler's value.
def unused():
    return {"a"}


def lambda_handler(event, context):
    return {"ok": True}
