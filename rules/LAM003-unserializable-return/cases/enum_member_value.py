# .value of a plain Enum member: the underlying string, which encodes.
from enum import Enum


class Status(Enum):
    ACTIVE = "active"


def lambda_handler(event, context):
    return {"status": Status.ACTIVE.value}
