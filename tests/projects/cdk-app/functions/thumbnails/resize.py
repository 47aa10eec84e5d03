import os

import boto3

s3 = boto3.client("s3")


def lambda_handler(event, context):
    key = event["Records"][0]["s3"]["object"]["key"]
    s3.copy_object(Bucket=os.environ["BUCKET"], Key="thumbnails/" + key,
                   CopySource={"Bucket": os.environ["BUCKET"], "Key": key})
