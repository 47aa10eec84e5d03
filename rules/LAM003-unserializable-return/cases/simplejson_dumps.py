# simplejson.dumps handles Decimal by default (use_decimal=True): not the stdlib, fine.
import boto3
import simplejson

table = boto3.resource("dynamodb").Table("orders")


def lambda_handler(event, context):
    item = table.get_item(Key={"id": "1"})["Item"]
    return {"statusCode": 200, "body": simplejson.dumps(item)}
