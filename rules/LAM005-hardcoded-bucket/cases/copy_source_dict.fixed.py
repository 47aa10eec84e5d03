# CopySource={"Bucket": "..."} names the source bucket: reported; the destination comes from the environment.
import os

import boto3

s3 = boto3.client("s3")


def lambda_handler(event, context):
    s3.copy_object(
        Bucket=os.environ["DESTINATION_BUCKET"],
        CopySource={"Bucket": os.environ["ACME_INCOMING_BUCKET"], "Key": event["key"]},  # error: [LAM005]
        Key=event["key"],
    )
