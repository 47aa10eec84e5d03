# Two reached functions each make their own `client`: under that one name at module level one
# would overwrite the other, so each moves up under a name of its own (<function>_client).
import boto3


def notify(message):
    client = boto3.client("sns")  # error: [LAM004]
    client.publish(TopicArn="arn:aws:sns:eu-west-1:123456789012:orders", Message=message)


def lambda_handler(event, context):
    client = boto3.client("sqs")  # error: [LAM004]
    notify(event["message"])
    return client.get_queue_url(QueueName="orders")
