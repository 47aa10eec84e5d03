# The sync handler runs the async one on an event loop with run_until_complete: the async
# def is its helper, not an entry point, and is not reported.
import asyncio


async def async_handler(event, context):
    await asyncio.sleep(0)
    return {"ok": True}


def handler(event, context):
    loop = asyncio.new_event_loop()
    try:
        return loop.run_until_complete(async_handler(event, context))
    finally:
        loop.close()
