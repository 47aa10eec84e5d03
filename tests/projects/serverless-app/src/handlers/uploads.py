import os

import boto3

s3 = boto3.client("s3")


def on_upload(event, context):
    for record in event["Records"]:
        key = record["s3"]["object"]["key"]
        s3.copy_object(Bucket=os.environ["ARCHIVE_BUCKET"], Key=key,
                       CopySource={"Bucket": os.environ["UPLOADS_BUCKET"], "Key": key})
