# from boto3 import client as make_client: the imported factory is resolved and reported.
from boto3 import client as make_client


def lambda_handler(event, context):
    events = make_client("events")  # error: [LAM004]
    events.put_events(Entries=[{"Source": "app", "DetailType": "t", "Detail": event["detail"]}])
    return {"ok": True}
