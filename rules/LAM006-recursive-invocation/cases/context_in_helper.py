# The context passed down to a helper is not followed (the helper could get any object): not reported.
import boto3

lambda_client = boto3.client("lambda")


def fan_out(context, payload):
    lambda_client.invoke(FunctionName=context.function_name, Payload=payload)


def lambda_handler(event, context):
    fan_out(context, b"{}")
