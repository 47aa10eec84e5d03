# Keyword arguments spread from a dict: a literal dict without credentials is reported, an unknown dict may carry credentials and is not.
import boto3

REGION = {"region_name": "eu-west-1"}


def lambda_handler(event, context):
    sqs = boto3.client("sqs", **REGION)  # error: [LAM004]
    tenant = boto3.client("sqs", **event["client_options"])
    sqs.send_message(QueueUrl=event["queue_url"], MessageBody=event["body"])
    tenant.send_message(QueueUrl=event["queue_url"], MessageBody=event["body"])
    return {"ok": True}
