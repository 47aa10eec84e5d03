# Bucket names read from the environment, in every spelling: not reported.
import os
from os import environ, getenv

import boto3

s3 = boto3.client("s3")
ARCHIVE_BUCKET = os.environ["ARCHIVE_BUCKET"]


def lambda_handler(event, context):
    s3.put_object(Bucket=ARCHIVE_BUCKET, Key="a", Body=b"")
    s3.put_object(Bucket=os.getenv("MEDIA_BUCKET"), Key="b", Body=b"")
    s3.put_object(Bucket=environ["MEDIA_BUCKET"], Key="c", Body=b"")
    s3.put_object(Bucket=getenv("MEDIA_BUCKET"), Key="d", Body=b"")
    bucket = environ.get("MEDIA_BUCKET")
    s3.upload_file("/tmp/e", bucket, "e")
