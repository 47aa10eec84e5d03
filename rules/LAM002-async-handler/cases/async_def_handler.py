# An async def handler: the runtime calls it synchronously and gets a coroutine back.
import asyncio


async def lambda_handler(event, context):  # error: [LAM002]
    await asyncio.sleep(0)
    return {"ok": True}
