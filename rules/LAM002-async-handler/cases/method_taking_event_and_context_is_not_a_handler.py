# A method taking (self, event, context) is not a handler (the runtime only looks up module attributes): not reported.
import asyncio


class OrdersController:
    async def handle(self, event, context):
        await asyncio.sleep(0)
        return {"orders": []}


controller = OrdersController()
