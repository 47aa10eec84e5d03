# Publishing to the topic the function subscribes to, by environment variable or by the record's TopicArn, loops.
import os

import boto3

sns = boto3.client("sns")


def handler(event, context):
    for record in event["Records"]:
        message = record["Sns"]["Message"]
        sns.publish(TopicArn=os.environ["ALERTS_TOPIC_ARN"], Message="escalated: " + message)  # error: [LAM006]
        sns.publish(TopicArn=record["Sns"]["TopicArn"], Message=message)  # error: [LAM006]
