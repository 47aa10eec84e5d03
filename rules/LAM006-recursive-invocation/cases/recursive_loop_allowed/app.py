# RecursiveLoop: Allow declares the loop intended (a crawler queues the links it finds): not reported.
import json
import os

import boto3

sqs = boto3.client("sqs")


def handler(event, context):
    for record in event["Records"]:
        for link in json.loads(record["body"])["links"]:
            sqs.send_message(QueueUrl=os.environ["WORK_QUEUE"], MessageBody=json.dumps({"url": link}))
