# A decorator like asgiref's async_to_sync runs the coroutine and returns its result: not reported.
import asyncio


def run_sync(coroutine_function):
    def runner(event, context):
        return asyncio.run(coroutine_function(event, context))

    return runner


@run_sync
async def lambda_handler(event, context):
    await asyncio.sleep(0)
    return {"orders": []}
