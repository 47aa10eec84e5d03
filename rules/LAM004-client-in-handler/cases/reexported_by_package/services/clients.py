import boto3


def make_queue():
    return boto3.client("sqs")  # error: [LAM004]
