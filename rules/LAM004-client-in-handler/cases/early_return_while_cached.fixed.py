# A loader that returns the cached global while it is set (and fresh) and refills it otherwise: what it calls after that return runs once per environment, or once per expiry, not reported. An early return on anything else guards nothing.
import json
import os
import time

import boto3

_config = None
_config_loaded_at = 0.0
_rates = {}
_seen = None


def _read_object(key):
    s3 = boto3.client("s3")
    return s3.get_object(Bucket=os.environ["CONFIG_BUCKET"], Key=key)["Body"].read()


def _load_config():
    global _config, _config_loaded_at
    if _config and time.time() - _config_loaded_at < 300:
        return _config
    _config = json.loads(_read_object("config.json"))
    _config_loaded_at = time.time()
    return _config


def _rate(currency):
    if currency in _rates:
        return _rates[currency]
    ssm = boto3.client("ssm")
    _rates[currency] = ssm.get_parameter(Name=f"/rates/{currency}")["Parameter"]["Value"]
    return _rates[currency]


logs = boto3.client("logs")  # error: [LAM004]


def _audit(event):
    if not event.get("audit"):
        return None
    return logs.describe_log_groups()


sqs = boto3.client("sqs")  # error: [LAM004]


def _remember(event):
    if _seen is not None:  # a global this function never fills: no cache
        return _seen
    return sqs.send_message(QueueUrl=os.environ["QUEUE_URL"], MessageBody=json.dumps(event))


def lambda_handler(event, context):
    config = _load_config()
    _audit(event)
    _remember(event)
    return {"rate": _rate(event["currency"]), "limit": config["limit"]}
