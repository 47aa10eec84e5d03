# A module constant bound by := in an if test, with a literal only as the fallback: bound twice, silent.
import os

import boto3

s3 = boto3.client("s3")
if not (BUCKET := os.environ.get("BUCKET")):
    BUCKET = "dev-bucket"


def lambda_handler(event, context):
    s3.put_object(Bucket=BUCKET, Key=event["key"], Body=b"")
