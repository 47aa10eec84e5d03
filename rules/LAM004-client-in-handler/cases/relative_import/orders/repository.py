import boto3


def save(order):
    sqs = boto3.client("sqs")  # error: [LAM004]
    sqs.send_message(QueueUrl="https://queue", MessageBody=str(order))
