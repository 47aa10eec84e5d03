# generate_presigned_post(Bucket=...) and generate_presigned_url(Params={"Bucket": ...}).
import os
import boto3

s3 = boto3.client("s3")


def lambda_handler(event, context):
    upload = s3.generate_presigned_post(Bucket=os.environ["ACME_UPLOADS_BUCKET"], Key=event["key"])  # error: [LAM005]
    download = s3.generate_presigned_url(
        "get_object",
        Params={"Bucket": os.environ["ACME_UPLOADS_BUCKET"], "Key": event["key"]},  # error: [LAM005]
        ExpiresIn=300,
    )
    return {"upload": upload["url"], "download": download}
