# Not bucket names: a CloudFormation !Sub placeholder in inline code, and a template's <placeholder>.
import boto3

s3 = boto3.client("s3")


def lambda_handler(event, context):
    s3.put_object(Bucket="${UploadBucket}", Key="a", Body=b"")
    s3.put_object(Bucket="<your-bucket-name>", Key="b", Body=b"")
    s3.download_file("s3://${Bucket}/key", "/tmp/key")
    return {"location": "arn:aws:s3:::{bucket}/*"}
