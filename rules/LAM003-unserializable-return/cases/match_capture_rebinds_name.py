# A set that a match pattern may rebind holds whatever the pattern captured: silent.
def lambda_handler(event, context):
    route = {"GET", "POST"}
    match event:
        case {"path": route}:
            pass
    return {"route": route}
