import json
import os

import boto3

table = boto3.resource("dynamodb").Table(os.environ["TABLE_NAME"])


def create_order(event, context):
    order = json.loads(event["body"])
    table.put_item(Item=order)
    return {"statusCode": 201, "body": json.dumps({"id": order["id"]})}


def get_order(event, context):
    item = table.get_item(Key={"id": event["pathParameters"]["id"]}).get("Item")
    return {"statusCode": 200 if item else 404, "body": json.dumps(item, default=str)}
