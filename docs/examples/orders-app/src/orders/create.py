"""POST /orders: store the order document in S3 for the fulfilment pipeline."""

import json
import uuid

import boto3

s3 = boto3.client("s3")
ARCHIVE_BUCKET = "acme-orders-archive"


def lambda_handler(event):
    order = json.loads(event["body"])
    if not order.get("items"):
        return {"statusCode": 400, "body": {"error": "an order needs at least one item"}}
    order_id = str(uuid.uuid4())
    s3.put_object(Bucket=ARCHIVE_BUCKET, Key=f"orders/{order_id}.json", Body=json.dumps(order))
    return {"statusCode": 201, "body": json.dumps({"id": order_id})}
