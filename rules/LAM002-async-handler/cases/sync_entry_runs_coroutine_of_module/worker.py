import asyncio


async def handle(event):
    await asyncio.sleep(0)
    return {"statusCode": 200, "body": event["body"] or ""}
