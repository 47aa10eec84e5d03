# Credentials that are literals or environment variables are the same on every invocation: the client is still reported.
import os

import boto3

KEY_ID = "AKIAEXAMPLE"


s3 = boto3.client("s3", aws_access_key_id=KEY_ID, aws_secret_access_key="secret")  # error: [LAM004]


session = boto3.Session(  # error: [LAM004]
    aws_access_key_id=os.environ["KEY_ID"],
    aws_secret_access_key=os.getenv("SECRET"),
)


def lambda_handler(event, context):
    session.client("sqs").send_message(QueueUrl=event["queue_url"], MessageBody="x")  # error: [LAM004]
    head = s3.head_object(Bucket=event["bucket"], Key=event["key"])
    return {"size": head["ContentLength"]}
