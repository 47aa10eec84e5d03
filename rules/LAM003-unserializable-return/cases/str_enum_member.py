# A (str, Enum) member is a str: encoded as its value, fine.
from enum import Enum


class Status(str, Enum):
    ACTIVE = "active"


def lambda_handler(event, context):
    return {"status": Status.ACTIVE}
