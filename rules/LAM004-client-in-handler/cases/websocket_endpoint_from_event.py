# A WebSocket handler builds its management client for the endpoint the event names: reported, with advice to cache one client per endpoint.
import json

import boto3


def lambda_handler(event, context):
    request = event["requestContext"]
    endpoint = f"https://{request['domainName']}/{request['stage']}"
    api = boto3.client("apigatewaymanagementapi", endpoint_url=endpoint)  # error: [LAM004]
    api.post_to_connection(ConnectionId=request["connectionId"], Data=json.dumps({"ok": True}))
    return {"statusCode": 200}
