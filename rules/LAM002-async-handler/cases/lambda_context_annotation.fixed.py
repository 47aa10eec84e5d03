# A function whose second parameter is annotated LambdaContext is a handler by convention, whatever its names: reported.
import asyncio

from aws_lambda_powertools.utilities.typing import LambdaContext


def on_order(event, context):
    return asyncio.run(_on_order(event, context))


async def _on_order(payload: dict, ctx: LambdaContext) -> dict:  # error: [LAM002]
    await asyncio.sleep(0)
    return {"order": payload.get("id"), "requestId": ctx.aws_request_id}
