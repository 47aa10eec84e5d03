# The function writes to a bucket other than its trigger, or names one the template does not bind: not reported.
import os

import boto3

s3 = boto3.client("s3")


def handler(event, context):
    key = event["Records"][0]["s3"]["object"]["key"]
    s3.copy_object(Bucket=os.environ["ARCHIVE_BUCKET"], Key=key,
                   CopySource={"Bucket": os.environ["UPLOADS_BUCKET"], "Key": key})
    s3.put_object(Bucket=os.environ["REPORTS_BUCKET"], Key=key, Body=b"")
    s3.put_object(Bucket=event["Records"][0]["s3"]["object"]["key"], Key=key, Body=b"")
