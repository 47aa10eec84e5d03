import boto3


def build():
    return boto3.client("s3")
