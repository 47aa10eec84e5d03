# dict.setdefault(key, boto3.client(...)) evaluates its argument every time: a client is built on every invocation.
import boto3

_clients = {}


def lambda_handler(event, context):
    region = event["region"]
    client = _clients.setdefault(region, boto3.client("sqs", region_name=region))  # error: [LAM004]
    client.send_message(QueueUrl=event["queue_url"], MessageBody=event["body"])
    return {"ok": True}
