# boto3.Session().client("sns") chained on one line: reported once, as the client it creates.
import boto3


def lambda_handler(event, context):
    sns = boto3.Session().client("sns")  # error: [LAM004]
    sns.publish(TopicArn=event["topic"], Message=event["text"])
    return {"ok": True}
