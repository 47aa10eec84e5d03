"""Where each node of a module is: libcst's PositionProvider semantics, at a third of the cost.

PositionProvider records positions during code generation, allocating two dataclasses
per node and splitting every token with a regex. This state records the same ranges as
plain tuples and only splits tokens that contain a line break. ``tests/test_positions.py``
holds it equal to PositionProvider.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field

import libcst as cst
from libcst._nodes.internal import CodegenState  # the hook PositionProvider itself uses
from libcst.metadata import CodePosition, CodeRange

NEWLINE = re.compile(r"\r\n?|\n")

_Point = tuple[int, int]  # (line, column)


@dataclass
class _RecordingState(CodegenState):
    line: int = 1  # 1-based
    column: int = 0  # 0-based, as libcst counts
    ranges: dict[cst.CSTNode, tuple[_Point, _Point]] = field(default_factory=dict)
    starts: list[_Point] = field(default_factory=list)

    def add_indent_tokens(self) -> None:
        for token in self.indent_tokens:
            self.add_token(token)

    def add_token(self, value: str) -> None:
        self.tokens.append(value)
        if "\n" in value or "\r" in value:
            segments = NEWLINE.split(value)
            self.line += len(segments) - 1
            self.column = len(segments[-1])
        else:
            self.column += len(value)

    def before_codegen(self, node: cst.CSTNode) -> None:
        self.starts.append((self.line, self.column))

    def after_codegen(self, node: cst.CSTNode) -> None:
        start = self.starts.pop()
        if node not in self.ranges:  # a syntactic position recorded inside wins
            self.ranges[node] = (start, (self.line, self.column))

    @contextmanager
    def record_syntactic_position(
        self,
        node: cst.CSTNode,
        *,
        start_node: cst.CSTNode | None = None,
        end_node: cst.CSTNode | None = None,
    ) -> Iterator[None]:
        """The span of a node without the whitespace it owns, hoisted from children if given."""
        start = (self.line, self.column)
        yield
        if start_node is not None:
            start = self.ranges[start_node][0]
        end = self.ranges[end_node][1] if end_node is not None else (self.line, self.column)
        self.ranges[node] = (start, end)


class Positions(Mapping[cst.CSTNode, CodeRange]):
    """node -> CodeRange, like ``MetadataWrapper.resolve(PositionProvider)``."""

    def __init__(self, module: cst.Module) -> None:
        state = _RecordingState(
            default_indent=module.default_indent, default_newline=module.default_newline
        )
        module._codegen(state)
        self._ranges = state.ranges

    def __getitem__(self, node: cst.CSTNode) -> CodeRange:
        (start_line, start_column), (end_line, end_column) = self._ranges[node]
        return CodeRange(CodePosition(start_line, start_column), CodePosition(end_line, end_column))

    def __iter__(self) -> Iterator[cst.CSTNode]:
        return iter(self._ranges)

    def __len__(self) -> int:
        return len(self._ranges)
