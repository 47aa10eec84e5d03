import boto3


def connect():
    return boto3.client("rds-data")
