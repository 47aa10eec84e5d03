# A client built in a closure defined inside the handler: the closure runs on every invocation, so it is reported.
import boto3


def lambda_handler(event, context):
    def notify(text):
        sns = boto3.client("sns")  # error: [LAM004]
        sns.publish(TopicArn=event["topic"], Message=text)

    notify("started")
    return {"ok": True}
