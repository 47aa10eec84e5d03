import json
import os

import boto3

TABLE = boto3.resource("dynamodb").Table(os.environ["TABLE_NAME"])


def handler(event, context):
    for record in event["Records"]:
        TABLE.put_item(Item=json.loads(record["body"]))
    return {"statusCode": 200, "body": "ok"}
