"""## What it does
Reports a handler (a `def`, `async def` or module-level `lambda`) that cannot be called
with exactly two positional arguments: it has fewer than two positional parameters and
no `*args`, more than two positional parameters without a default, or a keyword-only
parameter without a default. A handler that is an instance of the module's class
(`lambda_handler = Handler()`) is checked through the class's `__call__`, whose first
parameter the instance fills.

## Why is this bad?
The Python runtime calls every handler the same way: `handler(event, context)`,
positionally. A handler with another signature fails on every invocation with a
`TypeError` such as `lambda_handler() takes 1 positional argument but 2 were given`,
before a line of its body runs. Deploy-time checks do not notice it.

## Example
```python
def lambda_handler(event):
    return {"statusCode": 200, "body": event["body"]}
```

## Use instead
```python
def lambda_handler(event, context):
    return {"statusCode": 200, "body": event["body"]}
```

## Exceptions
Defaults, `*args`, `**kwargs`, the positional-only marker `/` and annotations are fine.
A decorated handler is checked as written only when every decorator is known to keep
the `(event, context)` signature:

- Powertools' `@event_source(...)` and `@event_parser(...)`, and
  `inject_lambda_context`, `capture_lambda_handler` and `log_metrics` called on a
  module-level `Logger(...)`, `Tracer(...)` or `Metrics(...)` of `aws_lambda_powertools`
  (with or without arguments). A logger imported from another module is not followed:
  lambdalint cannot see what it is, so it stays silent.
- A decorator (or decorator factory) of the same module whose returned wrapper is
  decorated with `functools.wraps` and only passes its `*args, **kwargs` through to
  the decorated function.

Any other decorator may change the signature the runtime sees, so lambdalint stays
silent rather than guess. A handler that is some other callable (`handler =
Mangum(app)`, `handler = Service().handle`) has a signature lambdalint cannot see and
is never reported. Methods and nested functions are never handlers.

## Fix
None: whether a missing parameter is the event or the context, and whether an extra
one should get a default or go, is for you to decide.
"""

from __future__ import annotations

import libcst as cst

from lambdalint.analysis import Handler
from lambdalint.check import Check
from lambdalint.handler_decorators import sees_through_decorators

RUNTIME_ARGUMENTS = "the runtime passes 2 (event, context)"


class HandlerSignature(Check):
    code = "LAM001"
    name = "handler-signature"
    summary = "The handler cannot be called as handler(event, context)"
    severity = "error"

    def check_handler(self, handler: Handler) -> None:
        parameters = handler.parameters
        if parameters is None or not sees_through_decorators(self.context, handler):
            return
        problem = _signature_problem(parameters)
        where = handler.function or handler.lambda_
        if problem is not None and where is not None:
            self.report(where, f"handler '{handler.name}' {problem}")


def _signature_problem(parameters: cst.Parameters) -> str | None:
    """What keeps ``handler(event, context)`` from binding, or None when it binds."""
    required_keyword_only = [
        param.name.value for param in parameters.kwonly_params if param.default is None
    ]
    if required_keyword_only:
        return (
            f"requires keyword-only {_parameters(required_keyword_only)}, but the runtime"
            " passes (event, context) positionally; make it positional or give it a default"
        )
    positional = [*parameters.posonly_params, *parameters.params]
    if len(positional) < 2 and not isinstance(parameters.star_arg, cst.Param):
        missing = "a context parameter" if positional else "event and context parameters"
        return (
            f"takes {len(positional)} positional parameter{'s' * (len(positional) != 1)}"
            f" but {RUNTIME_ARGUMENTS}; add {missing}"
        )
    required = [param.name.value for param in positional if param.default is None]
    if len(required) <= 2:
        return None
    if required[0] in ("self", "cls"):
        return (
            f"is a module-level function but takes '{required[0]}' first, so the runtime's"
            f" (event, context) leave '{required[-1]}' unfilled; remove '{required[0]}'"
        )
    return (
        f"requires {len(required)} positional parameters but {RUNTIME_ARGUMENTS};"
        f" give {_parameters(required[2:])} a default or remove it"
    )


def _parameters(names: list[str]) -> str:
    quoted = ", ".join(f"'{name}'" for name in names)
    return f"parameter{'s' * (len(names) > 1)} {quoted}"
