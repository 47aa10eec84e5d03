# Only .jpg keys trigger the function; the converted .png files it writes back do not: not reported.
import os

import boto3

s3 = boto3.client("s3")


def handler(event, context):
    key = event["Records"][0]["s3"]["object"]["key"]
    s3.upload_file("/tmp/converted.png", os.environ["IMAGES"], f"{key[:-4]}.png")
