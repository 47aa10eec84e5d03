# A Table from a boto3.Session's resource: the same Decimals, reported.
import json

import boto3

session = boto3.Session()
table = session.resource("dynamodb").Table("orders")


def lambda_handler(event, context):
    items = table.query()["Items"]
    return {"statusCode": 200, "body": json.dumps(items)}  # error: [LAM003]
