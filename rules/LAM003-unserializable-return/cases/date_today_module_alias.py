# date.today() through "import datetime as dt", via a local variable: a date, reported.
import datetime as dt


def lambda_handler(event, context):
    today = dt.date.today()
    return {"day": today}  # error: [LAM003]
