# A member of a plain Enum defined in the module: simplejson cannot encode it.
from enum import Enum


class Status(Enum):
    ACTIVE = "active"
    CLOSED = "closed"


def lambda_handler(event, context):
    return {"status": Status.ACTIVE}  # error: [LAM003]
