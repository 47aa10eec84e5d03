# json.dumps() of the event: lambdalint does not guess what a parameter holds.
import json


def lambda_handler(event, context):
    return {"statusCode": 200, "body": json.dumps(event)}
