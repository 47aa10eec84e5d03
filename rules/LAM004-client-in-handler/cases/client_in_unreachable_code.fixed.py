# Clients created only in code that never runs (under if False, after a return, in a helper
# that only such code calls) are never created per invocation; a live one still is.
import boto3


def debug_client():
    return boto3.client("sqs")


s3 = boto3.client("s3")  # error: [LAM004]


def lambda_handler(event, context):
    if False:
        boto3.client("sns").publish(TopicArn="arn", Message="debug")
        debug_client()
    return {"buckets": len(s3.list_buckets()["Buckets"])}
    boto3.client("ses")
