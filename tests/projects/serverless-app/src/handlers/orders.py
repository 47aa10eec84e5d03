import json
import os

import boto3

dynamodb = boto3.client("dynamodb")
TABLE = os.environ["TABLE_NAME"]


def create(event, context):
    order = json.loads(event["body"])
    dynamodb.put_item(TableName=TABLE, Item={"id": {"S": order["id"]}})
    return {"statusCode": 201, "body": json.dumps({"id": order["id"]})}


def get(event, context):
    order_id = event["pathParameters"]["id"]
    response = dynamodb.get_item(TableName=TABLE, Key={"id": {"S": order_id}})
    if "Item" not in response:
        return {"statusCode": 404, "body": json.dumps({"message": f"no order {order_id}"})}
    return {"statusCode": 200, "body": json.dumps({"id": order_id})}


def process(event, context):
    for record in event["Records"]:
        order = json.loads(record["body"])
        dynamodb.put_item(TableName=TABLE, Item={"id": {"S": order["id"]}})
