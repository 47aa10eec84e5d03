import boto3


def runtime_client(region):
    return boto3.client("bedrock-runtime", region_name=region)  # error: [LAM004]
