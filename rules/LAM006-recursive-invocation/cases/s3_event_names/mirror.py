# The bucket triggers this function on copies only: a put_object cannot fire it, a copy_object does.
import os

import boto3

s3 = boto3.client("s3")
BUCKET = os.environ["BUCKET"]


def handler(event, context):
    key = event["Records"][0]["s3"]["object"]["key"]
    s3.put_object(Bucket=BUCKET, Key=f"{key}.seen", Body=b"")
    s3.copy_object(  # error: [LAM006]
        Bucket=BUCKET, Key=f"mirror/{key}", CopySource={"Bucket": BUCKET, "Key": key})
