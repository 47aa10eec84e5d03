# The same counter, with store.py converting the count to int before json.dumps(): it encodes, not reported.
from store import count_visit


def lambda_handler(event, context):
    return {"statusCode": 200, "body": count_visit(event["pathParameters"]["id"])}
