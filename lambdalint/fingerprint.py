"""A finding's identity that survives unrelated edits: for SARIF and for the baseline.

A fingerprint hashes the rule code, the file's path relative to the current directory
(or to the root the caller gives: a baseline's directory), the text of the line where
the finding starts with its whitespace collapsed, and the finding's index among the
findings of the same code on identical text in that file.
The line number is left out, so inserting lines above a finding does not change it;
only the first line of the offending code counts, so a finding that spans a whole
function (LAM002) survives edits inside it; the index keeps a second, identical
finding distinct from the first.
"""

from __future__ import annotations

import hashlib
import os
from collections import Counter
from pathlib import Path
from typing import Optional, Sequence

from lambdalint.diagnostics import Diagnostic
# the line breaks the engine counts lines by, so line N here is the line N the rules report
from lambdalint.source import LINE_BREAK


def fingerprints(diagnostics: Sequence[Diagnostic], root: Optional[Path] = None) -> list[str]:
    """One hex digest per diagnostic, in the order given; paths relative to root (default: cwd)."""
    lines_of: dict[Path, list[str]] = {}
    seen: Counter[tuple[str, str, str]] = Counter()
    digests = [""] * len(diagnostics)
    # occurrence indices count in source order, whatever order the caller passes
    for index in sorted(range(len(diagnostics)), key=lambda i: diagnostics[i].sort_key()):
        item = diagnostics[index]
        if item.path not in lines_of:
            lines_of[item.path] = _source_lines(item.path)
        lines = lines_of[item.path]
        text = " ".join(lines[item.line - 1].split()) if 0 < item.line <= len(lines) else ""
        identity = (item.code, relative_path(item.path, root), text)
        occurrence = seen[identity]
        seen[identity] += 1
        digests[index] = hashlib.sha256(
            "\0".join([*identity, str(occurrence)]).encode("utf-8")).hexdigest()
    return digests


def relative_path(path: Path, root: Optional[Path] = None) -> str:
    """path from root (default: the current directory), with '..' as needed, '/'-separated."""
    return Path(os.path.relpath(path.resolve(), (root or Path.cwd()).resolve())).as_posix()


def _source_lines(path: Path) -> list[str]:
    # a file that is gone (a buffer from stdin) still gets a stable, line-free fingerprint
    try:
        return LINE_BREAK.split(path.read_bytes().decode("utf-8", errors="replace"))
    except OSError:
        return []
