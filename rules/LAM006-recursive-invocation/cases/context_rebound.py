# A context name rebound in the handler or shadowed by a lambda parameter is not the runtime's context: not reported.
import boto3

lambda_client = boto3.client("lambda")


def lambda_handler(event, context):
    for child in event["children"]:
        run = lambda context: lambda_client.invoke(FunctionName=context.function_name)
        run(child)
    context = event["parent"]
    lambda_client.invoke(FunctionName=context.function_name)
