# A local variable bound once to a bucket literal, then passed as Bucket=: reported at the use.
import os
import boto3

s3 = boto3.client("s3")


def lambda_handler(event, context):
    bucket_name = os.environ["BUCKET_NAME"]
    response = s3.get_object(Bucket=bucket_name, Key=event["key"])  # error: [LAM005]
    return {"size": response["ContentLength"]}
