# A CloudFormation custom resource (it imports cfnresponse): it runs on stack operations only, not reported.
import boto3
import cfnresponse


def handler(event, context):
    if event["RequestType"] == "Delete":
        bucket = boto3.resource("s3").Bucket(event["ResourceProperties"]["Bucket"])
        bucket.objects.all().delete()
    cfnresponse.send(event, context, cfnresponse.SUCCESS, {})
