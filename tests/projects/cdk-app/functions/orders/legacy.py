import os

import boto3

s3 = boto3.client("s3")


def list_orders(event, context):
    listing = s3.list_objects_v2(Bucket=os.environ["ORDERS_BUCKET"], Prefix="orders/")
    return [item["Key"] for item in listing.get("Contents", [])]
