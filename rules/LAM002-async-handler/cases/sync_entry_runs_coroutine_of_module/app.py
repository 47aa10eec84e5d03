# The handler is a plain def that runs worker.py's coroutine with asyncio.run(): fine, and worker.handle(event), which takes no context, is no handler of its own.
import asyncio

import worker


def lambda_handler(event, context):
    return asyncio.run(worker.handle(event))
