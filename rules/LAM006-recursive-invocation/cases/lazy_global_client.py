# A client created lazily behind a global cannot be traced to one boto3.client("lambda") call: not reported.
import boto3

_client = None


def get_client():
    global _client
    if _client is None:
        _client = boto3.client("lambda")
    return _client


def lambda_handler(event, context):
    get_client().invoke(FunctionName=context.function_name, Payload=b"{}")
