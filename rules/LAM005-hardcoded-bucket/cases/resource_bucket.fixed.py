# S3 resources built from a literal bucket name: Bucket("x"), Object("x", key), BucketPolicy(bucket_name="x").
import os
import boto3

s3 = boto3.resource("s3")


def lambda_handler(event, context):
    for summary in s3.Bucket(os.environ["ACME_LOGS_BUCKET"]).objects.limit(10):  # error: [LAM005]
        print(summary.key)
    s3.Object(os.environ["ACME_LOGS_BUCKET"], event["key"]).delete()  # error: [LAM005]
    policy = s3.BucketPolicy(bucket_name=os.environ["ACME_LOGS_BUCKET"])  # error: [LAM005]
    return {"policy": policy.policy}
