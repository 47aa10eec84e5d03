import boto3


def create_index(name):
    client = boto3.client("opensearchserverless")
    client.create_collection(name=name)
