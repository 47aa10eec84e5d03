"""Nightly re-pricing: works through a page of orders, then hands the rest on."""

import json
import os

import boto3

lambda_client = boto3.client("lambda")
PAGE_SIZE = int(os.environ.get("PAGE_SIZE", "100"))


def reprice(order_ids):
    return [order_id for order_id in order_ids if order_id]


def lambda_handler(event, context):
    order_ids = event.get("order_ids", [])
    reprice(order_ids[:PAGE_SIZE])
    remaining = order_ids[PAGE_SIZE:]
    if remaining:
        lambda_client.invoke(
            FunctionName=context.function_name,
            InvocationType="Event",
            Payload=json.dumps({"order_ids": remaining}),
        )
    return {"processed": min(len(order_ids), PAGE_SIZE)}
