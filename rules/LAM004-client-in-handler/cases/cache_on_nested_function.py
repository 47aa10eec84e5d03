# functools.cache on a function defined inside the handler: a new, empty cache every invocation, so the client is reported.
import functools

import boto3


def lambda_handler(event, context):
    @functools.cache
    def client():
        return boto3.client("sqs")  # error: [LAM004]

    client().send_message(QueueUrl=event["queue_url"], MessageBody=event["body"])
    return {"ok": True}
