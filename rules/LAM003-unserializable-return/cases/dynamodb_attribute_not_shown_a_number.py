# DynamoDB attributes nothing in the module shows to be numbers (compared with a string, or
# only for equality with a number) may be strings or booleans: json.dumps of them is silent.
import json

import boto3

orders = boto3.resource("dynamodb").Table("orders")


def lambda_handler(event, context):
    order = orders.get_item(Key={"id": "1"})["Item"]
    if order["name"] == "Widget" and order["active"] == 1:
        body = json.dumps({"name": order["name"], "active": order["active"]})
        return {"statusCode": 200, "body": body}
    return {"statusCode": 404, "body": ""}
