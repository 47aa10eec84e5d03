# An async def nested in the handler is never a handler, whatever its name: not reported.
import asyncio


def lambda_handler(event, context):
    async def orders_handler(event):
        await asyncio.sleep(0)
        return {"orders": [], "path": event.get("path")}

    return asyncio.run(orders_handler(event))
