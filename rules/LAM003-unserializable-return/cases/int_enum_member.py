# An IntEnum member is an int: simplejson encodes it as its number, fine.
from enum import IntEnum


class Priority(IntEnum):
    LOW = 1
    HIGH = 2


def lambda_handler(event, context):
    return {"priority": Priority.HIGH}
