# An async handler is LAM002's finding; its return value never reaches the encoder.
import asyncio


def lambda_handler(event, context):
    return asyncio.run(_lambda_handler(event, context))


async def _lambda_handler(event, context):  # error: [LAM002]
    return {"tags": {"a"}}
