# The bucket triggers this function only on deletes: writing a tombstone object cannot fire it again.
import json
import os

import boto3

s3 = boto3.client("s3")


def handler(event, context):
    for record in event["Records"]:
        key = record["s3"]["object"]["key"]
        s3.put_object(Bucket=os.environ["BUCKET"], Key=f"{key}.deleted", Body=json.dumps(record))
