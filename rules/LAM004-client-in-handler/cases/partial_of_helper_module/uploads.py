import os

import boto3


def upload(prefix, name):
    s3 = boto3.client("s3")  # error: [LAM004]
    s3.upload_file(name, os.environ["UPLOAD_BUCKET"], prefix + name)
