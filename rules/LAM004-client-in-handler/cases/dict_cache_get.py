# A dict cache read with .get(), created when missing and stored back: one client per region, not reported.
import boto3

_clients = {}


def lambda_handler(event, context):
    region = event["region"]
    client = _clients.get(region)
    if client is None:
        client = boto3.client("sqs", region_name=region)
        _clients[region] = client
    client.send_message(QueueUrl=event["queue_url"], MessageBody=event["body"])
    return {"ok": True}
