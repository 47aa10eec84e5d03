"""Which decorators hand the runtime's ``handler(event, context)`` call straight to the
function as written, so that rules about the handler's own definition still apply.

Powertools' handler decorators and ``functools.wraps`` pass-through wrappers do; any
other decorator may replace the function with something else, and rules stay silent.
"""

from __future__ import annotations

import libcst as cst

from lambdalint.analysis import FileContext, Handler
from lambdalint.walk import walk

POWERTOOLS = "aws_lambda_powertools"
POWERTOOLS_HANDLER_DECORATORS = frozenset({"event_source", "event_parser"})
# decorator method -> the Powertools class of the module-level instance it is called on
POWERTOOLS_INSTANCE_DECORATORS = {
    "inject_lambda_context": "Logger",
    "capture_lambda_handler": "Tracer",
    "log_metrics": "Metrics",
}


def sees_through_decorators(context: FileContext, handler: Handler) -> bool:
    """True when every decorator of the handler is known to call it as the runtime would."""
    decorators = handler.function.decorators if handler.function is not None else ()
    return all(_keeps_signature(context, decorator) for decorator in decorators)


def is_lambda_handler_decorator(context: FileContext, decorator: cst.Decorator) -> bool:
    """One of Powertools' decorators made for handlers, which expect the runtime's call."""
    expression = decorator.decorator
    called = expression.func if isinstance(expression, cst.Call) else expression
    qualified = context.qualified_name(called, context.module) or ""
    if qualified.startswith(f"{POWERTOOLS}.") and qualified.rsplit(".", 1)[1] in (
        POWERTOOLS_HANDLER_DECORATORS
    ):
        return True
    return isinstance(called, cst.Attribute) and _is_powertools_instance_decorator(context, called)


def _keeps_signature(context: FileContext, decorator: cst.Decorator) -> bool:
    if is_lambda_handler_decorator(context, decorator):
        return True
    expression = decorator.decorator
    called = expression.func if isinstance(expression, cst.Call) else expression
    if isinstance(called, cst.Attribute):
        return False
    function = context.local_function(called, context.module)
    if function is not None and isinstance(expression, cst.Call):
        # a decorator factory: @retry(times=3) returns the decorator it defines
        function = _returned_function(function)
    return function is not None and _is_passthrough_decorator(context, function)


def _is_powertools_instance_decorator(context: FileContext, attribute: cst.Attribute) -> bool:
    expected_class = POWERTOOLS_INSTANCE_DECORATORS.get(attribute.attr.value)
    if expected_class is None or not isinstance(attribute.value, cst.Name):
        return False
    resolved = context.resolve_name(attribute.value.value, context.module)
    instance = resolved[0] if resolved is not None else None
    if not isinstance(instance, cst.Call):
        return False
    qualified = context.qualified_name(instance.func, context.module) or ""
    return qualified.startswith(f"{POWERTOOLS}.") and qualified.endswith(f".{expected_class}")


def _is_passthrough_decorator(context: FileContext, decorator: cst.FunctionDef) -> bool:
    """``def d(func)`` returning a ``functools.wraps`` wrapper whose only use of ``func``
    is ``func(*args, **kwargs)`` with the wrapper's own arguments."""
    positional = [*decorator.params.posonly_params, *decorator.params.params]
    wrapper = _returned_function(decorator)
    if len(positional) != 1 or wrapper is None:
        return False
    wrapped = positional[0].name.value
    wraps_it = any(
        isinstance(item.decorator, cst.Call)
        and context.qualified_name(item.decorator.func, decorator) == "functools.wraps"
        for item in wrapper.decorators
    )
    calls = [
        call
        for call in _calls(wrapper.body)
        if isinstance(call.func, cst.Name) and call.func.value == wrapped
    ]
    return wraps_it and bool(calls) and all(_passes_through(call, wrapper.params) for call in calls)


def _returned_function(function: cst.FunctionDef) -> cst.FunctionDef | None:
    """The function defined directly in ``function``'s body that it returns by name."""
    nested = {
        statement.name.value: statement
        for statement in function.body.body
        if isinstance(statement, cst.FunctionDef)
    }
    returned = [
        small.value
        for statement in function.body.body
        if isinstance(statement, cst.SimpleStatementLine)
        for small in statement.body
        if isinstance(small, cst.Return)
    ]
    if len(returned) != 1 or not isinstance(returned[0], cst.Name):
        return None
    return nested.get(returned[0].value)


def _calls(node: cst.CSTNode) -> list[cst.Call]:
    calls: list[cst.Call] = []
    walk(node, lambda child: calls.append(child) if isinstance(child, cst.Call) else None)
    return calls


def _passes_through(call: cst.Call, wrapper: cst.Parameters) -> bool:
    """``func(*args, **kwargs)`` with exactly the wrapper's own ``*args`` and ``**kwargs``."""
    star, star_star = wrapper.star_arg, wrapper.star_kwarg
    if not isinstance(star, cst.Param) or star_star is None or len(call.args) != 2:
        return False
    forwarded = [
        (arg.star, arg.value.value if isinstance(arg.value, cst.Name) else None)
        for arg in call.args
    ]
    return forwarded == [("*", star.name.value), ("**", star_star.name.value)]
