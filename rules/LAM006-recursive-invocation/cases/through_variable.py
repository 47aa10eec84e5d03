# The function's own name travels through a local variable before reaching FunctionName=.
import json

import boto3

lambda_client = boto3.client("lambda")


def lambda_handler(event, context):
    me = context.function_name
    target = me
    lambda_client.invoke(FunctionName=target, InvocationType="Event", Payload=json.dumps(event))  # error: [LAM006]
