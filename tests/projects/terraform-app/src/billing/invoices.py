import os

import boto3


def handler(event, context):
    s3 = boto3.client("s3")
    s3.put_object(Bucket=os.environ["INVOICE_BUCKET"], Key=event["id"], Body=b"")
