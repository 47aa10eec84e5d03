# Bucket-like names that are not S3: a Google Cloud Storage bucket, an unrelated Bucket= method, a plain comparison.
from google.cloud import storage

gcs = storage.Client()


def lambda_handler(event, context):
    blob = storage.Bucket(gcs, name="acme-gcs").blob(event["key"])
    gcs.bucket("acme-gcs-2").blob(event["key"])
    event["limiter"].consume(Bucket="acme-tokens")
    if event["Records"][0]["s3"]["bucket"]["name"] == "acme-uploads":
        return {"blob": blob.name}
    return {"blob": None}
