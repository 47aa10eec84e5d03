import boto3


def fetch():
    return boto3.client("s3").list_buckets()  # noqa: LAM004 - a one-off maintenance function
