# Each record of the loop names the triggering bucket; upload_file passes it positionally.
import boto3

s3 = boto3.client("s3")


def handler(event, context):
    for record in event["Records"]:
        bucket = record["s3"]["bucket"]["name"]
        key = record["s3"]["object"]["key"]
        s3.download_file(bucket, key, "/tmp/photo")
        s3.upload_file("/tmp/photo", bucket, "thumbnails/" + key)  # error: [LAM006]
        s3.upload_fileobj(open("/tmp/photo", "rb"), Bucket=record["s3"]["bucket"]["name"], Key=key)  # error: [LAM006]
