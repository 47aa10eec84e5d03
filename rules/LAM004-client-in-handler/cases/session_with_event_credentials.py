# A boto3.Session built from credentials in the event, and a client from that session: per invocation by necessity, not reported.
import boto3


def _tenant_session(event):
    return boto3.Session(aws_access_key_id=event["key_id"], aws_secret_access_key=event["secret"])


def lambda_handler(event, context):
    session = boto3.Session(
        aws_access_key_id=event["key_id"],
        aws_secret_access_key=event["secret"],
        aws_session_token=event["token"],
    )
    dynamodb = session.resource("dynamodb")
    dynamodb.Table(event["table"]).put_item(Item={"pk": event["id"]})
    _tenant_session(event).client("sqs").send_message(QueueUrl=event["queue_url"], MessageBody="x")
    return {"ok": True}
