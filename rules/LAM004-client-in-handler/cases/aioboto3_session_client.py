# Clients of a module-level aioboto3 session opened inside asyncio.run: bound to a loop that each invocation recreates, so not reported.
import asyncio

import aioboto3

session = aioboto3.Session()


async def _store(event):
    async with session.client("s3") as s3:
        await s3.delete_object(Bucket=event["bucket"], Key=event["key"])


def lambda_handler(event, context):
    asyncio.run(_store(event))
    return {"ok": True}
