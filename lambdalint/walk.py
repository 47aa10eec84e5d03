"""A fast, read-only depth-first walk over libcst nodes.

libcst's own ``node.visit`` rebuilds every node it passes (it is shared with
transformers) and costs about twice the parse; reading the dataclass fields directly
costs a fraction of that. Whitespace and punctuation fields are skipped: no rule
looks at them. The walk is iterative, so deeply nested code cannot overflow the stack.
"""

from __future__ import annotations

import dataclasses
import functools
from typing import Callable, Iterator, Optional

import libcst as cst

PUNCTUATION_FIELDS = frozenset({
    "lpar", "rpar", "comma", "semicolon", "leading_lines", "lines_after_decorators", "header",
    "footer", "equal", "colon", "dot", "lbracket", "rbracket", "lbrace", "rbrace",
    "asynchronous", "star_tok", "operator", "whitespace",
})


@functools.lru_cache(maxsize=None)
def _child_fields(node_type: type) -> tuple[str, ...]:
    return tuple(field.name for field in dataclasses.fields(node_type)
                 if field.name not in PUNCTUATION_FIELDS
                 and not field.name.startswith("whitespace"))


def children(node: cst.CSTNode) -> Iterator[cst.CSTNode]:
    for name in _child_fields(type(node)):
        value = getattr(node, name)
        if isinstance(value, cst.CSTNode):
            yield value
        elif isinstance(value, (list, tuple)):
            for item in value:
                if isinstance(item, cst.CSTNode):
                    yield item


def walk(root: cst.CSTNode, visit: Callable[[cst.CSTNode], Optional[bool]],
         leave: Optional[Callable[[cst.CSTNode], None]] = None) -> None:
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
