# The transfer method copy(CopySource, Bucket, Key): both the source dict and the bucket positional are reported.
import os
import boto3

s3 = boto3.client("s3")


def lambda_handler(event, context):
    source = {"Bucket": os.environ["ACME_INCOMING_BUCKET"], "Key": event["key"]}
    s3.copy(source, os.environ["ACME_ARCHIVE_BUCKET"], event["key"])  # error: [LAM005]
