# Lambda clients made from a boto3 Session, boto3.session.Session, a botocore session, and an aliased import.
import boto3 as aws
import botocore.session
from boto3 import client as make_client

session = aws.Session(region_name="eu-west-1")
from_session = session.client("lambda")
from_inline_session = aws.session.Session().client(service_name="lambda")
from_botocore = botocore.session.get_session().create_client("lambda")
from_alias = make_client("lambda")


def lambda_handler(event, context):
    from_session.invoke(FunctionName=context.function_name, Payload=b"{}")  # error: [LAM006]
    from_inline_session.invoke(FunctionName=context.function_name, Payload=b"{}")  # error: [LAM006]
    from_botocore.invoke(FunctionName=context.function_name, Payload=b"{}")  # error: [LAM006]
    from_alias.invoke(FunctionName=context.function_name, Payload=b"{}")  # error: [LAM006]
