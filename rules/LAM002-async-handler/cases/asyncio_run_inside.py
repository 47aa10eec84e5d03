# A plain handler that runs its coroutine with asyncio.run: not reported.
import asyncio


async def _work(event):
    await asyncio.sleep(0)
    return {"ok": True}


def lambda_handler(event, context):
    return asyncio.run(_work(event))
