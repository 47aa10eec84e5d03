# The default argument of a function defined inside the handler is evaluated each time the handler runs: reported.
import boto3


def lambda_handler(event, context):
    def publish(text, sns=boto3.client("sns")):  # error: [LAM004]
        sns.publish(TopicArn=event["topic"], Message=text)

    publish(event["body"])
    return {"ok": True}
