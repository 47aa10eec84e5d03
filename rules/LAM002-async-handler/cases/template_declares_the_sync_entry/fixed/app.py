# The template declares the sync lambda_handler; the async_handler it runs with asyncio.run
# is shaped like a handler but deployed as none: not reported. An async def the template
# does declare is.
import asyncio


async def async_handler(event, context):
    await asyncio.sleep(0)
    return {"ok": True}


def lambda_handler(event, context):
    return asyncio.run(async_handler(event, context))


def worker(event, context):
    return asyncio.run(_worker(event, context))


async def _worker(event, context):  # error: [LAM002]
    return {"ok": True}
