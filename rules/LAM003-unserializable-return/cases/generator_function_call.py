# The result of calling the module's own generator function: a generator, reported.
def _pages(event):
    yield event["path"]
    yield event["resource"]


def lambda_handler(event, context):
    return {"pages": _pages(event)}  # error: [LAM003]
