# A bucket name the handler's module hands to storage.py, which uses that parameter as Bucket=: reported at the literal, naming the use. A name from the environment or the event is configuration.
import os

import storage

ARCHIVE_BUCKET = os.environ["ARCHIVE_BUCKET"]  # error: [LAM005]
REGION = "eu-west-1"


def lambda_handler(event, context):
    storage.save(ARCHIVE_BUCKET, event["id"], event["body"])
    storage.load(event["id"], bucket=os.environ["ACME_REPORTS_BUCKET"])  # error: [LAM005]
    storage.load(event["id"], bucket=os.environ["REPORTS_BUCKET"])
    storage.save(event["bucket"], event["id"], REGION)
    return {"ok": True}
