# A helper both handlers reach loops only for one of them (the schedule is not triggered by the bucket): not reported there.
import os

import boto3

s3 = boto3.client("s3")


def save(key, body):
    s3.put_object(Bucket=os.environ["REPORTS_BUCKET"], Key=key, Body=body)


def on_report(event, context):
    s3.put_object(Bucket=os.environ["REPORTS_BUCKET"], Key="index.html", Body=b"")  # error: [LAM006]
    save("summary.json", b"{}")


def nightly(event, context):
    save("nightly.json", b"{}")
