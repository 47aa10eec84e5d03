# The module's function itself (not its result) in the response: reported.
def render(event):
    return {"path": event["path"]}


def lambda_handler(event, context):
    return {"renderer": render}  # error: [LAM003]
