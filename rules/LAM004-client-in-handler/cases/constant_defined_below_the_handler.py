# The client reads a module constant bound below the handler: at module level, above the
# handler, the constant does not exist yet at import, so the creation is reported unfixed.
import boto3


def lambda_handler(event, context):
    s3 = boto3.client("s3", region_name=REGION)  # error: [LAM004]
    return s3.list_buckets()


REGION = "eu-west-1"
