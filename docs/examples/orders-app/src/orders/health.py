"""GET /health: a clean handler, nothing to report."""

import os

import boto3

dynamodb = boto3.client("dynamodb")
TABLE_NAME = os.environ["ORDERS_TABLE"]


def lambda_handler(event, context):
    table = dynamodb.describe_table(TableName=TABLE_NAME)["Table"]
    return {"statusCode": 200, "body": table["TableStatus"]}
