# The handler sends failed messages back to the queue that triggers it.
import os

import boto3

sqs = boto3.client("sqs")


def handler(event, context):
    for record in event["Records"]:
        sqs.send_message(QueueUrl=os.environ["RETRY_QUEUE_URL"], MessageBody=record["body"])  # error: [LAM006]
