# os.environ.get, os.getenv and the from-os imports of AWS_LAMBDA_FUNCTION_NAME all name the function itself.
import os
from os import environ, getenv

import boto3

lambda_client = boto3.client("lambda")


def lambda_handler(event, context):
    lambda_client.invoke(FunctionName=os.environ.get("AWS_LAMBDA_FUNCTION_NAME"), Payload=b"{}")  # error: [LAM006]
    lambda_client.invoke(FunctionName=os.getenv("AWS_LAMBDA_FUNCTION_NAME", "x"), Payload=b"{}")  # error: [LAM006]
    lambda_client.invoke(FunctionName=environ["AWS_LAMBDA_FUNCTION_NAME"], Payload=b"{}")  # error: [LAM006]
    lambda_client.invoke(FunctionName=getenv("AWS_LAMBDA_FUNCTION_NAME"), Payload=b"{}")  # error: [LAM006]
