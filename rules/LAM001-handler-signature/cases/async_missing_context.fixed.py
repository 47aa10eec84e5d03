# An async def handler with one parameter: the call fails on the signature, and would return a coroutine anyway.
import asyncio


async def lambda_handler(event, _context=None):  # error: [LAM001, LAM002]
    await asyncio.sleep(0)
    return {"statusCode": 200}
