# boto3.resource("dynamodb") built inside the handler: a new resource on every invocation.
import os

import boto3


def lambda_handler(event, context):
    table = boto3.resource("dynamodb").Table(os.environ["TABLE_NAME"])  # error: [LAM004]
    table.put_item(Item={"pk": event["id"]})
    return {"ok": True}
