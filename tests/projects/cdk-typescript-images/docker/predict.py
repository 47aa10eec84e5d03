import json

import boto3


def handler(event, context):
    runtime = boto3.client("sagemaker-runtime")
    response = runtime.invoke_endpoint(EndpointName="model", Body=json.dumps(event))
    return {"statusCode": 200, "body": response["Body"].read().decode()}
