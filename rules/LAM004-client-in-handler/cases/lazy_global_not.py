# The lazy-global pattern with `if not _connection:` in the handler, and `_s3 = _s3 or ...`: created once, not reported.
import os

import boto3
import pymysql

_connection = None
_s3 = None


def lambda_handler(event, context):
    global _connection, _s3
    if not _connection:
        _connection = pymysql.connect(host=os.environ["DB_HOST"])
    _s3 = _s3 or boto3.client("s3")
    with _connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return {"ok": True}
