# A default argument and a decorator argument of a top-level function are evaluated once, at import: not reported.
import boto3


def _traced(client):
    def decorate(function):
        return function
    return decorate


@_traced(boto3.client("xray"))
def _publish(event, sns=boto3.client("sns")):
    sns.publish(TopicArn=event["topic"], Message=event["body"])


def lambda_handler(event, context):
    _publish(event)
    return {"ok": True}
