# Factory helpers decorated with functools.cache / lru_cache (also imported under another name): built once per argument, not reported.
import functools
from functools import cache
from functools import lru_cache as memoize

import boto3


@functools.lru_cache(maxsize=None)
def _client(service):
    return boto3.client(service)


@cache
def _table(name):
    return boto3.resource("dynamodb").Table(name)


@memoize(maxsize=8)
def _regional(service, region):
    return boto3.client(service, region_name=region)


def lambda_handler(event, context):
    _client("sqs").send_message(QueueUrl=event["queue_url"], MessageBody=event["body"])
    _table(event["table"]).put_item(Item={"pk": event["id"]})
    _regional("sns", event["region"]).publish(TopicArn=event["topic"], Message=event["body"])
    return {"ok": True}
