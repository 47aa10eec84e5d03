# A variable bound twice (a set, then a sorted list in a branch): unsure, so silent.
def lambda_handler(event, context):
    tags = {"new", "sale"}
    if event.get("path"):
        tags = sorted(tags)
    return {"tags": tags}
