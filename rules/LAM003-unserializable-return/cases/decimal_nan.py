# Decimal("NaN"): the runtime's Decimal hook turns it into a NaN float, written as bare NaN.
from decimal import Decimal


def lambda_handler(event, context):
    return {"ratio": Decimal("NaN")}  # error: [LAM003]
