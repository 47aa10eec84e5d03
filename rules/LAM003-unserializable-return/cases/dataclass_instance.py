# A dataclass instance of the module: not a dict to simplejson, reported.
from dataclasses import dataclass


@dataclass
class Order:
    id: str
    total: float


def lambda_handler(event, context):
    order = Order(id=event["pathParameters"]["id"], total=9.5)
    return order  # error: [LAM003]
