"""Where each node of a module is: libcst's PositionProvider semantics, at a fraction of the cost.

PositionProvider generates the whole module's code, allocating two dataclasses per node and
splitting every token with a regex. ``Positions`` records the same ranges as plain tuples,
splits only tokens that hold a line break, and, given the module's source, generates only
what a lookup needs, placed where its code occurs once in the source:

- an expression written on one line: its own code (on one line, code depends on no
  indentation, so it is exactly the expression's text);
- else the innermost statement of a block that holds the node, generated with the
  indentation of the blocks around it (then exactly its text), at the start of a line; one
  whose code occurs more than once gives way to the statement around it.

The whole module is generated only when no statement is left, or for a node of whitespace
or punctuation that no placed statement holds. ``tests/test_positions.py`` holds it equal
to PositionProvider.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field

import libcst as cst
from libcst._nodes.internal import CodegenState  # the hook PositionProvider itself uses
from libcst.metadata import CodePosition, CodeRange

from lambdalint.source import LINE_BREAK, line_starts
from lambdalint.walk import children, is_kind, is_node

_Point = tuple[int, int]  # (line, column)
_Span = tuple[_Point, _Point]


@dataclass
class _RecordingState(CodegenState):
    line: int = 1  # 1-based
    column: int = 0  # 0-based, as libcst counts
    ranges: dict[int, _Span] = field(default_factory=dict)  # by id() of the node
    starts: list[_Point] = field(default_factory=list)

    def add_indent_tokens(self) -> None:
        for token in self.indent_tokens:
            self.add_token(token)

    def add_token(self, value: str) -> None:
        self.tokens.append(value)
        if "\n" in value or "\r" in value:
            segments = LINE_BREAK.split(value)
            self.line += len(segments) - 1
            self.column = len(segments[-1])
        else:
            self.column += len(value)

    def before_codegen(self, node: cst.CSTNode) -> None:
        self.starts.append((self.line, self.column))

    def after_codegen(self, node: cst.CSTNode) -> None:
        start = self.starts.pop()
        # a syntactic position recorded inside wins
        self.ranges.setdefault(id(node), (start, (self.line, self.column)))

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
            start = self.ranges[id(start_node)][0]
        end = self.ranges[id(end_node)][1] if end_node is not None else (self.line, self.column)
        self.ranges[id(node)] = (start, end)


class Positions(Mapping[cst.CSTNode, CodeRange]):
    """node -> CodeRange, like ``MetadataWrapper.resolve(PositionProvider)``; ``source`` is
    the text the module was parsed from (without it, the whole module is generated)."""

    def __init__(self, module: cst.Module, source: str | None = None) -> None:
        self._module = module  # keeps every node alive: the ranges are by id()
        self._source = source
        self._whole: dict[int, _Span] | None = None
        # what lookups placed: each piece's ranges, as generated from line 1, column 0, and
        # the lines and columns that put them in place (columns: a one-line piece's)
        self._placed: list[tuple[dict[int, _Span], int, int]] = []
        self._structure: dict[int, cst.CSTNode] | None = None  # statements' parents
        self._parents: dict[int, cst.CSTNode] | None = None  # every node's but whitespace's
        self._line_starts: list[int] | None = None
        if source is None:
            self._generate_whole()

    def __getitem__(self, node: cst.CSTNode) -> CodeRange:
        span = self._span(node)
        if span is None:
            self._place(node)
            span = self._span(node)
            if span is None:
                raise KeyError(node)
        (start_line, start_column), (end_line, end_column) = span
        return CodeRange(CodePosition(start_line, start_column), CodePosition(end_line, end_column))

    def __iter__(self) -> Iterator[cst.CSTNode]:
        whole = self._generate_whole()
        nodes = {id(node): node for node in _nodes(self._module)}
        return (nodes[key] for key in whole)

    def __len__(self) -> int:
        return len(self._generate_whole())

    def _span(self, node: cst.CSTNode) -> _Span | None:
        key = id(node)
        if self._whole is not None:
            return self._whole.get(key)
        for ranges, lines, columns in self._placed:
            span = ranges.get(key)
            if span is not None:
                (start_line, start_column), (end_line, end_column) = span
                return (start_line + lines, start_column + columns), (
                    end_line + lines,
                    end_column + columns,
                )
        return None

    def _generate_whole(self) -> dict[int, _Span]:
        if self._whole is None:
            state = self._state(())
            self._module._codegen(state)
            self._whole = state.ranges
        return self._whole

    def _place(self, node: cst.CSTNode) -> None:
        """Record the ranges of the nodes of the smallest piece around node that can be placed
        in the source: the expression itself, or a statement; the whole module's when none
        can be."""
        if self._whole is not None or self._source is None:
            return
        if is_kind(node, cst.BaseExpression) and self._placed_alone(node, self._source):
            return
        for statement, indents in self._statements_around(node):
            if self._placed_statement(statement, indents, self._source):
                return
        self._generate_whole()

    def _placed_alone(self, expression: cst.CSTNode, source: str) -> bool:
        """Whether an expression written on one line is placed by its own code: that occurs
        once in the source, and on one line depends on no indentation."""
        state = self._state(())
        expression._codegen(state)
        text = "".join(state.tokens)
        if state.line != 1 or (at := _only_once(source, text)) is None:
            return False
        line = self._line_at(source, at)
        self._placed.append((state.ranges, line - 1, at - self._line_starts_of(source)[line - 1]))
        return True

    def _placed_statement(
        self, statement: cst.BaseStatement, indents: tuple[str, ...], source: str
    ) -> bool:
        state = self._state(indents)
        statement._codegen(state)
        at = _only_once(source, "".join(state.tokens), at_line_start=True)
        if at is None:
            return False
        self._placed.append((state.ranges, self._line_at(source, at) - 1, 0))
        return True

    def _state(self, indents: tuple[str, ...]) -> _RecordingState:
        return _RecordingState(
            default_indent=self._module.default_indent,
            default_newline=self._module.default_newline,
            indent_tokens=list(indents),
        )

    def _line_starts_of(self, source: str) -> list[int]:
        if self._line_starts is None:
            self._line_starts = line_starts(source)
        return self._line_starts

    def _line_at(self, source: str, offset: int) -> int:
        return bisect.bisect_right(self._line_starts_of(source), offset)

    def _statements_around(
        self, node: cst.CSTNode
    ) -> Iterator[tuple[cst.BaseStatement, tuple[str, ...]]]:
        """Each statement of a block that holds node (node included), innermost first, with the
        indentation of the blocks around it."""
        if self._structure is None:
            self._structure = _statement_parents(self._module)
        parents = self._structure
        if id(node) not in parents and node is not self._module:
            if self._parents is None:  # a node inside a statement: every node's parent
                self._parents = _parents(self._module)
            parents = self._parents
        chain = [node]  # node, its parent, ..., the module
        while (parent := parents.get(id(chain[-1]))) is not None:
            chain.append(parent)
        found: list[tuple[cst.BaseStatement, tuple[str, ...]]] = []
        indents: tuple[str, ...] = ()
        for above, current in zip(chain[:0:-1], chain[-2::-1]):  # from the module down
            if type(above) in _INDENTING:
                indent = above.indent  # type: ignore[attr-defined]
                indents = (*indents, self._module.default_indent if indent is None else indent)
            if type(above) in _BLOCKS and is_kind(current, cst.BaseStatement):
                found.append((current, indents))  # type: ignore[arg-type]
        return reversed(found)


_BLOCKS = (cst.Module, cst.IndentedBlock)  # what holds statements, one per line
_INDENTING = (cst.IndentedBlock, cst.Match)  # what indents the code inside it
# what holds statements, besides the compound statements themselves
_STRUCTURE = frozenset(
    {
        cst.IndentedBlock,
        cst.SimpleStatementLine,
        cst.SimpleStatementSuite,
        cst.Else,
        cst.ExceptHandler,
        cst.ExceptStarHandler,
        cst.Finally,
        cst.MatchCase,
    }
)


def _only_once(source: str, text: str, *, at_line_start: bool = False) -> int | None:
    """Where text occurs in source (at the start of a line), when it does exactly once."""
    found = None
    at = source.find(text)
    while at != -1:
        if not at_line_start or at == 0 or source[at - 1] in "\r\n":
            if found is not None:
                return None
            found = at
        at = source.find(text, at + 1)
    return found


@functools.cache
def _fields(node_type: type) -> tuple[str, ...]:
    return tuple(field.name for field in dataclasses.fields(node_type))


def _children(node: cst.CSTNode) -> Iterator[cst.CSTNode]:
    """Every child, whitespace and punctuation included."""
    for name in _fields(type(node)):
        value = getattr(node, name)
        for item in value if type(value) in (list, tuple) else (value,):
            if is_node(item):
                yield item


def _nodes(module: cst.Module) -> Iterator[cst.CSTNode]:
    stack: list[cst.CSTNode] = [module]
    while stack:
        node = stack.pop()
        yield node
        stack.extend(_children(node))


def _statement_parents(module: cst.Module) -> dict[int, cst.CSTNode]:
    """The parent of each statement, block, clause (else, except, case) and of what they
    hold directly (a test, a target, a small statement), by id(); a fraction of every node."""
    parents: dict[int, cst.CSTNode] = {}
    stack: list[cst.CSTNode] = [module]
    while stack:
        node = stack.pop()
        for child in children(node):
            parents[id(child)] = node
            if type(child) in _STRUCTURE or is_kind(child, cst.BaseCompoundStatement):
                stack.append(child)
    return parents


def _parents(module: cst.Module) -> dict[int, cst.CSTNode]:
    """Each node's parent, by id() of the node, but for whitespace and punctuation: they
    make up most of a module, and a lookup of one (a parenthesis) is rare enough to pay for
    the whole module's code, unless its statement was placed already."""
    parents: dict[int, cst.CSTNode] = {}
    stack: list[cst.CSTNode] = [module]
    while stack:
        node = stack.pop()
        for child in children(node):  # the walk's: without whitespace and punctuation
            parents[id(child)] = node
            stack.append(child)
    return parents
