# Terraform: the notification's aws_s3_bucket.scans.id and the variable's .bucket name one bucket; only .pdf keys trigger.
import os

import boto3

s3 = boto3.client("s3")


def handler(event, context):
    key = event["Records"][0]["s3"]["object"]["key"]
    s3.put_object(Bucket=os.environ["SCANS_BUCKET"], Key=key + ".txt", Body=b"text")
    s3.put_object(Bucket=os.environ["SCANS_BUCKET"], Key=f"redacted/{key}", Body=b"")  # error: [LAM006]
