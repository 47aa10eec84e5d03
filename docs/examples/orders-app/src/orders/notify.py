"""SQS consumer: tell customers that their order shipped."""

import asyncio

import boto3

ses = boto3.client("ses")


async def send(record):
    await asyncio.sleep(0)
    ses.send_email(
        Source="orders@example.com",
        Destination={"ToAddresses": [record["email"]]},
        Message={"Subject": {"Data": "Shipped"}, "Body": {"Text": {"Data": "On its way"}}},
    )


async def handler(event, context):
    await asyncio.gather(*(send(record) for record in event["Records"]))
