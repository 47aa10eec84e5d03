# datetime.fromtimestamp() of the request time: a datetime, reported.
import datetime


def lambda_handler(event, context):
    seconds = event["requestContext"]["requestTimeEpoch"] / 1000
    return {"received": datetime.datetime.fromtimestamp(seconds).isoformat()}  # error: [LAM003]
