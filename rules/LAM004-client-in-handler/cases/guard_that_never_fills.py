# The caller tests the global but stores the helper's result elsewhere, so the test stays true: the helper runs on every invocation, reported.
import boto3

_table = None


def _orders_table():
    return boto3.resource("dynamodb").Table("orders")  # error: [LAM004]


def lambda_handler(event, context):
    if _table is None:
        table = _orders_table()
        table.put_item(Item={"pk": event["id"]})
    return {"ok": True}
