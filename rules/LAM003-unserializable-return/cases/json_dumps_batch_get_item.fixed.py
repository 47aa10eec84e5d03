# json.dumps() of batch_get_item's Responses for one table, whose quantity the code sums:
# DynamoDB items holding numbers, so Decimals, reported.
import json

import boto3

dynamodb = boto3.resource("dynamodb")


def lambda_handler(event, context):
    response = dynamodb.batch_get_item(RequestItems={"orders": {"Keys": [{"id": "1"}]}})
    orders = response["Responses"]["orders"]
    print("first order quantity", orders[0]["quantity"] + 0)
    return {"statusCode": 200, "body": json.dumps(orders, default=str)}  # error: [LAM003]
