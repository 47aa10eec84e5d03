# The low-level DynamoDB client returns numbers as strings ({"N": "19.99"}): fine.
import json

import boto3

client = boto3.client("dynamodb")


def lambda_handler(event, context):
    item = client.get_item(TableName="orders", Key={"id": {"S": "1"}})["Item"]
    return {"statusCode": 200, "body": json.dumps(item)}
