# A typing.NamedTuple subclass instance: encoded as an object, fine.
from typing import NamedTuple


class Point(NamedTuple):
    x: int
    y: int


def lambda_handler(event, context):
    return Point(1, 2)
