# A Params dict bound to a variable: the bucket inside it is reported where the dict is passed.
import os
import boto3

s3 = boto3.client("s3")


def lambda_handler(event, context):
    params = {"Bucket": os.environ["ACME_REPORTS_BUCKET"], "Key": event["key"]}
    url = s3.generate_presigned_url("get_object", Params=params)  # error: [LAM005]
    return {"url": url}
