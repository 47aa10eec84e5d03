# S3 ARNs in an IAM policy built in code, in the standard and a non-standard partition.
import json


def lambda_handler(event, context):
    policy = {
        "Version": "2012-10-17",
        "Statement": [{
            "Effect": "Allow",
            "Action": "s3:GetObject",
            "Resource": ["arn:aws:s3:::acme-shared/*",  # error: [LAM005]
                         "arn:aws-cn:s3:::acme-shared-cn"],  # error: [LAM005]
        }],
    }
    return {"policy": json.dumps(policy)}
