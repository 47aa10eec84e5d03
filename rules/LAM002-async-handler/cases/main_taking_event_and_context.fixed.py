# A module-level function taking (event, context) is a handler by convention whatever its name: main is async, reported.
import asyncio


def main(event, context):
    return asyncio.run(_main(event, context))


async def _main(event, context):  # error: [LAM002]
    await asyncio.sleep(0)
    return {"ok": True}
