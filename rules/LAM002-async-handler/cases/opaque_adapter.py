# An adapter instance (like handler = Mangum(app)) runs the async app itself and is opaque to lambdalint: not reported.
import asyncio


async def app(event):
    await asyncio.sleep(0)
    return {"statusCode": 200, "path": event.get("path")}


class AsgiBridge:
    def __init__(self, application):
        self.application = application

    def __call__(self, event, context):
        return asyncio.run(self.application(event))


lambda_handler = AsgiBridge(app)
