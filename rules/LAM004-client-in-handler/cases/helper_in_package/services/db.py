import boto3


def _table():
    return boto3.resource("dynamodb").Table("items")  # error: [LAM004]


def find(item_id):
    return _table().get_item(Key={"id": item_id})
