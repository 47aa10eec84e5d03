# A handler written as a lambda that builds a client in its body: reported.
import boto3

lambda_handler = lambda event, context: {"buckets": len(boto3.client("s3").list_buckets()["Buckets"])}  # error: [LAM004]
