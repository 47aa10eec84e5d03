"""A finding's identity that survives unrelated edits: for SARIF and for the baseline.

A fingerprint hashes the rule code, the file's path relative to the current directory
(or to the root the caller gives: a baseline's directory), the text of the line where
the finding starts, as the engine decoded it, with its whitespace collapsed, and the
finding's index among the findings of the same code on identical text in that file.
The line number is left out, so inserting lines above a finding does not change it;
only the first line of the offending code counts, so a finding that spans a whole
function (LAM002) survives edits inside it; the index keeps a second, identical
finding distinct from the first.
"""

from __future__ import annotations

import hashlib
import os
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from lambdalint.diagnostics import Diagnostic


def fingerprints(diagnostics: Sequence[Diagnostic], root: Path | None = None) -> list[str]:
    """One hex digest per diagnostic, in the order given; paths relative to root (default: cwd)."""
    seen: Counter[tuple[str, str, str]] = Counter()
    digests = [""] * len(diagnostics)
    # occurrence indices count in source order, whatever order the caller passes
    for index in sorted(range(len(diagnostics)), key=lambda i: diagnostics[i].sort_key()):
        item = diagnostics[index]
        # the line as the engine decoded it (the file's declared encoding), never re-read
        text = " ".join((item.source_line or "").split())
        identity = (item.code, relative_path(item.path, root), text)
        occurrence = seen[identity]
        seen[identity] += 1
        digests[index] = hashlib.sha256(
            "\0".join([*identity, str(occurrence)]).encode("utf-8")
        ).hexdigest()
    return digests


def relative_path(path: Path, root: Path | None = None) -> str:
    """path from root (default: the current directory), with '..' as needed, '/'-separated."""
    return Path(os.path.relpath(path.resolve(), (root or Path.cwd()).resolve())).as_posix()
