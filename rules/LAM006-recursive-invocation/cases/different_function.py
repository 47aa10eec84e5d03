# Invoking another function, by literal name or through another environment variable: not reported.
import json
import os

import boto3

lambda_client = boto3.client("lambda")
WORKER = os.environ["WORKER_FUNCTION"]


def lambda_handler(event, context):
    lambda_client.invoke(FunctionName="acme-worker", Payload=json.dumps(event))
    lambda_client.invoke(FunctionName=WORKER, Payload=json.dumps(event))
    lambda_client.invoke(FunctionName=os.getenv("NOTIFIER_FUNCTION"), Payload=json.dumps(event))
    lambda_client.get_function(FunctionName=context.function_name)
