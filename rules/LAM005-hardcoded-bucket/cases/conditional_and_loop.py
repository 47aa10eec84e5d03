# A conditional expression, a loop variable and a tuple unpacking are not single constants: not reported.
import boto3

s3 = boto3.client("s3")


def lambda_handler(event, context):
    bucket = "acme-a" if event.get("a") else "acme-b"
    s3.put_object(Bucket=bucket, Key="k", Body=b"")
    for name in ("acme-c", "acme-d"):
        s3.head_bucket(Bucket=name)
    first, second = "acme-e", "acme-f"
    s3.head_bucket(Bucket=first)
    s3.head_bucket(Bucket=second)
