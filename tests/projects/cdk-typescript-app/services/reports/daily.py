import os

import boto3

s3 = boto3.client("s3")


def run(event, context):
    s3.put_object(Bucket=os.environ["REPORTS_BUCKET"], Key="reports/daily.csv", Body=b"")
