# A target name assigned twice may be another function: not reported.
import os

import boto3

lambda_client = boto3.client("lambda")


def lambda_handler(event, context):
    target = context.function_name
    if event.get("delegate"):
        target = os.environ["DELEGATE_FUNCTION"]
    lambda_client.invoke(FunctionName=target, Payload=b"{}")
