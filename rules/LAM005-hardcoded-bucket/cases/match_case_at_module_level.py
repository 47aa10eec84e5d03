# A module constant that a module-level match capture may rebind from the environment: silent.
import os

import boto3

s3 = boto3.client("s3")
ARCHIVE = "acme-archive"
match os.environ.get("ARCHIVE_BUCKET"):
    case str() as ARCHIVE:
        pass


def lambda_handler(event, context):
    s3.put_object(Bucket=ARCHIVE, Key=event["key"], Body=b"")
