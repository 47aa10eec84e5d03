# What asyncio.run returns is the coroutine's return value: a sorted list encodes.
import asyncio


def lambda_handler(event, context):
    return asyncio.run(_tags(event))


async def _tags(event):
    await asyncio.sleep(0)
    return {"tags": sorted({tag for tag in event.get("tags", [])})}
