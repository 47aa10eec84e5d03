"""What an expression in the checked code holds, when lambdalint can be sure of it.

String constants, environment variable reads and AWS SDK clients, each followed through
names bound exactly once (in the function, then at module level). Every helper answers
None when it is unsure, so the rules built on them stay silent rather than guess.
"""

from __future__ import annotations

import weakref
from typing import Optional

import libcst as cst

from lambdalint.analysis import FileContext, Scope
from lambdalint.walk import walk

# Pieces of a string: literal text, or None where an f-string interpolates a value.
Segments = list[Optional[str]]

ENVIRONMENT_READERS = frozenset({"os.getenv", "os.environ.get"})
SESSION_FACTORIES = frozenset({"boto3.Session", "boto3.session.Session",
                               "botocore.session.Session", "botocore.session.get_session"})
_NESTED_SCOPES = (cst.FunctionDef, cst.Lambda, cst.ClassDef, cst.ListComp, cst.SetComp,
                  cst.DictComp, cst.GeneratorExp)
_MATCH_CAPTURES = (cst.MatchAs, cst.MatchStar, cst.MatchMapping)


# -- strings -------------------------------------------------------------------------------

def string_segments(expression: cst.BaseExpression) -> Optional[Segments]:
    """The literal text of a str literal, f-string or implicit concatenation; None otherwise."""
    if isinstance(expression, cst.SimpleString):
        try:
            value = expression.evaluated_value
        except (SyntaxError, ValueError):  # libcst parses escapes Python rejects: "\N{nope}"
            return None
        return [value] if isinstance(value, str) else None
    if isinstance(expression, cst.FormattedString):
        return [part.value.replace("{{", "{").replace("}}", "}")
                if isinstance(part, cst.FormattedStringText) else None
                for part in expression.parts]
    if isinstance(expression, cst.ConcatenatedString):
        left, right = string_segments(expression.left), string_segments(expression.right)
        return left + right if left is not None and right is not None else None
    return None


def string_value(expression: cst.BaseExpression) -> Optional[str]:
    """The value of a string with no interpolated parts."""
    segments = string_segments(expression)
    if segments is None or None in segments:
        return None
    return "".join(segments)  # type: ignore[arg-type]


# -- calls ---------------------------------------------------------------------------------

def argument(call: cst.Call, position: Optional[int], keyword: Optional[str] = None
             ) -> Optional[cst.BaseExpression]:
    """A call's argument at a position or under a keyword (None: not accepted that way).

    None when absent, or when a ``*`` spread before it hides its position.
    """
    index: Optional[int] = 0
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


# -- following names -----------------------------------------------------------------------

def trace(context: FileContext, expression: cst.BaseExpression, scope: Optional[Scope]
          ) -> Optional[tuple[cst.BaseExpression, Optional[Scope]]]:
    """The expression behind a chain of singly bound names, and its scope; None if unsure.

    Unlike ``FileContext.follow`` it gives up on names that a nested def, lambda, class,
    comprehension or match pattern may bind, and on module names a ``global`` rebinds.
    """
    seen: set[tuple[str, int]] = set()
    while isinstance(expression, cst.Name):
        name = expression.value
        if (name, id(scope)) in seen or (scope is not None and shadowed(context, name, scope)):
            return None
        seen.add((name, id(scope)))
        resolved = context.resolve_name(name, scope)
        if resolved is None:
            return None
        expression, scope = resolved
        if scope is None and name in _facts(context).rebound_globally():
            return None
    return expression, scope


def shadowed(context: FileContext, name: str, scope: Scope) -> bool:
    """Whether a name may be bound somewhere the scope's own bindings do not show."""
    return name in _facts(context).nested_bindings(scope)


# -- environment ---------------------------------------------------------------------------

def is_environment_read(context: FileContext, call: cst.Call, scope: Optional[Scope]) -> bool:
    """``os.getenv(...)`` or ``os.environ.get(...)``, import aliases resolved."""
    return context.qualified_name(call.func, scope) in ENVIRONMENT_READERS


def environment_variable(context: FileContext, expression: cst.BaseExpression,
                         scope: Optional[Scope]) -> Optional[str]:
    """The variable an ``os.environ[...]``, ``os.environ.get`` or ``os.getenv`` reads."""
    key: Optional[cst.BaseExpression] = None
    if isinstance(expression, cst.Subscript) and len(expression.slice) == 1:
        index = expression.slice[0].slice
        if (isinstance(index, cst.Index)
                and context.qualified_name(expression.value, scope) == "os.environ"):
            key = index.value
    elif isinstance(expression, cst.Call) and is_environment_read(context, expression, scope):
        key = argument(expression, 0, "key")
    if key is None:
        return None
    traced = trace(context, key, scope)
    return string_value(traced[0]) if traced is not None else None


# -- AWS SDK clients -----------------------------------------------------------------------

def aws_client_service(context: FileContext, expression: cst.BaseExpression,
                       scope: Optional[Scope]) -> Optional[str]:
    """``"s3"`` for an expression bound to ``boto3.client("s3")``, a session's
    ``.client("s3")``, botocore's ``create_client("s3")`` or an S3 resource's ``meta.client``.
    """
    traced = trace(context, expression, scope)
    if traced is None:
        return None
    value, scope = traced
    if (isinstance(value, cst.Attribute) and value.attr.value == "client"
            and isinstance(value.value, cst.Attribute) and value.value.attr.value == "meta"):
        return _service_created(context, value.value.value, scope, "resource")
    return _service_created(context, value, scope, "client")


def _service_created(context: FileContext, expression: cst.BaseExpression,
                     scope: Optional[Scope], kind: str) -> Optional[str]:
    """The service of a ``boto3.<kind>(...)`` or ``<session>.<kind>(...)`` call."""
    traced = trace(context, expression, scope)
    if traced is None or not isinstance(traced[0], cst.Call):
        return None
    call, scope = traced
    func = call.func
    created = context.qualified_name(func, scope) == f"boto3.{kind}" or (
        isinstance(func, cst.Attribute)
        and func.attr.value in ({kind, "create_client"} if kind == "client" else {kind})
        and _is_session(context, func.value, scope))
    if not created:
        return None
    service = argument(call, 0, "service_name")
    return string_value(service) if service is not None else None


def _is_session(context: FileContext, expression: cst.BaseExpression,
                scope: Optional[Scope]) -> bool:
    traced = trace(context, expression, scope)
    return (traced is not None and isinstance(traced[0], cst.Call)
            and context.qualified_name(traced[0].func, traced[1]) in SESSION_FACTORIES)


# -- per-file facts the shared bindings do not hold ----------------------------------------

class _Facts:
    def __init__(self, context: FileContext) -> None:
        self.module = context.module
        self._nested: dict[int, frozenset[str]] = {}
        self._rebound: Optional[frozenset[str]] = None

    def nested_bindings(self, scope: Scope) -> frozenset[str]:
        """Every name bound inside the nested scopes of one function, or by match patterns."""
        if id(scope) not in self._nested:
            names: set[str] = set()
            depth = 0

            def visit(node: cst.CSTNode) -> None:
                nonlocal depth
                if node is not scope and isinstance(node, _NESTED_SCOPES):
                    depth += 1
                if depth or isinstance(node, _MATCH_CAPTURES):
                    for bound in _bound_by(node):
                        names.update(_names_in(bound))

            def leave(node: cst.CSTNode) -> None:
                nonlocal depth
                if node is not scope and isinstance(node, _NESTED_SCOPES):
                    depth -= 1

            walk(scope, visit, leave)
            self._nested[id(scope)] = frozenset(names)
        return self._nested[id(scope)]

    def rebound_globally(self) -> frozenset[str]:
        """Module names some function rebinds after a ``global`` declaration."""
        if self._rebound is None:
            names: set[str] = set()

            def visit(node: cst.CSTNode) -> None:
                if isinstance(node, cst.Global):
                    names.update(item.name.value for item in node.names)

            walk(self.module, visit)
            self._rebound = frozenset(names)
        return self._rebound


_FACTS: weakref.WeakKeyDictionary[FileContext, _Facts] = weakref.WeakKeyDictionary()


def _facts(context: FileContext) -> _Facts:
    if context not in _FACTS:
        _FACTS[context] = _Facts(context)
    return _FACTS[context]


def _bound_by(node: cst.CSTNode) -> list[Optional[cst.CSTNode]]:
    """The targets a node binds (over-approximated: a whole target expression)."""
    if isinstance(node, (cst.Param, cst.FunctionDef, cst.ClassDef, cst.MatchAs, cst.MatchStar)):
        return [node.name]
    if isinstance(node, cst.Assign):
        return [target.target for target in node.targets]
    if isinstance(node, (cst.AnnAssign, cst.AugAssign, cst.NamedExpr, cst.For, cst.CompFor)):
        return [node.target]
    if isinstance(node, cst.WithItem):
        return [node.asname.name if node.asname else None]
    if isinstance(node, cst.ImportAlias):
        return [node.asname.name if node.asname else node.name]
    if isinstance(node, cst.ExceptHandler):
        return [node.name.name if node.name else None]
    if isinstance(node, cst.MatchMapping):
        return [node.rest]
    if isinstance(node, (cst.Global, cst.Nonlocal)):
        return [item.name for item in node.names]
    return []


def _names_in(node: Optional[cst.CSTNode]) -> set[str]:
    names: set[str] = set()
    if node is not None:
        walk(node, lambda child: names.add(child.value) if isinstance(child, cst.Name) else None)
    return names
