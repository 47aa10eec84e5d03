# paginate(Bucket=...) on an S3 paginator and wait(Bucket=...) on an S3 waiter.
import os
import boto3

s3 = boto3.client("s3")


def lambda_handler(event, context):
    paginator = s3.get_paginator("list_objects_v2")
    keys = []
    for page in paginator.paginate(Bucket=os.environ["ACME_INBOX_BUCKET"], Prefix="new/"):  # error: [LAM005]
        keys.extend(item["Key"] for item in page.get("Contents", []))
    s3.get_waiter("object_exists").wait(Bucket=os.environ["ACME_INBOX_BUCKET"], Key=event["key"])  # error: [LAM005]
    return {"keys": keys}
