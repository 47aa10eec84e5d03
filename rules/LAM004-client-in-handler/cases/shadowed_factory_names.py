# The module's own connect() and a local variable named boto3 are not the real factories: not reported.
import boto3


def connect(url):
    return {"url": url}


class _FakeBoto:
    def client(self, name):
        return name


def lambda_handler(event, context, boto3=_FakeBoto()):
    connection = connect(event["url"])
    name = boto3.client("s3")
    return {"url": connection["url"], "name": name}
