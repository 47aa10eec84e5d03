# aioboto3.Session() built on every invocation (in an async helper run with asyncio.run): reported; its client is not (see aioboto3_session_client.py).
import asyncio

import aioboto3


session = aioboto3.Session()  # error: [LAM004]


async def _store(event):
    async with session.client("s3") as s3:
        await s3.delete_object(Bucket=event["bucket"], Key=event["key"])


def lambda_handler(event, context):
    asyncio.run(_store(event))
    return {"ok": True}
