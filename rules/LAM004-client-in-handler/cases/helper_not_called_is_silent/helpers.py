import boto3

s3 = boto3.client("s3")


def describe(event):
    return s3.head_object(Bucket=event["bucket"], Key=event["key"])


def rebuild():
    return boto3.client("s3")
