# datetime.now() two levels deep in the response: the runtime cannot encode a datetime.
from datetime import datetime


def lambda_handler(event, context):
    return {"order": {"id": event["pathParameters"]["id"], "at": datetime.now().isoformat()}}  # error: [LAM003]
