# Two functions deploy this handler; writing to OUTPUT_BUCKET loops only in FromUploads, whose uploads bucket it binds.
import os

import boto3

s3 = boto3.client("s3")
sqs = boto3.client("sqs")


def lambda_handler(event, context):
    s3.put_object(Bucket=os.environ["OUTPUT_BUCKET"], Key="report.json", Body=b"{}")  # error: [LAM006]
    # FromQueue (triggered by JobQueue) does not set JOB_QUEUE_URL; FromUploads sets it but is not triggered by it
    sqs.send_message(QueueUrl=os.environ["JOB_QUEUE_URL"], MessageBody="done")
