# json.dumps() of batch_get_item's Responses for one table: DynamoDB items, reported.
import json

import boto3

dynamodb = boto3.resource("dynamodb")


def lambda_handler(event, context):
    response = dynamodb.batch_get_item(RequestItems={"orders": {"Keys": [{"id": "1"}]}})
    orders = response["Responses"]["orders"]
    return {"statusCode": 200, "body": json.dumps(orders)}  # error: [LAM003]
