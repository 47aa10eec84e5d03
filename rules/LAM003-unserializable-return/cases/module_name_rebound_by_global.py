# A module-level set that a function rebinds through "global": its value may change, silent.
seen = set()


def reset():
    global seen
    seen = []


def lambda_handler(event, context):
    reset()
    return {"seen": seen}
