# The template binds BUCKET to the bucket whose uploads trigger the function: every put_object invokes it again.
import os

import boto3

s3 = boto3.client("s3")
BUCKET = os.environ["BUCKET"]


def handler(event, context):
    key = event["Records"][0]["s3"]["object"]["key"]
    body = s3.get_object(Bucket=BUCKET, Key=key)["Body"].read()
    s3.put_object(Bucket=BUCKET, Key=f"resized/{key}", Body=resize(body))  # error: [LAM006]


def resize(body):
    return body[:1024]
