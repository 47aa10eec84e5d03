# The deprecated invoke_async and invoke_with_response_stream invoke the function as well.
import json

import boto3

lambda_client = boto3.client("lambda")


def lambda_handler(event, context):
    lambda_client.invoke_async(FunctionName=context.function_name, InvokeArgs=json.dumps(event))  # error: [LAM006]
    lambda_client.invoke_with_response_stream(FunctionName=context.function_name, Payload=b"{}")  # error: [LAM006]
