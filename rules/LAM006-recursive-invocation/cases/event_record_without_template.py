# Without a deployment template lambdalint does not know what triggers the function: not reported.
import boto3

s3 = boto3.client("s3")


def lambda_handler(event, context):
    bucket = event["Records"][0]["s3"]["bucket"]["name"]
    s3.put_object(Bucket=bucket, Key="out/result.json", Body=b"{}")
