# Helpers that build a client for the region they are given, called with the event's region (here and in regional.py): a module-level client cannot serve every region, so the advice is a cache per region. Given a constant region, the plain advice holds.
import boto3

from regional import runtime_client


def _queue(region):
    return boto3.client("sqs", region_name=region)  # error: [LAM004]


def _topic(region):
    return boto3.client("sns", region_name=region)  # error: [LAM004]


def lambda_handler(event, context):
    region = event["headers"]["region"]
    runtime_client(region).converse(modelId=event["model"], messages=[])
    _queue(event["region"]).send_message(QueueUrl=event["queue"], MessageBody="done")
    _topic("eu-west-1").publish(TopicArn=event["topic"], Message="done")
    return {"ok": True}
