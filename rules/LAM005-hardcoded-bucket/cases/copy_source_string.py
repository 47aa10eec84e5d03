# CopySource as a "bucket/key" string, written out or in an f-string: the bucket before "/" is reported.
import os

import boto3

s3 = boto3.client("s3")
DESTINATION = os.environ["DESTINATION_BUCKET"]


def lambda_handler(event, context):
    s3.copy_object(Bucket=DESTINATION, CopySource="acme-templates/welcome.html", Key="welcome.html")  # error: [LAM005]
    s3.copy_object(Bucket=DESTINATION, CopySource=f"acme-incoming/{event['key']}", Key=event["key"])  # error: [LAM005]
