# A date key in a dict comprehension: the runtime does not convert keys as it does values.
from datetime import date


def lambda_handler(event, context):
    return [{date.today(): count for count in (1, 2)}]  # error: [LAM003]
