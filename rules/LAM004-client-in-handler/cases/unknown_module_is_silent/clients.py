import boto3


class Factory:
    def create(self):
        return boto3.client("s3")
