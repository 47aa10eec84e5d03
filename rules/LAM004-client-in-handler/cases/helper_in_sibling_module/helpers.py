import boto3


def fetch(bucket, key):
    s3 = boto3.client("s3")  # error: [LAM004]
    return s3.get_object(Bucket=bucket, Key=key)["Body"].read().decode()
