# The session is made once at module level, but session.resource() in the handler still builds a resource per invocation.
import os

import boto3.session

session = boto3.session.Session()


dynamodb = session.resource("dynamodb")  # error: [LAM004]


def lambda_handler(event, context):
    dynamodb.Table(os.environ["TABLE_NAME"]).delete_item(Key={"pk": event["id"]})
    return {"ok": True}
