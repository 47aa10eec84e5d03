import json

import boto3

table = boto3.resource("dynamodb").Table("visitors")


def increment(page):
    attributes = table.update_item(
        Key={"id": page},
        UpdateExpression="ADD visits :one",
        ExpressionAttributeValues={":one": 1},
        ReturnValues="UPDATED_NEW",
    )["Attributes"]
    return json.dumps(attributes)  # error: [LAM003]
