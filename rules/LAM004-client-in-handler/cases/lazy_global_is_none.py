# The lazy-global pattern (global _s3; if _s3 is None: _s3 = boto3.client(...)): created once per environment, not reported.
import boto3

_s3 = None


def lambda_handler(event, context):
    global _s3
    if _s3 is None:
        _s3 = boto3.client("s3")
    head = _s3.head_object(Bucket=event["bucket"], Key=event["key"])
    return {"size": head["ContentLength"]}
