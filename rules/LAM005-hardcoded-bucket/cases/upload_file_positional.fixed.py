# upload_file(Filename, Bucket, Key) on an S3 client: the second positional is the bucket.
import os
import boto3

s3 = boto3.client("s3")


def lambda_handler(event, context):
    path = "/tmp/report.csv"
    with open(path, "w") as report:
        report.write(event["csv"])
    s3.upload_file(path, os.environ["ACME_REPORTS_BUCKET"], "daily/report.csv")  # error: [LAM005]
