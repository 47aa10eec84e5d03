"""## What it does
Reports a handler defined with `async def`.

## Why is this bad?
The Python runtime calls the handler synchronously: `handler(event, context)`. An
`async def` handler returns a coroutine object without running a line of its body, and
the runtime then fails to encode that coroutine as the response
(`Runtime.MarshalError: Unable to marshal response: Object of type coroutine is not
JSON serializable`). The function never does its work.

## Example
```python
async def lambda_handler(event, context):
    return await fetch_orders(event["customer"])
```

## Use instead
```python
import asyncio


def lambda_handler(event, context):
    return asyncio.run(fetch_orders(event["customer"]))
```

## Exceptions
A handler that is an assignment (`handler = Mangum(app)`) is a callable whose body
lambdalint cannot see; it is not reported. Nor is an `async def` handler under a
decorator lambdalint does not know (`@async_to_sync` runs the coroutine itself); the
decorators it sees through are listed under LAM001's exceptions. Async functions that
the handler runs (`asyncio.run(async_handler(event, context))`,
`loop.run_until_complete(...)`) are fine: the naming convention never takes a function
another handler-shaped function of the module calls for an entry point, and with a
template only the declared handler is checked.

## Fix
None: wrapping the body in `asyncio.run` changes where the event loop lives, so it is
left to you.
"""

from __future__ import annotations

from lambdalint.analysis import Handler
from lambdalint.check import Check
from lambdalint.handler_decorators import sees_through_decorators


class AsyncHandler(Check):
    code = "LAM002"
    name = "async-handler"
    summary = "The handler is a coroutine function, which the Python runtime never awaits"
    severity = "error"

    def check_handler(self, handler: Handler) -> None:
        if (
            handler.function is not None
            and handler.is_async
            and sees_through_decorators(self.context, handler)
        ):
            self.report(
                handler.function,
                (
                    f"handler '{handler.name}' is async def; the runtime calls it without awaiting"
                    " and gets a coroutine; make it a plain def that calls asyncio.run(...)"
                ),
            )
