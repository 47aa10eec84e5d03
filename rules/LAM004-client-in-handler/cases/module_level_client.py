# Clients and connections created once at module level and reused by the handler: not reported.
import os

import boto3
import pymysql

s3 = boto3.client("s3")
connection = pymysql.connect(host=os.environ["DB_HOST"])


def lambda_handler(event, context):
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    head = s3.head_object(Bucket=event["bucket"], Key=event["key"])
    return {"size": head["ContentLength"]}
