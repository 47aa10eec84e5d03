# Bucket= literals on S3 client methods, one per line, also inside a multi-line call.
import boto3

s3 = boto3.client("s3")


def lambda_handler(event, context):
    s3.head_object(Bucket="acme-media", Key=event["key"])  # error: [LAM005]
    s3.delete_object(Bucket="acme-media", Key=event["key"])  # error: [LAM005]
    s3.list_objects_v2(
        Bucket="acme-media",  # error: [LAM005]
        Prefix=event["prefix"],
    )
    common = {"ContentType": "text/plain"}
    s3.put_object(**common, Bucket="acme-media", Key=event["key"])  # error: [LAM005]
