# context.invoked_function_arn names the running function too, whatever the context parameter is called.
import json

import boto3

lambda_client = boto3.client("lambda")


def lambda_handler(event, ctx):
    lambda_client.invoke(FunctionName=ctx.invoked_function_arn, Payload=json.dumps(event))  # error: [LAM006]
