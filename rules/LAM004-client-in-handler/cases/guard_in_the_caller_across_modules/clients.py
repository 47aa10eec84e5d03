import boto3


def table_resource():
    return boto3.resource("dynamodb").Table("orders")


def warm_up():
    boto3.client("sts").get_caller_identity()


def secrets_client():
    return boto3.client("secretsmanager")


def config_client():
    return boto3.client("ssm")


def queue_client():
    return boto3.client("sqs")  # error: [LAM004]
