"""GET /orders/{id}: read one order from DynamoDB and return it to API Gateway."""

import json
import os

import boto3

TABLE_NAME = os.environ["ORDERS_TABLE"]


def get_order(event, context):
    dynamodb = boto3.resource("dynamodb")
    table = dynamodb.Table(TABLE_NAME)
    order_id = event["pathParameters"]["id"]
    item = table.get_item(Key={"id": order_id})["Item"]
    return {
        "statusCode": 200,
        "headers": {"Content-Type": "application/json"},
        "body": json.dumps(item),
    }


def list_tags(event, context):
    """Not a configured handler: lambdalint leaves it alone."""
    return {"tags": {"new", "priority"}}


def add_stock(order_id, count):
    """Called by the warehouse job: it shows the table's quantity is a number, so items read
    from it hold Decimals."""
    table = boto3.resource("dynamodb").Table(TABLE_NAME)
    table.update_item(
        Key={"id": order_id},
        UpdateExpression="ADD quantity :count",
        ExpressionAttributeValues={":count": int(count)},
    )
