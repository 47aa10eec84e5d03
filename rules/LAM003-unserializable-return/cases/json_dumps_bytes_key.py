# The runtime accepts a bytes key, stdlib json does not.
import json


def lambda_handler(event, context):
    return {"statusCode": 200, "body": json.dumps({b"raw": 1})}  # error: [LAM003]
