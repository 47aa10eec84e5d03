# The transfer method copy(CopySource, Bucket, Key): both the source dict and the bucket positional are reported.
import boto3

s3 = boto3.client("s3")


def lambda_handler(event, context):
    source = {"Bucket": "acme-incoming", "Key": event["key"]}
    s3.copy(source, "acme-archive", event["key"])  # error: [LAM005]
