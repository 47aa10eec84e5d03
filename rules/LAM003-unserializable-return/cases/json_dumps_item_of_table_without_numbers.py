# json.dumps() of a DynamoDB item, but nothing in the module shows the table holds a number:
# it may hold only strings, so lambdalint stays silent (the oracle's table holds numbers).
# oracle: no attribute of the table is shown to be a number in the module
import json
import os

import boto3

dynamodb = boto3.resource("dynamodb")
table = dynamodb.Table(os.environ.get("TABLE", "orders"))


def lambda_handler(event, context):
    response = table.get_item(Key={"id": event["pathParameters"]["id"]})
    item = response["Item"]
    return {"statusCode": 200, "body": json.dumps(item)}
