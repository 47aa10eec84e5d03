# Module names rebound by a lambda parameter, a comprehension or a global rebinding: not reported.
import os

import boto3

s3 = boto3.client("s3")
bucket = "acme-placeholder"
ARCHIVE = "acme-placeholder"


def configure():
    global ARCHIVE
    ARCHIVE = os.environ["ARCHIVE_BUCKET"]


def lambda_handler(event, context):
    configure()
    s3.put_object(Bucket=ARCHIVE, Key="k", Body=b"")
    fetch = lambda bucket: s3.get_object(Bucket=bucket, Key="k")
    fetch(event["bucket"])
    return {"sizes": [s3.head_bucket(Bucket=bucket) is not None for bucket in event["buckets"]]}
