# An init helper that stores clients in globals, called by the handler only on a cold start: not reported (the guard is at the call site).
import boto3

_initialised = False
_s3 = None


def _initialise():
    global _s3
    _s3 = boto3.client("s3")


def lambda_handler(event, context):
    global _initialised
    if not _initialised:
        _initialise()
        _initialised = True
    head = _s3.head_object(Bucket=event["bucket"], Key=event["key"])
    return {"size": head["ContentLength"]}
