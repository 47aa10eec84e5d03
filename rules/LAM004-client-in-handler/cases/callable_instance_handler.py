# The handler is an instance of the module's class, made once at import: what its __init__ builds is built once, what its __call__ (and the methods it calls on self) builds is built on every invocation.
import boto3


class Handler:
    def __init__(self):
        self.table = boto3.resource("dynamodb").Table("orders")

    def __call__(self, event, context):
        self.table.put_item(Item={"id": event["id"]})
        self._notify(event["id"])
        return {"ok": True}

    def _notify(self, order_id):
        sns = boto3.client("sns")  # error: [LAM004]
        sns.publish(TopicArn="arn:aws:sns:eu-west-1:123456789012:orders", Message=order_id)


lambda_handler = Handler()
