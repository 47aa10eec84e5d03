# Items a for-loop walks keep their provenance: order.get("quantity", 0) > 2 shows quantity
# is a number, so the Decimal order["quantity"] given to json.dumps is reported.
import json

import boto3

orders = boto3.resource("dynamodb").Table("orders")


def lambda_handler(event, context):
    for order in orders.query()["Items"]:
        if order.get("quantity", 0) > 2:
            body = json.dumps({"big": order["quantity"]}, default=str)  # error: [LAM003]
            return {"statusCode": 200, "body": body}
    return {"statusCode": 404, "body": ""}
