# dataclasses.asdict() turns the dataclass into a plain dict: fine.
import dataclasses


@dataclasses.dataclass(frozen=True)
class Order:
    id: str
    total: float


def lambda_handler(event, context):
    order = Order(id=event["pathParameters"]["id"], total=9.5)
    return dataclasses.asdict(order)
