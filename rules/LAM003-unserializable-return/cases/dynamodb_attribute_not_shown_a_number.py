# A DynamoDB attribute nothing in the module shows to be a number (the name is compared with
# a string) may be a string: json.dumps of it is not reported, nor of a string attribute.
import json

import boto3

orders = boto3.resource("dynamodb").Table("orders")


def lambda_handler(event, context):
    order = orders.get_item(Key={"id": "1"})["Item"]
    if order["name"] == "Widget":
        return {"statusCode": 200, "body": json.dumps({"name": order["name"]})}
    return {"statusCode": 404, "body": ""}
