# The client is built in the else branch of `if _s3 is None:`, that is whenever the global is already set: reported.
import boto3

_s3 = None


def lambda_handler(event, context):
    global _s3
    if _s3 is None:
        print("cold start")
    else:
        _s3 = boto3.client("s3")  # error: [LAM004]
    return {"ok": True}
