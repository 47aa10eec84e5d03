import json

import boto3


def lambda_handler(event, context):
    table = boto3.resource("dynamodb").Table("greetings")
    table.put_item(Item={"id": "hello"})
    return {"statusCode": 200, "body": json.dumps({"message": "hello"})}
