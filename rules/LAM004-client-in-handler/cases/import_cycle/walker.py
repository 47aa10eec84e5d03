import boto3

from stepper import step


def walk(depth):
    if depth == 0:
        return boto3.client("sts").get_caller_identity()  # error: [LAM004]
    return step(depth)
