# Created in a with statement and passed straight as an argument: both are creations per invocation.
import boto3
import requests


def _archive(s3, event):
    s3.put_object(Bucket=event["bucket"], Key=event["key"], Body=event["body"].encode())


def lambda_handler(event, context):
    with requests.Session() as http:  # error: [LAM004]
        status = http.get(event["url"]).status_code
    _archive(boto3.client("s3"), event)  # error: [LAM004]
    return {"status": status}
