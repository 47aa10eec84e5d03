# sorted() turns the set into a list, but the list still holds datetimes: reported.
from datetime import datetime


def lambda_handler(event, context):
    stamps = {datetime(2024, 1, 2), datetime(2024, 1, 1)}
    return {"stamps": sorted(stamps)}  # error: [LAM003]
