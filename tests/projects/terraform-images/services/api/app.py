import json
import os

import boto3


def lambda_handler(event, context):
    table = boto3.resource("dynamodb").Table(os.environ["TABLE_NAME"])
    item = table.get_item(Key={"id": event["pathParameters"]["id"]}).get("Item")
    return {"statusCode": 200, "body": json.dumps(item)}


def add_stock(order_id, count):
    table = boto3.resource("dynamodb").Table(os.environ["TABLE_NAME"])
    table.update_item(
        Key={"id": order_id},
        UpdateExpression="ADD quantity :count",
        ExpressionAttributeValues={":count": int(count)},
    )
