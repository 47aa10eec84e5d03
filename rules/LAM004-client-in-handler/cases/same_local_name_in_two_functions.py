# Two reached functions each make their own `client`: moving both to module level under that
# one name would leave one of them with the other's client, so neither gets a fix.
import boto3


def notify(message):
    client = boto3.client("sns")  # error: [LAM004]
    client.publish(TopicArn="arn:aws:sns:eu-west-1:123456789012:orders", Message=message)


def lambda_handler(event, context):
    client = boto3.client("sqs")  # error: [LAM004]
    notify(event["message"])
    return client.get_queue_url(QueueName="orders")
