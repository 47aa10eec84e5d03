# Names bound by the module's one star import are followed into the module that defines them, as far as its __all__ exports them: queue() and Store() are reported in helpers.py (unlisted(), outside __all__, is not bound here). With a second star import, either module might bind a name, and none is followed.
from helpers import *


def lambda_handler(event, context):
    queue().send_message(QueueUrl=event["queue"], MessageBody="ping")
    Store().save(event)
    return {"ok": True}
