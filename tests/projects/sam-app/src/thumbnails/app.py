import os

import boto3

s3 = boto3.client("s3")


def lambda_handler(event, context):
    for record in event["Records"]:
        key = record["s3"]["object"]["key"]
        s3.copy_object(Bucket=os.environ["OUTPUT_BUCKET"], Key=f"thumbnails/{key}",
                       CopySource={"Bucket": os.environ["BUCKET"], "Key": key})
