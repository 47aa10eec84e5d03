# serverless.yml binds MEDIA_BUCKET to the same bucket name its s3 event names.
import os

import boto3

s3 = boto3.client("s3")


def transcode(event, context):
    key = event["Records"][0]["s3"]["object"]["key"]
    s3.put_object(Bucket=os.environ["MEDIA_BUCKET"], Key=key + ".mp4", Body=b"")  # error: [LAM006]
