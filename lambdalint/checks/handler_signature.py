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
Safe, for a handler that takes fewer than two positional parameters: `--fix` adds the
missing ones after those it has, `_context=None` (or `_event=None, _context=None` when it
takes none), so the runtime's call binds:

```python
def lambda_handler(event, _context=None):
    return {"statusCode": 200, "body": event["body"]}
```

The default keeps every other caller working (a test or a local runner that passes the
event alone), and the leading underscore says the handler does not use it. There is no
fix when the handler's code already uses one of those names, for a `lambda` without
parameters, or for the other problems: whether an extra parameter should get a default
or go, or a keyword-only one become positional, is for you to decide.
"""

from __future__ import annotations

import libcst as cst

from lambdalint.analysis import Handler
from lambdalint.check import Check
from lambdalint.diagnostics import SAFE, Edit, Fix
from lambdalint.handler_decorators import sees_through_decorators

RUNTIME_ARGUMENTS = "the runtime passes 2 (event, context)"


class HandlerSignature(Check):
    code = "LAM001"
    name = "handler-signature"
    summary = "The handler cannot be called as handler(event, context)"
    severity = "error"
    fix = SAFE

    def check_handler(self, handler: Handler) -> None:
        parameters = handler.parameters
        if parameters is None or not sees_through_decorators(self.context, handler):
            return
        problem = signature_problem(parameters)
        where = handler.function or handler.lambda_
        if problem is not None and where is not None:
            self.report(
                where, f"handler '{handler.name}' {problem}", fix=self._added(handler, parameters)
            )

    def _added(self, handler: Handler, parameters: cst.Parameters) -> Fix | None:
        """The missing positional parameters, with defaults, after those the handler has."""
        positional = [*parameters.posonly_params, *parameters.params]
        scope = handler.function or handler.lambda_
        if not _lacks_positional(parameters) or _required_keyword_only(parameters) or not scope:
            return None  # not (only) a missing parameter: no fix
        names = ["_context"] if positional else ["_event", "_context"]
        bindings = self.context.bindings(scope)
        used = {*bindings.referenced, *bindings.values, *bindings.parameters, *bindings.nested}
        if used & set(names):
            return None  # the handler's code would mean the new parameter by that name
        added = ", ".join(f"{name}=None" for name in names)
        # the signature as written: a __call__'s `self` stays first
        written = scope.params
        anchor = [*written.posonly_params, *written.params]
        rest = [
            node
            for node in (written.star_arg, *written.kwonly_params, written.star_kwarg)
            if isinstance(node, (cst.Param, cst.ParamStar))
        ]
        if anchor:
            edit = self._after_parameter(anchor[-1], added)
        elif rest:
            edit = self.insert_before(rest[0], f"{added}, ")
        elif isinstance(scope, cst.FunctionDef):
            edit = self.insert_before(written, added)
        else:
            return None  # `lambda: ...`: no parentheses to write them in
        return Fix(SAFE, f"Add `{added}` to the parameters", (edit,))

    def _after_parameter(self, last: cst.Param, added: str) -> Edit:
        """``, added`` after the last positional parameter; on a line of its own when each
        parameter has its own line (a trailing comma, then a line break)."""
        comma = last.comma
        if (
            isinstance(comma, cst.Comma)
            and isinstance(comma.whitespace_after, cst.ParenthesizedWhitespace)
            and comma.whitespace_after.first_line.comment is None
        ):
            indent = self.context.positions()[last].start.column
            return self.insert_after(comma, f"\n{' ' * indent}{added},")
        # libcst's position of a parameter covers its name only: after its default, else its
        # annotation, else the name
        annotation = last.annotation.annotation if last.annotation is not None else None
        return self.insert_after(last.default or annotation or last.name, f", {added}")


def signature_problem(parameters: cst.Parameters) -> str | None:
    """What keeps ``handler(event, context)`` from binding, or None when it binds."""
    required_keyword_only = _required_keyword_only(parameters)
    if required_keyword_only:
        return (
            f"requires keyword-only {_parameters(required_keyword_only)}, but the runtime"
            " passes (event, context) positionally; make it positional or give it a default"
        )
    positional = [*parameters.posonly_params, *parameters.params]
    if _lacks_positional(parameters):
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


def _required_keyword_only(parameters: cst.Parameters) -> list[str]:
    return [param.name.value for param in parameters.kwonly_params if param.default is None]


def _lacks_positional(parameters: cst.Parameters) -> bool:
    """Fewer than two positional parameters, and no ``*args`` to take the rest."""
    positional = [*parameters.posonly_params, *parameters.params]
    return len(positional) < 2 and not isinstance(parameters.star_arg, cst.Param)


def _parameters(names: list[str]) -> str:
    quoted = ", ".join(f"'{name}'" for name in names)
    return f"parameter{'s' * (len(names) > 1)} {quoted}"
