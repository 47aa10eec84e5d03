# A module-level constant bound only to a bucket literal, used as Bucket=: reported at the use.
import os
import json

import boto3

s3 = boto3.client("s3")
ARCHIVE_BUCKET = os.environ["ARCHIVE_BUCKET"]


def lambda_handler(event, context):
    s3.put_object(Bucket=ARCHIVE_BUCKET, Key=event["id"], Body=json.dumps(event))  # error: [LAM005]
