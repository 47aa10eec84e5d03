# A bucket literal in a def or lambda nested in the handler, passed directly or through a name the nested function binds once: reported.
import os
import boto3

s3 = boto3.client("s3")


def lambda_handler(event, context):
    def archive(key):
        s3.put_object(Bucket=os.environ["ACME_ARCHIVE_BUCKET"], Key=key, Body=b"")  # error: [LAM005]

    def export(key):
        bucket = os.environ["BUCKET"]
        s3.put_object(Bucket=bucket, Key=key, Body=b"")  # error: [LAM005]

    def publish(keys):
        target = os.environ["TARGET_BUCKET"]
        copy = lambda key: s3.copy_object(Bucket=target, Key=key,  # error: [LAM005]
                                          CopySource=event["source"])
        for key in keys:
            copy(key)

    upload = lambda path: s3.upload_file(path, os.environ["ACME_UPLOADS_BUCKET"], "incoming/file")  # error: [LAM005]
    archive(event["key"])
    export(event["key"])
    publish(event["keys"])
    upload("/tmp/file")
