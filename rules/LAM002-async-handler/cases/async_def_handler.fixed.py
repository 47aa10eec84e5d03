# An async def handler: the runtime calls it synchronously and gets a coroutine back.
import asyncio


def lambda_handler(event, context):
    return asyncio.run(_lambda_handler(event, context))


async def _lambda_handler(event, context):  # error: [LAM002]
    await asyncio.sleep(0)
    return {"ok": True}
