# json.dumps(..., default=str) handles the Decimals: fine.
import json

import boto3

table = boto3.resource("dynamodb").Table("orders")


def lambda_handler(event, context):
    item = table.get_item(Key={"id": "1"})["Item"]
    return {"statusCode": 200, "body": json.dumps(item, default=str)}
