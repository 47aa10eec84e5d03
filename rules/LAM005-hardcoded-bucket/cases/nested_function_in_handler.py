# A bucket literal in a def or lambda nested in the handler, passed directly or through a name the nested function binds once: reported.
import boto3

s3 = boto3.client("s3")


def lambda_handler(event, context):
    def archive(key):
        s3.put_object(Bucket="acme-archive", Key=key, Body=b"")  # error: [LAM005]

    def export(key):
        bucket = "acme-exports"
        s3.put_object(Bucket=bucket, Key=key, Body=b"")  # error: [LAM005]

    def publish(keys):
        target = "acme-public"
        copy = lambda key: s3.copy_object(Bucket=target, Key=key,  # error: [LAM005]
                                          CopySource=event["source"])
        for key in keys:
            copy(key)

    upload = lambda path: s3.upload_file(path, "acme-uploads", "incoming/file")  # error: [LAM005]
    archive(event["key"])
    export(event["key"])
    publish(event["keys"])
    upload("/tmp/file")
