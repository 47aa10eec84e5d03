# A Table from a boto3.Session's resource, whose items' quantity the handler adds to: the same
# Decimals, reported.
import json

import boto3

session = boto3.Session()
table = session.resource("dynamodb").Table("orders")


def lambda_handler(event, context):
    items = table.query()["Items"]
    print("first quantity plus one", items[0]["quantity"] + 1)
    return {"statusCode": 200, "body": json.dumps(items, default=str)}  # error: [LAM003]
