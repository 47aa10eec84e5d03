# A client built with credentials from sts.assume_role during the invocation: they expire, so it must be per invocation; not reported.
import boto3

sts = boto3.client("sts")


def lambda_handler(event, context):
    credentials = sts.assume_role(RoleArn=event["role_arn"], RoleSessionName="job")["Credentials"]
    s3 = boto3.client(
        "s3",
        aws_access_key_id=credentials["AccessKeyId"],
        aws_secret_access_key=credentials["SecretAccessKey"],
        aws_session_token=credentials["SessionToken"],
    )
    head = s3.head_object(Bucket=event["bucket"], Key=event["key"])
    return {"size": head["ContentLength"]}
