"""What several stages need to read Python source the way the runtime does: its lines, its
encoding, and CPython's own words for a syntax error. Depends on nothing else here but ``heap``."""

from __future__ import annotations

import ast
import contextlib
import io
import re
import tokenize
import warnings
from dataclasses import dataclass
from itertools import accumulate
from typing import TYPE_CHECKING

from lambdalint.heap import collector_paused

# CPython's tokenizer ends lines only here (str.splitlines also splits on \f, \v, ...)
LINE_BREAK = re.compile(r"\r\n|\r|\n")

if TYPE_CHECKING:
    from collections.abc import Iterator

    from libcst import Module, ParserSyntaxError

# CPython's tokenizer refuses more than 200 open brackets (MAXLEVEL, "too many nested
# parentheses"); libcst has no such limit and crashes or takes gigabytes long before that.
# Below this depth (which the cheap scan may misjudge slightly, e.g. in 3.12 f-strings)
# Python's own parser is not asked.
SUSPECT_NESTING = 150
STRING_OR_COMMENT = re.compile(
    "|".join(
        (
            r"'{3}(?:[^'\\]|\\[\s\S]|'(?!''))*'{3}",  # a triple-quoted string, lines and all
            r'"{3}(?:[^"\\]|\\[\s\S]|"(?!""))*"{3}',
            r"'(?:[^'\\\r\n]|\\[\s\S])*'",
            r'"(?:[^"\\\r\n]|\\[\s\S])*"',
            r"#[^\r\n]*",
        )
    )
)
NOT_BRACKET = re.compile(r"[^()\[\]{}]+")


@dataclass(frozen=True)
class Undecodable:
    """Why a file's bytes are not text, and where."""

    line: int
    column: int
    message: str


def line_starts(text: str) -> list[int]:
    """The offset where each line of text starts (line 1 at index 0), lines as Python and
    libcst count them."""
    return [0, *(match.end() for match in LINE_BREAK.finditer(text))]


def encoding_of(source: bytes) -> str:
    """The encoding Python reads the file in: its BOM or coding cookie, else UTF-8; raises
    SyntaxError for a cookie it refuses."""
    return tokenize.detect_encoding(io.BytesIO(source).readline)[0]


def decode(source: bytes) -> str | Undecodable:
    """The text of a Python file, in the encoding its coding cookie (or BOM) declares."""
    if b"\0" in source:
        line, column = _line_and_column(source, source.index(b"\0"))
        return Undecodable(line, column, "file contains a null byte")
    try:
        encoding = encoding_of(source)
    except SyntaxError as error:
        return Undecodable(error.lineno or 1, 1, f"cannot decode file: {error.msg}")
    try:
        return source.decode(encoding)
    except UnicodeDecodeError as error:
        line, column = _line_and_column(source, error.start)
        return Undecodable(
            line,
            column,
            f"cannot decode file as {error.encoding} (byte {source[error.start]:#04x}:"
            f" {error.reason}); save it as UTF-8 or declare its encoding",
        )
    except LookupError as error:  # not a text codec: ``# coding: rot13``
        return Undecodable(1, 1, f"cannot decode file: {error}")
    except UnicodeError as error:  # a codec that decodes nothing: ``# coding: undefined``
        return Undecodable(1, 1, f"cannot decode file: {error}")


def _line_and_column(source: bytes, offset: int) -> tuple[int, int]:
    """1-based line and byte column of a byte offset."""
    line_start = source.rfind(b"\n", 0, offset) + 1
    return source.count(b"\n", 0, offset) + 1, offset - line_start + 1


def describe_syntax_error(
    source: str | bytes, error: ParserSyntaxError
) -> tuple[int, int, str, bool]:
    """Line, column and reason of a libcst parse error, in CPython's own words (what the
    runtime reports when it imports the file); the flag says Python itself accepts it."""
    try:
        complaint = _cpython_complaint(source)
    except (RecursionError, MemoryError, ValueError):
        complaint = None  # Python cannot tell either: libcst's own reason below
    else:
        if complaint is None:
            return (
                error.raw_line,
                error.raw_column + 1,
                "libcst cannot parse this file although Python can; it was not checked",
                True,
            )
    if complaint is not None:
        return (*complaint, False)
    reason = error.message.splitlines()[0] if error.message else "invalid syntax"
    return error.raw_line, error.raw_column + 1, f"syntax error: {reason}", False


@contextlib.contextmanager
def code_warnings_silenced() -> Iterator[None]:
    """Within the block, Python keeps to itself what it warns about the checked code as it
    compiles it: an escape it does not know ("\\d") is a SyntaxWarning that Python 3.12
    prints on every compile, naming "<unknown>"; the code's author sees it when it runs."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SyntaxWarning)
        warnings.simplefilter("ignore", DeprecationWarning)
        yield


def libcst_module(text: str) -> Module:
    """libcst's parse of the checked code, with Python's cyclic garbage collector paused: a
    libcst tree holds no cycles, and the collector, run every few hundred allocations, would
    scan the heap again and again while the tree is built (~7% of the parse on the corpus,
    more in flake8's process, whose heap holds flake8's own trees too)."""
    import libcst

    with collector_paused():
        return libcst.parse_module(text)


def python_tree(source: str | bytes) -> ast.Module:
    """``ast.parse`` of the checked code, without its warnings."""
    with code_warnings_silenced():
        return ast.parse(source)


# A str literal whose value is the text between its quotes: nothing to unescape, and no
# carriage return (Python reads a line break in a literal as "\n")
PLAIN_STRING = re.compile(r"[rRuU]?(\'\'\'|\"\"\"|\'|\")(?P<text>[^\\\r]*)\1", re.DOTALL)


def literal_value(code: str) -> str | bytes | None:
    """The value of a string literal's code (``'a'``, ``b"x"``) as Python reads it, None when
    Python refuses it (libcst parses escapes Python rejects: "\\N{nope}")."""
    plain = PLAIN_STRING.fullmatch(code)
    if plain is not None:  # literal_eval's answer, at a fraction of its cost
        return plain.group("text")
    with code_warnings_silenced():
        try:
            value = ast.literal_eval(code)
        except (SyntaxError, ValueError):
            return None
    return value if isinstance(value, (str, bytes)) else None


def _cpython_complaint(source: str | bytes) -> tuple[int, int, str] | None:
    """Line, column and reason CPython's parser gives for source, or None when it accepts it;
    raises RecursionError, MemoryError or ValueError when it cannot tell."""
    try:
        python_tree(source)
    except SyntaxError as python_error:
        return (
            python_error.lineno or 1,
            python_error.offset or 1,
            f"syntax error: {python_error.msg}",
        )
    return None


def nesting_rejected(source: str | bytes) -> tuple[int, int, str] | None:
    """Line, column and CPython's reason when Python refuses the code for nesting too deep,
    which a scan of its brackets outside strings and comments tells in microseconds."""
    # brackets and quotes are ASCII, which no UTF-8 (or latin-1) character hides
    text = source.decode("latin-1") if isinstance(source, bytes) else source
    if sum(text.count(opening) for opening in "([{") < SUSPECT_NESTING:
        return None
    brackets = NOT_BRACKET.sub("", STRING_OR_COMMENT.sub("", text))
    if len(brackets) < SUSPECT_NESTING:
        return None
    depths = accumulate(1 if bracket in "([{" else -1 for bracket in brackets)
    if max(depths) < SUSPECT_NESTING:
        return None
    try:
        return _cpython_complaint(source)
    except (RecursionError, MemoryError, ValueError):
        return None


# libcst's parse time grows with the cube of an expression's depth (a chain of a + b + ...,
# a.b.c..., f()()...): 0.5 s at 1,000 levels, 5 s at 3,000, 13 s at 4,000. Python compiles
# ~3,000-term sums, so those are checked; real code stays below 100.
EXPRESSION_DEPTH_BUDGET = 3_000
# each level of such a chain costs at least one of these characters
CHAIN_CHARACTERS = "+-*/%&|^<>@.(["


def too_deep(text: str) -> tuple[int, str] | None:
    """The line and the reason when the code holds an expression deeper than the budget:
    valid Python that libcst would take minutes on. Python's own parser measures it, and
    only in a file with characters enough for such a chain."""
    if sum(text.count(character) for character in CHAIN_CHARACTERS) < EXPRESSION_DEPTH_BUDGET:
        return None
    reason = (
        f"an expression nests more than {EXPRESSION_DEPTH_BUDGET:,} levels deep,"
        " past lambdalint's budget (the parse would take minutes)"
    )
    try:
        tree = python_tree(text)
    except RecursionError:  # Python's own tree builder gave up: at the densest line, surely
        lines = LINE_BREAK.split(text)
        densest = max(range(len(lines)), key=lambda i: sum(map(lines[i].count, CHAIN_CHARACTERS)))
        return densest + 1, reason
    except (SyntaxError, ValueError, MemoryError):
        return None  # libcst's parse reports it
    stack: list[tuple[ast.AST, int, int]] = [(tree, 0, 1)]  # node, depth, its line
    while stack:
        node, depth, line = stack.pop()
        if depth > EXPRESSION_DEPTH_BUDGET:
            return line, reason
        stack.extend(
            (child, depth + 1, getattr(child, "lineno", line))
            for child in ast.iter_child_nodes(node)
        )
    return None


def too_complex(error: RecursionError | MemoryError) -> str:
    """Why valid but extreme code (a 400-term expression, deep nesting) was not analysed."""
    cause = f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
    return f"the code is too deeply nested or too large for lambdalint ({cause})"
