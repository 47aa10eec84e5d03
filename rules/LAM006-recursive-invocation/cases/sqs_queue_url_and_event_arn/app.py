# !Ref Jobs (the queue's URL) and the event's !GetAtt Jobs.Arn are the same queue: the retries it sends invoke it again.
import json
import os

import boto3

sqs = boto3.client("sqs")
QUEUE_URL = os.environ["JOBS_QUEUE_URL"]


def handler(event, context):
    for record in event["Records"]:
        job = json.loads(record["body"])
        if not run(job):
            sqs.send_message(QueueUrl=QUEUE_URL, MessageBody=json.dumps(job))  # error: [LAM006]
    sqs.send_message_batch(QueueUrl=QUEUE_URL, Entries=[])  # error: [LAM006]


def run(job):
    return bool(job)
