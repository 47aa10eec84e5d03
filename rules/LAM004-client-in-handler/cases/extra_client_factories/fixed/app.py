# Factories added in config (extra-client-factories): reported in the handler like the built-in ones, silent at module level.
import os

from mycompany import aws, db

audit = db.connect(os.environ["AUDIT_DSN"])
tenant_session = aws.Session()


orders = db.connect(os.environ["ORDERS_DSN"])  # error: [LAM004]


queue = tenant_session.client("sqs")  # error: [LAM004]


def lambda_handler(event, context):
    orders.insert(event["order"])
    audit.insert(event["order"])
    queue.send(event["order"])
    return {"ok": True}
