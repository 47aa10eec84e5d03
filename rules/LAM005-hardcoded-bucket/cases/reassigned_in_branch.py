# A variable assigned in two places (stage-dependent) is not a single constant: not reported.
import boto3

s3 = boto3.client("s3")


def lambda_handler(event, context):
    bucket = "acme-staging"
    if event.get("stage") == "prod":
        bucket = "acme-prod"
    s3.put_object(Bucket=bucket, Key=event["key"], Body=b"")
