# A timedelta built with its constructor: not encodable.
from datetime import timedelta


def lambda_handler(event, context):
    return {"ttl": timedelta(minutes=15).total_seconds()}  # error: [LAM003]
