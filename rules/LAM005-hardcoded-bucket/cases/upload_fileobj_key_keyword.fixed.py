# upload_fileobj(Fileobj, Bucket, Key=...) and the resource's meta.client: the bucket positional is reported.
import os
import io

import boto3

s3_resource = boto3.resource("s3")


def save(client, body, key):
    client.upload_fileobj(io.BytesIO(body), os.environ["ACME_EXPORTS_BUCKET"], Key=key)  # error: [LAM005]


def lambda_handler(event, context):
    save(s3_resource.meta.client, event["body"].encode(), event["key"])
    s3_resource.meta.client.download_fileobj(os.environ["ACME_EXPORTS_BUCKET"], event["key"], io.BytesIO())  # error: [LAM005]
