# A region taken from the event is not a credential: the client could be cached per region, so it is reported.
import boto3


def lambda_handler(event, context):
    s3 = boto3.client("s3", region_name=event["region"])  # error: [LAM004]
    head = s3.head_object(Bucket=event["bucket"], Key=event["key"])
    return {"size": head["ContentLength"]}
