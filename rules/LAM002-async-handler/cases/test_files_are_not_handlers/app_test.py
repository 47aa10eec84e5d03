# A test file: its functions shaped like handlers are not handlers by convention.
import asyncio


async def lambda_handler(event, context):
    await asyncio.sleep(0)
    return {"ok": True}
