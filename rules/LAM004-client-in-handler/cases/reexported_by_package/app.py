# The package re-exports what its modules define (from .clients import make_queue in services/__init__.py): the handler's import is followed through it to the definitions, where the clients are created.
from services import Store, make_queue


def lambda_handler(event, context):
    Store().save(event)
    make_queue().send_message(QueueUrl=event["queue"], MessageBody="saved")
    return {"ok": True}
