# A * spread before the bucket's position hides which argument is the bucket: not reported.
import boto3

s3 = boto3.client("s3")


def lambda_handler(event, context):
    paths = ["/tmp/report.csv"]
    s3.upload_file(*paths, "daily/report.csv", event["key"])
