import os

import boto3

s3 = boto3.client("s3")


def lambda_handler(event, context):
    record = event["Records"][0]["s3"]
    key = record["object"]["key"]
    s3.copy_object(Bucket=os.environ["BUCKET"], Key="thumbnails/" + key,
                   CopySource={"Bucket": record["bucket"]["name"], "Key": key})
