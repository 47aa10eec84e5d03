# A self-invocation in a function no handler calls: not reported.
import os

import boto3

lambda_client = boto3.client("lambda")


def retry_later():
    lambda_client.invoke(FunctionName=os.environ["AWS_LAMBDA_FUNCTION_NAME"], Payload=b"{}")


def lambda_handler(event, context):
    return {"ok": True}
