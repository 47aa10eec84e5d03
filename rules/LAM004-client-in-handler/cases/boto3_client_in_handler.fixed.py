# boto3.client("s3") built inside the handler: a new client on every invocation.
import boto3


s3 = boto3.client("s3")  # error: [LAM004]


def lambda_handler(event, context):
    head = s3.head_object(Bucket=event["bucket"], Key=event["key"])
    return {"size": head["ContentLength"]}
