# Arithmetic on a Decimal gives a Decimal: Decimal(x) * 2 in json.dumps is reported.
import json
from decimal import Decimal


def lambda_handler(event, context):
    doubled = Decimal(event["pathParameters"]["id"]) * 2
    return {"statusCode": 200, "body": json.dumps({"doubled": doubled}, default=str)}  # error: [LAM003]
