import json
import os

QUEUE_URL = os.environ["QUEUE_URL"]


def handle(event, context):
    return {"statusCode": 200, "body": json.dumps({"queue": QUEUE_URL})}
