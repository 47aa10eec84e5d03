# A class whose __init__ builds clients, instantiated in the handler on every invocation: reported in __init__, and in the methods the handler calls on that instance (and those call on self). Instantiated only under a cache guard, here or in store.py's case, it is built once per environment.
import boto3

from store import Store

_audit = None


class Notifier:
    def __init__(self, topic):
        self.topic = topic
        self.sns = boto3.client("sns")  # error: [LAM004]

    def send(self, text):
        self.sns.publish(TopicArn=self.topic, Message=text)


class Audit:
    def __init__(self):
        self.logs = boto3.client("logs")


def lambda_handler(event, context):
    global _audit
    if _audit is None:
        _audit = Audit()
    store = Store(event["table"])
    store.save(event["item"])
    Notifier(event["topic"]).send("saved")
    return {"ok": True}
