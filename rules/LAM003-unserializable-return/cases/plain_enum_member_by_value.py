# Status(value) looks a member up by value: still a plain Enum member, reported.
import enum


class Status(enum.Enum):
    ACTIVE = 1
    CLOSED = 2


def lambda_handler(event, context):
    status = Status(1)
    return {"status": status}  # error: [LAM003]
