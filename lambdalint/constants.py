"""What an expression in the checked code holds, when lambdalint can be sure of it.

String constants, environment variable reads, AWS SDK clients and the parts of the event
that subscript chains read, each followed through names bound exactly once
(``FileContext.follow``). Every helper answers None when it is unsure, so the rules built
on them stay silent rather than guess.
"""

from __future__ import annotations

from typing import Optional, Union

import libcst as cst

from lambdalint.analysis import NESTED_SCOPES, FileContext, Scope
from lambdalint.source import literal_value
from lambdalint.walk import walk

# Pieces of a string: literal text, or None where an f-string interpolates a value.
Segments = list[Optional[str]]

ENVIRONMENT_READERS = frozenset({"os.getenv", "os.environ.get"})
SESSION_FACTORIES = frozenset(
    {
        "boto3.Session",
        "boto3.session.Session",
        "botocore.session.Session",
        "botocore.session.get_session",
    }
)


# -- strings -------------------------------------------------------------------------------


def string_segments(expression: cst.BaseExpression) -> Segments | None:
    """The literal text of a str literal, f-string or implicit concatenation; None otherwise."""
    if isinstance(expression, cst.SimpleString):
        value = literal_value(expression.value)
        return [value] if isinstance(value, str) else None
    if isinstance(expression, cst.FormattedString):
        return [
            part.value.replace("{{", "{").replace("}}", "}")
            if isinstance(part, cst.FormattedStringText)
            else None
            for part in expression.parts
        ]
    if isinstance(expression, cst.ConcatenatedString):
        left, right = string_segments(expression.left), string_segments(expression.right)
        return left + right if left is not None and right is not None else None
    return None


def string_value(expression: cst.BaseExpression) -> str | None:
    """The value of a string with no interpolated parts."""
    segments = string_segments(expression)
    if segments is None or None in segments:
        return None
    return "".join(segments)  # type: ignore[arg-type]


# -- calls ---------------------------------------------------------------------------------


def argument(
    call: cst.Call, position: int | None, keyword: str | None = None
) -> cst.BaseExpression | None:
    """A call's argument at a position or under a keyword (None: not accepted that way).

    None when absent, or when a ``*`` spread before it hides its position.
    """
    index: int | None = 0
    for arg in call.args:
        if arg.keyword is not None:
            if arg.keyword.value == keyword:
                return arg.value
        elif arg.star == "*":
            index = None
        elif arg.star == "" and index is not None:
            if index == position:
                return arg.value
            index += 1
    return None


def passed_to(
    call: cst.Call, function: cst.FunctionDef, parameter: str
) -> cst.BaseExpression | None:
    """What a call of function passes to one of its parameters, by position or keyword."""
    by_position = [param.name.value for param in function.params.posonly_params]
    by_either = [param.name.value for param in function.params.params]
    positional = [*by_position, *by_either]
    return argument(
        call,
        positional.index(parameter) if parameter in positional else None,
        None if parameter in by_position else parameter,
    )


# -- environment ---------------------------------------------------------------------------


def is_environment_read(context: FileContext, call: cst.Call, scope: Scope) -> bool:
    """``os.getenv(...)`` or ``os.environ.get(...)``, import aliases resolved."""
    return context.qualified_name(call.func, scope) in ENVIRONMENT_READERS


def environment_variable(
    context: FileContext, expression: cst.BaseExpression, scope: Scope
) -> str | None:
    """The variable an ``os.environ[...]``, ``os.environ.get`` or ``os.getenv`` reads."""
    key: cst.BaseExpression | None = None
    if isinstance(expression, cst.Subscript) and len(expression.slice) == 1:
        index = expression.slice[0].slice
        if (
            isinstance(index, cst.Index)
            and context.qualified_name(expression.value, scope) == "os.environ"
        ):
            key = index.value
    elif isinstance(expression, cst.Call) and is_environment_read(context, expression, scope):
        key = argument(expression, 0, "key")
    return string_value(context.follow(key, scope)[0]) if key is not None else None


# -- AWS SDK clients -----------------------------------------------------------------------


def aws_client_service(
    context: FileContext, expression: cst.BaseExpression, scope: Scope
) -> str | None:
    """``"s3"`` for an expression bound to ``boto3.client("s3")``, a session's
    ``.client("s3")``, botocore's ``create_client("s3")`` or an S3 resource's ``meta.client``.
    """
    value, scope = context.follow(expression, scope)
    if (
        isinstance(value, cst.Attribute)
        and value.attr.value == "client"
        and isinstance(value.value, cst.Attribute)
        and value.value.attr.value == "meta"
    ):
        return _service_created(context, value.value.value, scope, "resource")
    return _service_created(context, value, scope, "client")


def _service_created(
    context: FileContext, expression: cst.BaseExpression, scope: Scope, kind: str
) -> str | None:
    """The service of a ``boto3.<kind>(...)`` or ``<session>.<kind>(...)`` call."""
    call, scope = context.follow(expression, scope)
    if not isinstance(call, cst.Call):
        return None
    func = call.func
    created = context.qualified_name(func, scope) == f"boto3.{kind}" or (
        isinstance(func, cst.Attribute)
        and func.attr.value in ({kind, "create_client"} if kind == "client" else {kind})
        and _is_session(context, func.value, scope)
    )
    if not created:
        return None
    service = argument(call, 0, "service_name")
    return string_value(service) if service is not None else None


def _is_session(context: FileContext, expression: cst.BaseExpression, scope: Scope) -> bool:
    session, scope = context.follow(expression, scope)
    return (
        isinstance(session, cst.Call)
        and context.qualified_name(session.func, scope) in SESSION_FACTORIES
    )


# -- parts of the event --------------------------------------------------------------------

# The key step of a ``for`` loop's variable: every item of the list it iterates.
EACH = "*"
Key = Union[str, int]
_MAX_STEPS = 24  # subscripts, names and loops one key path may go through


def key_path(
    context: FileContext, expression: cst.BaseExpression, scope: Scope
) -> tuple[str, Scope, tuple[Key, ...]] | None:
    """``("event", handler, ("Records", 0, "s3"))`` for ``event["Records"][0]["s3"]``.

    The name a chain of constant subscripts (or ``.get(key)`` calls) starts from, the scope
    that binds it, and the keys, through single assignments and ``for`` loops: after
    ``for record in event["Records"]``, ``record["s3"]`` is ``("Records", EACH, "s3")``.
    None when a key is not a constant or the chain starts from anything but a name.
    """
    keys: list[Key] = []
    for _ in range(_MAX_STEPS):
        expression, scope = context.follow(expression, scope)
        if isinstance(expression, cst.Name):
            home = context.home(expression.value, scope)
            loop = loop_iterable(context, expression.value, home) if home is not None else None
            if loop is None:
                return (expression.value, home, tuple(reversed(keys))) if home is not None else None
            keys.append(EACH)
            expression, scope = loop
            continue
        step = _key_step(expression)
        if step is None:
            return None
        key, expression = step
        keys.append(key)
    return None


def _key_step(expression: cst.BaseExpression) -> tuple[Key, cst.BaseExpression] | None:
    """The constant key and the container of ``container[key]`` or ``container.get(key)``."""
    if isinstance(expression, cst.Subscript) and len(expression.slice) == 1:
        index = expression.slice[0].slice
        key = _constant_key(index.value) if isinstance(index, cst.Index) else None
        return (key, expression.value) if key is not None else None
    if (
        isinstance(expression, cst.Call)
        and isinstance(expression.func, cst.Attribute)
        and expression.func.attr.value == "get"
    ):
        key_argument = argument(expression, 0)
        key = _constant_key(key_argument) if key_argument is not None else None
        return (key, expression.func.value) if key is not None else None
    return None


def _constant_key(expression: cst.BaseExpression) -> Key | None:
    if isinstance(expression, cst.Integer):
        return int(expression.evaluated_value)
    if (
        isinstance(expression, cst.UnaryOperation)
        and isinstance(expression.operator, cst.Minus)
        and isinstance(expression.expression, cst.Integer)
    ):
        return -int(expression.expression.evaluated_value)
    return string_value(expression)


def loop_iterable(
    context: FileContext, name: str, scope: Scope
) -> tuple[cst.BaseExpression, Scope] | None:
    """What a function's ``for name in <iterable>`` iterates, when that loop is the only
    thing that binds the name in the function."""
    if isinstance(scope, cst.Module):
        return None
    bindings = context.bindings(scope)
    if (
        bindings.values.get(name) != [None]
        or name in bindings.parameters
        or name in bindings.globals
        or name in bindings.nested
    ):
        return None
    loops: list[cst.For] = []

    def visit(node: cst.CSTNode) -> bool:
        if (
            isinstance(node, cst.For)
            and isinstance(node.target, cst.Name)
            and node.target.value == name
        ):
            loops.append(node)
        return node is scope or not isinstance(node, NESTED_SCOPES)

    walk(scope, visit)
    return (loops[0].iter, scope) if len(loops) == 1 else None
