# Bucket names from the event (an S3 notification) or a parameter: not reported.
import boto3

s3 = boto3.client("s3")


def thumbnail(bucket, key):
    s3.get_object(Bucket=bucket, Key=key)


def lambda_handler(event, context):
    for record in event["Records"]:
        bucket = record["s3"]["bucket"]["name"]
        thumbnail(bucket, record["s3"]["object"]["key"])
        s3.copy_object(Bucket=bucket, CopySource={"Bucket": bucket, "Key": "a"}, Key="b")
