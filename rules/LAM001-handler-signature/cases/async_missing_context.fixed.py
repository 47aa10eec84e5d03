# An async def handler with one parameter: the call fails on the signature, and would return a coroutine anyway.
import asyncio


def lambda_handler(event, context):
    return asyncio.run(_lambda_handler(event, context))


async def _lambda_handler(event, _context=None):  # error: [LAM001, LAM002]
    await asyncio.sleep(0)
    return {"statusCode": 200}
