# A boto3.Session and a client from it, both built in the handler: each creation is reported.
import boto3


session = boto3.Session(region_name="eu-west-1")  # error: [LAM004]


sqs = session.client("sqs")  # error: [LAM004]


def lambda_handler(event, context):
    sqs.send_message(QueueUrl=event["queue_url"], MessageBody=event["body"])
    return {"ok": True}
