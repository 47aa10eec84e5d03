# The factory is first bound to a local name (make = boto3.client): the name is followed and the call reported.
import boto3


def lambda_handler(event, context):
    make = boto3.client
    sqs = make("sqs")  # error: [LAM004]
    sqs.send_message(QueueUrl=event["queue_url"], MessageBody=event["body"])
    return {"ok": True}
