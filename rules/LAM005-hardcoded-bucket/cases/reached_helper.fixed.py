# A literal bucket in a helper the handler calls is reported; the same in a helper nobody calls is not.
import os
import boto3

s3 = boto3.client("s3")


def store(key, body):
    s3.put_object(Bucket=os.environ["ACME_EVENTS_BUCKET"], Key=key, Body=body)  # error: [LAM005]


def unused_migration(key):
    s3.delete_object(Bucket="acme-legacy", Key=key)


def lambda_handler(event, context):
    store(event["id"], event["body"])
