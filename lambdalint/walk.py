"""A fast, read-only depth-first walk over libcst nodes, and the cursor the engine's walk keeps.

libcst's own ``node.visit`` rebuilds every node it passes (it is shared with
transformers) and costs about twice the parse; reading the dataclass fields directly
costs a fraction of that. Whitespace and punctuation fields are skipped: no rule
looks at them. The walk is iterative, so deeply nested code cannot overflow the stack.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Iterator
from typing import Callable, NamedTuple

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


def children(node: cst.CSTNode) -> Iterator[cst.CSTNode]:
    for name in _child_fields(type(node)):
        value = getattr(node, name)
        if isinstance(value, cst.CSTNode):
            yield value
        elif isinstance(value, (list, tuple)):
            for item in value:
                if isinstance(item, cst.CSTNode):
                    yield item


def walk(
    root: cst.CSTNode,
    visit: Callable[[cst.CSTNode], bool | None],
    leave: Callable[[cst.CSTNode], None] | None = None,
) -> None:
    """Call visit on every node below root (root included), leave after its children.

    When visit returns False the node's children are skipped (leave is still called).
    """
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
            stack.extend((child, False) for child in reversed(list(children(node))))


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
        for child in reversed(list(children(where.node))):
            # type(), not isinstance(): a miss on libcst's ABCs costs more than the rest
            if type(child) is cst.FunctionDef:
                stack.append(Where(child, where, child, child, reached))
            elif type(child) is cst.Lambda:
                stack.append(Where(child, where, child, where.function, reached))
            else:
                stack.append(Where(child, where, where.scope, where.function, reached))
