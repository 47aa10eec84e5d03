# json.dumps(response["Items"]) straight from scan(), of a table whose stock an update
# expression adds to elsewhere in the module: numbers, so Decimals, reported.
import json

import boto3

table = boto3.resource("dynamodb").Table("orders")


def lambda_handler(event, context):
    response = table.scan()
    body = json.dumps(response["Items"], default=str)  # error: [LAM003]
    return {"statusCode": 200, "body": body}


def restock(order_id, count):
    table.update_item(
        Key={"id": order_id},
        UpdateExpression="SET #q = if_not_exists(#q, :zero) + :count",
        ExpressionAttributeNames={"#q": "quantity"},
        ExpressionAttributeValues={":zero": 0, ":count": count},
    )
