# A set() bound once, filled with .add, then returned through a variable: still a set.
def lambda_handler(event, context):
    seen = set()
    for key in event["headers"]:
        seen.add(key.lower())
    return {"headers": seen}  # error: [LAM003]
