# Bucket names and URIs built from interpolated values, and URIs without a literal bucket: not reported.
import os

import boto3

s3 = boto3.client("s3")
STAGE = os.environ["STAGE"]


def lambda_handler(event, context):
    s3.put_object(Bucket=f"acme-{STAGE}-orders", Key=event["key"], Body=b"")
    s3.put_object(Bucket="acme-" + STAGE, Key=event["key"], Body=b"")
    bucket = event["bucket"]
    uri = f"s3://{bucket}/{event['key']}"
    other = "s3://" + bucket + "/x"
    partial = f"s3://acme-{STAGE}/x"
    is_s3 = uri.startswith("s3://")
    any_bucket = "arn:aws:s3:::*"
    return {"uri": uri, "other": other, "partial": partial, "s3": is_s3, "any": any_bucket}
