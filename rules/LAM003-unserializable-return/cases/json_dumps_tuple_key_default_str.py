# default= converts values json cannot encode, never keys: a tuple key still raises.
import json


def lambda_handler(event, context):
    body = json.dumps({("eu-west-1", 2024): 12}, default=str)  # error: [LAM003]
    return {"statusCode": 200, "body": body}
