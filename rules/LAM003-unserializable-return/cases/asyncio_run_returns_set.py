# A plain handler runs its coroutine with asyncio.run and returns what it returns: a set.
import asyncio


def lambda_handler(event, context):
    return asyncio.run(_tags(event))  # error: [LAM003]


async def _tags(event):
    await asyncio.sleep(0)
    return {"tags": {tag for tag in event.get("tags", [])}}
