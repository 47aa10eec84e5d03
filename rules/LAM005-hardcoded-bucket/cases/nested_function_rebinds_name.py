# A nested function that rebinds the handler's bucket name from the event, or takes it as a parameter: not reported.
import boto3

s3 = boto3.client("s3")


def lambda_handler(event, context):
    bucket = "acme-default"

    def archive(key):
        bucket = event["bucket"]
        s3.put_object(Bucket=bucket, Key=key, Body=b"")

    def export(key, bucket=bucket):
        s3.put_object(Bucket=bucket, Key=key, Body=b"")

    archive(event["key"])
    export(event["key"])
    s3.put_object(Bucket=bucket, Key="marker", Body=b"")
