# json.dumps(item, **options): the unpacked options may carry default=, so silent.
import json

import boto3

table = boto3.resource("dynamodb").Table("orders")
JSON_OPTIONS = {"default": str, "indent": 2}


def lambda_handler(event, context):
    item = table.get_item(Key={"id": "1"})["Item"]
    return {"statusCode": 200, "body": json.dumps(item, **JSON_OPTIONS)}
