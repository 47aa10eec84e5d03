# A helper returns a set on one path only: lambdalint is not sure, so it stays silent.
def tags(event):
    if event.get("missing"):
        return {"a"}
    return ["a"]


def lambda_handler(event, context):
    return {"tags": tags(event)}
