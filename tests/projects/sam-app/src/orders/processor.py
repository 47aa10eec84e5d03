import json
import os

import boto3

sqs = boto3.client("sqs")


def process(event, context):
    for record in event["Records"]:
        order = json.loads(record["body"])
        if order.get("retry"):
            sqs.send_message(QueueUrl=os.environ["QUEUE_URL"], MessageBody=record["body"])
