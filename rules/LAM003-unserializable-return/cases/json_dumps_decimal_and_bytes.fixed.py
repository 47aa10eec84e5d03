# Decimal and bytes: the runtime encodes them, stdlib json does not: reported at json.dumps.
import json
from decimal import Decimal


def lambda_handler(event, context):
    price = json.dumps({"price": Decimal("19.99")}, default=str)  # error: [LAM003]
    raw = json.dumps([b"raw"])  # error: [LAM003]
    return {"price": price, "raw": raw}
