# A date formatted with .strftime(): a string, fine.
from datetime import date


def lambda_handler(event, context):
    return {"day": date.today().strftime("%Y-%m-%d")}
