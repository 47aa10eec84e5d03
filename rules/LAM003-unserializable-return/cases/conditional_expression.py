# A datetime on one side of a conditional expression only: unsure, so silent.
from datetime import datetime


def lambda_handler(event, context):
    return {"at": datetime.now() if event.get("missing") else None}
