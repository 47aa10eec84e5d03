# Decimal values in the response: the runtime's Decimal hook encodes them as numbers.
from decimal import Decimal


def lambda_handler(event, context):
    return {"price": Decimal("19.99"), "quantity": Decimal(3)}
