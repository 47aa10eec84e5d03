# upload_file/download_file/copy on a Bucket or Object resource take no bucket: their literals are keys, not reported.
import os

import boto3

s3 = boto3.resource("s3")
reports = s3.Bucket(os.environ["REPORTS_BUCKET"])


def save(bucket):
    bucket.upload_file("/tmp/report.csv", "daily/report.csv")
    bucket.download_file("daily/report.csv", "/tmp/copy.csv")
    bucket.upload_file("/tmp/report.csv", "daily/report.csv", {"ACL": "private"})


def lambda_handler(event, context):
    reports.upload_file("/tmp/report.csv", "daily/report.csv", {"ContentType": "text/csv"})
    reports.Object("daily/report.csv").upload_file("/tmp/report.csv")
    save(reports)
