# json.dumps(..., cls=DecimalEncoder) with an encoder that handles Decimal: fine.
import json
from decimal import Decimal

import boto3

table = boto3.resource("dynamodb").Table("orders")


class DecimalEncoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, Decimal):
            return float(o)
        return super().default(o)


def lambda_handler(event, context):
    item = table.get_item(Key={"id": "1"})["Item"]
    return {"statusCode": 200, "body": json.dumps(item, cls=DecimalEncoder)}
