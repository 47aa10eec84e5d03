# A handler written as a lambda is checked like a def.
import os
import boto3

s3 = boto3.client("s3")

handler = lambda event, context: s3.head_bucket(Bucket=os.environ["ACME_HEALTH_BUCKET"])  # error: [LAM005]
