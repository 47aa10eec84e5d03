# The trigger only fires for keys under incoming/: writes under processed/ are safe, a write back under incoming/ loops.
import os

import boto3

s3 = boto3.client("s3")
bucket = os.environ["DATA_BUCKET"]


def handler(event, context):
    key = event["Records"][0]["s3"]["object"]["key"]
    name = key.rsplit("/", 1)[-1]
    s3.put_object(Bucket=bucket, Key=f"processed/{name}", Body=b"done")
    s3.put_object(Bucket=bucket, Key="processed/latest", Body=b"done")
    processed_key = "processed/" + name
    s3.put_object(Bucket=bucket, Key=processed_key, Body=b"done")
    s3.put_object(Bucket=bucket, Key=f"incoming/{name}.retry", Body=b"again")  # error: [LAM006]
    s3.put_object(Bucket=bucket, Key=f"{key}.done", Body=b"")  # error: [LAM006]
