# A module constant read from AWS_LAMBDA_FUNCTION_NAME, used in a helper the handler calls.
import json
import os

import boto3

lambda_client = boto3.client("lambda")
SELF = os.environ["AWS_LAMBDA_FUNCTION_NAME"]


def continue_later(payload):
    lambda_client.invoke(FunctionName=SELF, InvocationType="Event", Payload=json.dumps(payload))  # error: [LAM006]


def lambda_handler(event, context):
    continue_later({"page": event["page"] + 1})
