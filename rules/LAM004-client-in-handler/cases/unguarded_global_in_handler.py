# The handler stores the client in a global but rebuilds it unconditionally on every invocation: reported.
import boto3

_s3 = None


def lambda_handler(event, context):
    global _s3
    _s3 = boto3.client("s3")  # error: [LAM004]
    if _s3 is None:
        return {"ok": False}
    head = _s3.head_object(Bucket=event["bucket"], Key=event["key"])
    return {"size": head["ContentLength"]}
