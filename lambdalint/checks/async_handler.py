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
`--fix` keeps the coroutine as `_<name>` and puts a plain handler of the same name, with
the decorators, in front of it, which runs the coroutine to its end on each invocation
(and adds `import asyncio` when the module has none):

```python
import asyncio


def lambda_handler(event, context):
    return asyncio.run(_lambda_handler(event, context))


async def _lambda_handler(event, context):
    return await fetch_orders(event["customer"])
```

Safe when the decorators are Powertools' handler decorators (or there are none), the
module refers to the handler by name nowhere else, and `asyncio` is not bound to
something else at module level; otherwise unsafe (`--unsafe-fixes`): a pass-through
decorator of your own now wraps the plain function, another use of the name now gets it,
or `asyncio.run` may not be the one you think. There is no fix for a method's `__call__`,
or when the module already uses the name `_<name>`.
"""

from __future__ import annotations

from lambdalint.analysis import Handler, variables
from lambdalint.check import Check
from lambdalint.checks.handler_signature import signature_problem
from lambdalint.diagnostics import SAFE, UNSAFE, Fix
from lambdalint.handler_decorators import is_lambda_handler_decorator, sees_through_decorators
from lambdalint.imports_fix import names_the_module, with_import


class AsyncHandler(Check):
    code = "LAM002"
    name = "async-handler"
    summary = "The handler is a coroutine function, which the Python runtime never awaits"
    severity = "error"
    fix = SAFE

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
                fix=self._run_by_a_plain_handler(handler),
            )

    def _run_by_a_plain_handler(self, handler: Handler) -> Fix | None:
        """The coroutine renamed ``_<name>``, after a plain ``<name>`` that runs it."""
        module, function = self.context.module, handler.function
        if function is None or all(statement is not function for statement in module.body):
            return None  # a class's __call__: the instance is the handler
        if handler.parameters is None or signature_problem(handler.parameters) is not None:
            return None  # the plain handler would call it as the runtime does: LAM001's first
        name = function.name.value
        renamed = f"_{name}"
        spelled = [variable.value for variable in variables(module)]
        if renamed in spelled:
            return None
        safe = (
            spelled.count(name) == 1  # its definition's only
            and names_the_module(self.context, "asyncio")
            and not self.context.module_bindings.star_import
            and all(is_lambda_handler_decorator(self.context, item) for item in function.decorators)
        )
        newline, indent = module.default_newline, module.default_indent
        wrapper = (
            f"def {name}(event, context):{newline}"
            f"{indent}return asyncio.run({renamed}(event, context)){newline * 3}"
        )
        at = self.insert_before(function, wrapper)  # after the decorators: they move to it
        edits = with_import(self.context, "asyncio", [at])
        edits.append(self.replace(function.name, renamed))
        return Fix(
            SAFE if safe else UNSAFE,
            f"Run the coroutine, renamed `{renamed}`, from a plain `{name}`",
            tuple(edits),
        )
