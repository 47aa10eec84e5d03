# json.dumps() of a dict holding query() items: the Decimals are nested, still reported.
import json

import boto3

orders = boto3.resource("dynamodb").Table("orders")


def lambda_handler(event, context):
    items = orders.query(KeyConditionExpression="customer = :c")["Items"]
    return {
        "statusCode": 200,
        "body": json.dumps({"items": items, "count": len(items)}),  # error: [LAM003]
    }
