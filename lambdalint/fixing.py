"""``--fix`` and ``--diff``: the fixes findings carry (``diagnostics.Fix``), applied to a file.

A file is fixed in passes, as ruff does: each pass applies every wanted fix that touches
no text another fix of the pass touches, checks the new text again, and the next pass
takes the fixes of the findings that are left; it ends when no wanted fix is left, or
after ``MAX_PASSES``. Every pass's text must parse, or the file is left as it was and gets
one LAM901: a fix that breaks code is a bug of lambdalint's. The file is written once, at
the end, atomically, in its own encoding (a BOM kept), with its newlines and mode.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from lambdalint.diagnostics import Diagnostic, Edit, Fix
from lambdalint.engine import FileResult, FileTask, check_file, crashed_fixing
from lambdalint.source import encoding_of, libcst_module, line_starts

MAX_PASSES = 10


@dataclass
class Fixed:
    """What fixing a file did: its text before and after, and how many findings it fixed."""

    path: Path
    before: str
    after: str
    encoding: str  # as Python reads the file: its BOM or coding cookie, else UTF-8
    fixes: int
    result: FileResult  # the file's findings after the fixes


def fix_file(
    task: FileTask, result: FileResult, wanted: Callable[[Diagnostic], bool]
) -> Fixed | FileResult | None:
    """The file's fixes applied to its text (not written: ``write``); None when no wanted
    fix applies; the result with a LAM901 instead when fixing failed, the file untouched."""
    if not any(_fix_of(item, task, wanted) for item in result.diagnostics):
        return None
    try:
        source = task.path.read_bytes()
        encoding = encoding_of(source)
        before = source.decode(encoding)
    except (OSError, SyntaxError, UnicodeDecodeError, LookupError):
        return None  # the check said why it cannot read it
    try:
        return fixes_applied(task, result, before, encoding, wanted)
    except Exception as error:  # noqa: BLE001 - one file's failed fix must not stop the run
        return crashed_fixing(task, result, f"{type(error).__name__}: {error}")


def fixes_applied(
    task: FileTask,
    result: FileResult,
    before: str,
    encoding: str,
    wanted: Callable[[Diagnostic], bool],
) -> Fixed | None:
    """The passes over ``before``, the text of the task's file, whose check gave result;
    raises when a fix breaks the code."""
    text, fixes = before, 0
    for _ in range(MAX_PASSES):
        chosen = _disjoint(
            [fix for item in result.diagnostics if (fix := _fix_of(item, task, wanted))]
        )
        if not chosen:
            break
        text = applied(text, chosen)
        libcst_module(text)  # raises when a fix broke the code: caught by fix_file
        fixes += len(chosen)
        result = check_file(task, text.encode(encoding))
    if text == before:
        return None
    return Fixed(task.path, before, text, encoding, fixes, result)


def _fix_of(item: Diagnostic, task: FileTask, wanted: Callable[[Diagnostic], bool]) -> Fix | None:
    return item.fix if item.fix is not None and item.path == task.path and wanted(item) else None


def _disjoint(fixes: list[Fix]) -> list[Fix]:
    """The fixes, first come first served, less those whose edits touch an edit already
    taken (two insertions at one place included): those wait for the next pass."""
    taken: list[Edit] = []
    chosen = []
    for fix in sorted(fixes, key=lambda fix: min((edit.line, edit.column) for edit in fix.edits)):
        if any(_touch(edit, other) for edit in fix.edits for other in taken):
            continue
        chosen.append(fix)
        taken.extend(fix.edits)
    return chosen


def _touch(first: Edit, second: Edit) -> bool:
    return (first.line, first.column) <= (second.end_line, second.end_column) and (
        second.line,
        second.column,
    ) <= (first.end_line, first.end_column)


def applied(text: str, fixes: list[Fix]) -> str:
    """text with the fixes' edits made, from the last to the first."""
    starts = line_starts(text)

    def offset(line: int, column: int) -> int:
        return starts[line - 1] + column

    edits = sorted((edit for fix in fixes for edit in fix.edits), key=lambda e: (e.line, e.column))
    for edit in reversed(edits):
        start, end = offset(edit.line, edit.column), offset(edit.end_line, edit.end_column)
        text = text[:start] + edit.content + text[end:]
    return text


def write(fixed: Fixed) -> None:
    """Replace the file (a link's target) with the fixed text, atomically, in the encoding,
    newlines and mode it had."""
    path = Path(os.path.realpath(fixed.path))
    data = fixed.after.encode(fixed.encoding)
    mode = stat.S_IMODE(os.stat(path).st_mode)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.lambdalint-")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
