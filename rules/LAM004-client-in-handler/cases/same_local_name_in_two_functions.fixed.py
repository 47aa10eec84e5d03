# Two reached functions each make their own `client`: under that one name at module level one
# would overwrite the other, so each moves up under a name of its own (<function>_client).
import boto3


notify_client = boto3.client("sns")  # error: [LAM004]


def notify(message):
    notify_client.publish(TopicArn="arn:aws:sns:eu-west-1:123456789012:orders", Message=message)


lambda_handler_client = boto3.client("sqs")  # error: [LAM004]


def lambda_handler(event, context):
    notify(event["message"])
    return lambda_handler_client.get_queue_url(QueueName="orders")
