# (evt, _) is how a handler that ignores its context is written: process is a handler by convention, async, reported.
import asyncio


def process(event, context):
    return asyncio.run(_process(event, context))


async def _process(evt, _):  # error: [LAM002]
    await asyncio.sleep(0)
    return {"records": len(evt.get("Records", []))}
