# A custom resource that imports cfnresponse under try/except (a vendored fallback): not reported.
import boto3

try:
    import cfnresponse
except ImportError:
    from . import cfnresponse


def handler(event, context):
    boto3.client("s3").delete_bucket(Bucket=event["ResourceProperties"]["Bucket"])
    cfnresponse.send(event, context, cfnresponse.SUCCESS, {})
