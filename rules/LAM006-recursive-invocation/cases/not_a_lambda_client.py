# Methods named like invoke on clients that are not Lambda clients (SQS, SageMaker runtime): not reported.
import json

import boto3

sqs = boto3.client("sqs")
sagemaker = boto3.client("sagemaker-runtime")


def lambda_handler(event, context):
    sqs.invoke(FunctionName=context.function_name)
    sagemaker.invoke_endpoint(EndpointName=context.function_name, Body=json.dumps(event))
    event["client"].invoke(FunctionName=context.function_name)
