# The sync lambda_handler is the entry point; the async_handler it runs with asyncio.run is its helper, not a handler: not reported.
import asyncio


async def async_handler(event, context):
    await asyncio.sleep(0)
    return {"ok": True, "path": event.get("path")}


def lambda_handler(event, context):
    return asyncio.run(async_handler(event, context))
