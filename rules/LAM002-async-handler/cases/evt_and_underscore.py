# (evt, _) is how a handler that ignores its context is written: process is a handler by convention, async, reported.
import asyncio


async def process(evt, _):  # error: [LAM002]
    await asyncio.sleep(0)
    return {"records": len(evt.get("Records", []))}
