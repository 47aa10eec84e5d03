# A DynamoDB item returned as is: its Decimals are encoded by the runtime's Decimal hook.
import os

import boto3

table = boto3.resource("dynamodb").Table(os.environ.get("TABLE", "orders"))


def lambda_handler(event, context):
    return table.get_item(Key={"id": event["pathParameters"]["id"]})["Item"]
