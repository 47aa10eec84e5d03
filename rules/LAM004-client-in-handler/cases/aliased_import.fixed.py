# boto3 imported under another name (import boto3 as aws): the alias is resolved and the client reported.
import boto3 as aws


ses = aws.client("ses")  # error: [LAM004]


def lambda_handler(event, context):
    ses.send_email(Source=event["from"], Destination={"ToAddresses": [event["to"]]},
                   Message={"Subject": {"Data": "hi"}, "Body": {"Text": {"Data": "hi"}}})
    return {"ok": True}
