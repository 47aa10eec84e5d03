# A module-level dict of clients per region, filled under `if region not in _clients:`: one client per region, not reported.
import boto3

_clients = {}


def lambda_handler(event, context):
    region = event["region"]
    if region not in _clients:
        _clients[region] = boto3.client("s3", region_name=region)
    head = _clients[region].head_object(Bucket=event["bucket"], Key=event["key"])
    return {"size": head["ContentLength"]}
