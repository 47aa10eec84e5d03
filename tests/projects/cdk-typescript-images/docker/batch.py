import asyncio


async def run(event, context):
    await asyncio.sleep(0)
    return {"processed": len(event.get("Records", []))}
