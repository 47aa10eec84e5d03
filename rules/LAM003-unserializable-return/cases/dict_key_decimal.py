# A Decimal key: the runtime's Decimal hook encodes Decimal values, never keys.
from decimal import Decimal


def lambda_handler(event, context):
    price = Decimal("19.99")
    return {price: "standard"}  # error: [LAM003]
