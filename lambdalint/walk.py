"""A fast, read-only depth-first walk over libcst nodes, and the cursor the engine's walk keeps.

libcst's own ``node.visit`` rebuilds every node it passes (it is shared with
transformers) and costs about twice the parse; reading the dataclass fields directly
costs a fraction of that. Whitespace and punctuation fields are skipped: no rule
looks at them. The walk is iterative, so deeply nested code cannot overflow the stack.

Code that never runs is not walked where it matters (``live_children``): the statements
after a ``return``, ``raise``, ``continue`` or ``break`` in the same block, the body of
``if False:``/``if 0:``/``while False:`` and the ``else`` of ``if True:``. What the handler
never runs, no rule reports.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Iterator, Sequence
from typing import Callable, NamedTuple, TypeVar

import libcst as cst

PUNCTUATION_FIELDS = frozenset(
    {
        "lpar",
        "rpar",
        "comma",
        "semicolon",
        "leading_lines",
        "lines_after_decorators",
        "header",
        "footer",
        "equal",
        "colon",
        "dot",
        "lbracket",
        "rbracket",
        "lbrace",
        "rbrace",
        "asynchronous",
        "star_tok",
        "operator",
        "whitespace",
    }
)


@functools.cache
def _child_fields(node_type: type) -> tuple[str, ...]:
    return tuple(
        field.name
        for field in dataclasses.fields(node_type)
        if field.name not in PUNCTUATION_FIELDS and not field.name.startswith("whitespace")
    )


_IS_NODE: dict[type, bool] = {}  # by type: whether it is a libcst node
_KINDS: dict[tuple[type, type], bool] = {}  # by type and (abstract) libcst class


def is_kind(node: object, kind: type) -> bool:
    """``isinstance(node, kind)`` for a class with subclasses (``cst.BaseExpression``),
    remembered per type: an isinstance() miss on libcst's ABCs is a Python-level call."""
    key = (type(node), kind)
    known = _KINDS.get(key)
    if known is None:
        known = _KINDS[key] = issubclass(key[0], kind)
    return known


def is_node(value: object) -> bool:
    # by type, not isinstance(): CSTNode is an ABC, whose isinstance() costs a Python-level
    # call per miss, and this is the walk's innermost loop
    kind = type(value)
    known = _IS_NODE.get(kind)
    if known is None:
        known = _IS_NODE[kind] = issubclass(kind, cst.CSTNode)
    return known


def children(node: cst.CSTNode) -> Iterator[cst.CSTNode]:
    for name in _child_fields(type(node)):
        value = getattr(node, name)
        if type(value) is list or type(value) is tuple:
            yield from (item for item in value if is_node(item))
        elif is_node(value):
            yield value


_Statement = TypeVar("_Statement", bound=cst.CSTNode)
# Statements after which nothing in the same block runs.
_ENDS_BLOCK = (cst.Return, cst.Raise, cst.Continue, cst.Break)
_STATEMENT_SEQUENCES = (
    cst.Module,
    cst.IndentedBlock,
    cst.SimpleStatementLine,
    cst.SimpleStatementSuite,
)


def live_children(node: cst.CSTNode) -> Iterator[cst.CSTNode]:
    """The children of a node that may run: ``children`` less the code that never does."""
    kind = type(node)
    if kind in _STATEMENT_SEQUENCES or kind is cst.If or kind is cst.While:
        dead = _dead_parts(node)
        if dead:
            return (child for child in children(node) if all(child is not d for d in dead))
    return children(node)


def live_statements(body: Sequence[_Statement]) -> Sequence[_Statement]:
    """A block's statements up to the one that ends it (a return, raise, continue, break)."""
    for index, statement in enumerate(body):
        if ends_block(statement):
            return body[: index + 1]
    return body


def _dead_parts(node: cst.CSTNode) -> tuple[cst.CSTNode, ...]:
    if isinstance(node, (cst.If, cst.While)):
        truth = _constant_truth(node.test)
        if truth is False:
            return (node.body,)
        if truth is True and isinstance(node, cst.If) and node.orelse is not None:
            return (node.orelse,)
        return ()
    body: Sequence[cst.CSTNode] = getattr(node, "body", ())
    for index, statement in enumerate(body):
        if ends_block(statement):
            return tuple(body[index + 1 :])
    return ()


def ends_block(statement: cst.CSTNode) -> bool:
    if type(statement) in _ENDS_BLOCK:
        return True
    return type(statement) is cst.SimpleStatementLine and any(
        type(small) in _ENDS_BLOCK for small in statement.body
    )


def _constant_truth(test: cst.BaseExpression) -> bool | None:
    """False for ``False``, ``None``, ``0``; True for ``True``, ``1``; None for anything else."""
    if isinstance(test, cst.Name) and test.value in ("False", "None", "True"):
        return test.value == "True"
    if isinstance(test, cst.Integer):
        return test.evaluated_value != 0
    return None


def walk(
    root: cst.CSTNode,
    visit: Callable[[cst.CSTNode], bool | None],
    leave: Callable[[cst.CSTNode], None] | None = None,
    *,
    live: bool = False,
) -> None:
    """Call visit on every node below root (root included), leave after its children.

    When visit returns False the node's children are skipped (leave is still called).
    With ``live``, code that never runs is skipped too.
    """
    next_children = live_children if live else children
    stack: list[tuple[cst.CSTNode, bool]] = [(root, False)]
    while stack:
        node, leaving = stack.pop()
        if leaving:
            if leave is not None:
                leave(node)
            continue
        descend = visit(node) is not False
        stack.append((node, True))
        if descend:
            stack.extend((child, False) for child in reversed(list(next_children(node))))


class Where(NamedTuple):
    """Where a node sits in the reached code the engine walks; never changes once made.

    Scopes are those of ``analysis.FileContext``: functions and lambdas (class bodies and
    comprehensions see their function's names). A def's or lambda's own header (decorators,
    defaults) counts as inside it.
    """

    node: cst.CSTNode
    up: Where | None  # the parent's cursor; None for the reached function itself
    scope: cst.FunctionDef | cst.Lambda  # the innermost function or lambda (or the node)
    function: cst.FunctionDef | None  # the innermost def: the one a return returns from
    reached: cst.FunctionDef | cst.Lambda  # the function from context.reached walked

    def ancestors(self) -> Iterator[cst.CSTNode]:
        """The node's parent, its parent's parent, ..., up to the reached function."""
        where = self.up
        while where is not None:
            yield where.node
            where = where.up


class _Leaving(NamedTuple):
    where: Where


def walk_reached(
    reached: cst.FunctionDef | cst.Lambda,
    visit: Callable[[cst.CSTNode, Where], None],
    leave: Callable[[cst.CSTNode, Where], None] | None = None,
) -> None:
    """Call visit on every node of a reached function with its cursor, leave after its children."""
    function = reached if isinstance(reached, cst.FunctionDef) else None
    stack: list[Where | _Leaving] = [Where(reached, None, reached, function, reached)]
    while stack:
        where = stack.pop()
        if isinstance(where, _Leaving):
            if leave is not None:
                leave(where.where.node, where.where)
            continue
        visit(where.node, where)
        if leave is not None:
            stack.append(_Leaving(where))
        for child in reversed(list(live_children(where.node))):
            # type(), not isinstance(): a miss on libcst's ABCs costs more than the rest
            if type(child) is cst.FunctionDef:
                stack.append(Where(child, where, child, child, reached))
            elif type(child) is cst.Lambda:
                stack.append(Where(child, where, child, where.function, reached))
            else:
                stack.append(Where(child, where, where.scope, where.function, reached))
