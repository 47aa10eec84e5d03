# The bucket name comes from the S3 event record, so the copy lands in the bucket that triggered the function.
import boto3

s3 = boto3.client("s3")


def handler(event, context):
    record = event["Records"][0]
    bucket = record["s3"]["bucket"]["name"]
    key = record["s3"]["object"]["key"]
    s3.copy_object(Bucket=bucket, Key=key + ".bak", CopySource={"Bucket": bucket, "Key": key})  # error: [LAM006]
