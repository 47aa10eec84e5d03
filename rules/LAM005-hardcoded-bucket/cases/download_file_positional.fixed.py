# download_file(Bucket, Key, Filename) on a client passed in: the call fills the client's three parameters.
import os


def fetch(client, key):
    client.download_file(os.environ["ACME_MODELS_BUCKET"], key, "/tmp/model.bin")  # error: [LAM005]
    with open("/tmp/model.bin", "rb") as model:
        return len(model.read())


def lambda_handler(event, context):
    return {"size": fetch(event["client"], event["key"])}
