# A generator collected with list(): a list of strings, fine.
def _pages(event):
    yield event["path"]


def lambda_handler(event, context):
    return {"pages": list(_pages(event))}
