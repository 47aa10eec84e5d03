import os

import boto3


def upload(key, body):
    boto3.client("s3").put_object(Bucket=os.environ["BUCKET"], Key=key, Body=body)  # error: [LAM004]
