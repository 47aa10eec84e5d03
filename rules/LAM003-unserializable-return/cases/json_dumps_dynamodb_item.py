# The classic: json.dumps() of a DynamoDB item, whose numbers are Decimal.
import json
import os

import boto3

dynamodb = boto3.resource("dynamodb")
table = dynamodb.Table(os.environ.get("TABLE", "orders"))


def lambda_handler(event, context):
    response = table.get_item(Key={"id": event["pathParameters"]["id"]})
    item = response["Item"]
    return {"statusCode": 200, "body": json.dumps(item)}  # error: [LAM003]
