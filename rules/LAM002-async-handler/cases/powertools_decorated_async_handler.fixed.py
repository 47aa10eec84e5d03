# Powertools' inject_lambda_context calls the async handler without awaiting it: still a coroutine.
import asyncio

from aws_lambda_powertools import Logger

logger = Logger(service="orders")


@logger.inject_lambda_context
def lambda_handler(event, context):
    return asyncio.run(_lambda_handler(event, context))


async def _lambda_handler(event, context):  # error: [LAM002]
    await asyncio.sleep(0)
    return {"orders": []}
