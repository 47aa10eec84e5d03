# The handler calls load(), which calls _fetch(), which builds the client: reported at the creating line in the helper.
import boto3


s3 = boto3.client("s3")  # error: [LAM004]


def _fetch(bucket, key):
    return s3.get_object(Bucket=bucket, Key=key)["Body"].read().decode()


def load(event):
    return _fetch(event["bucket"], event["key"])


def lambda_handler(event, context):
    return {"text": load(event)}
