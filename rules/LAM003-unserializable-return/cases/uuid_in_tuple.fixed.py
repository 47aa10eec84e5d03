# A UUID inside a returned tuple literal: tuples encode as arrays, their UUID does not.
from uuid import uuid4


def lambda_handler(event, context):
    return ("created", str(uuid4()))  # error: [LAM003]
