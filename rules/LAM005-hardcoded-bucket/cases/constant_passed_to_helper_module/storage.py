import boto3

s3 = boto3.client("s3")


def save(bucket, key, body):
    s3.put_object(Bucket=bucket, Key=key, Body=body)


def load(key, bucket):
    return s3.get_object(Bucket=bucket, Key=key)["Body"].read()
