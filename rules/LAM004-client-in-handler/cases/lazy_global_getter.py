# A getter that returns the global when it is already set and creates it otherwise: created once per environment, not reported.
import os

import boto3

_table = None


def _orders_table():
    global _table
    if _table is not None:
        return _table
    _table = boto3.resource("dynamodb").Table(os.environ["TABLE_NAME"])
    return _table


def lambda_handler(event, context):
    _orders_table().put_item(Item={"pk": event["id"]})
    return {"ok": True}
