# A literal default of an environment read is a fallback, the environment stays the source: not reported.
import os

import boto3

s3 = boto3.client("s3")
BUCKET = os.environ.get("BUCKET", "acme-dev-bucket")
LAKE = os.getenv("LAKE_URI", "s3://acme-dev-lake/raw/")


def lambda_handler(event, context):
    s3.put_object(Bucket=BUCKET, Key=event["key"], Body=b"")
    location = os.environ.get("EXPORT_URI", "s3://acme-dev-exports/")
    return {"lake": LAKE, "export": location}
