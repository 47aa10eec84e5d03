# "import json as j" and "from json import dumps" are the standard library's json too
# (the item's quantity is compared with a number: the table holds numbers, so Decimals).
import json as j
from json import dumps

import boto3

table = boto3.resource("dynamodb").Table("orders")


def lambda_handler(event, context):
    item = table.get_item(Key={"id": "1"}).get("Item")
    first = j.dumps(item, default=str)  # error: [LAM003]
    second = dumps({"item": item}, default=str)  # error: [LAM003]
    return {"first": first, "second": second, "low_stock": item["quantity"] < 5}
