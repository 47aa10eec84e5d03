# Bucket= literals on S3 client methods, one per line, also inside a multi-line call.
import os
import boto3

s3 = boto3.client("s3")


def lambda_handler(event, context):
    s3.head_object(Bucket=os.environ["ACME_MEDIA_BUCKET"], Key=event["key"])  # error: [LAM005]
    s3.delete_object(Bucket=os.environ["ACME_MEDIA_BUCKET"], Key=event["key"])  # error: [LAM005]
    s3.list_objects_v2(
        Bucket=os.environ["ACME_MEDIA_BUCKET"],  # error: [LAM005]
        Prefix=event["prefix"],
    )
    common = {"ContentType": "text/plain"}
    s3.put_object(**common, Bucket=os.environ["ACME_MEDIA_BUCKET"], Key=event["key"])  # error: [LAM005]
