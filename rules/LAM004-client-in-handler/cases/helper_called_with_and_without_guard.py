# A helper called once under a guard but also unguarded on every invocation: the unguarded call makes it per invocation, reported.
import boto3

_s3 = None


def _client():
    return boto3.client("s3")  # error: [LAM004]


def _head(bucket, key):
    return _client().head_object(Bucket=bucket, Key=key)


def lambda_handler(event, context):
    global _s3
    if _s3 is None:
        _s3 = _client()
    size = _head(event["bucket"], event["key"])["ContentLength"]
    return {"size": size, "tags": _s3.get_object_tagging(Bucket=event["bucket"], Key=event["key"])}
