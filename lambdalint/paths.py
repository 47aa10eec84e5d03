"""Paths, for every stage: how one is shown to the user, and what is at one that a project
declares (where the name may be one the OS refuses)."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

_recordings: list[set[str]] = []


@contextlib.contextmanager
def recorded_lookups() -> Iterator[set[str]]:
    """Within the block, every path a run looks at besides reading a listed file (a project
    marker, a .gitignore above the tree, a declared module) is recorded: what a whole run's
    result depends on, for ``lambdalint.memo`` to look at again."""
    looked: set[str] = set()
    _recordings.append(looked)
    try:
        yield looked
    finally:
        _recordings.remove(looked)


def looked_at(path: Path | str) -> None:
    for looked in _recordings:
        looked.add(os.fspath(path))


def display_path(path: Path) -> str:
    """Relative to the current directory where possible, always with forward slashes; a
    link is shown as itself (it may be dangling or a loop), not as what it points to."""
    cwd = Path.cwd()
    try:
        candidates = [Path(os.path.abspath(path)), path.resolve()]
    except (OSError, RuntimeError):  # a symlink loop
        candidates = [Path(os.path.abspath(path))]
    for candidate in candidates:
        try:
            return candidate.relative_to(cwd).as_posix()
        except ValueError:
            continue
    return path.as_posix()


# pathlib's checks raise for a name the OS refuses (ENAMETOOLONG: a 300-character module in a
# template); os.path's answer False, which is what a declaration naming such a file deserves.
def is_file(path: Path) -> bool:
    looked_at(path)
    return os.path.isfile(path)


def is_dir(path: Path) -> bool:
    looked_at(path)
    return os.path.isdir(path)


def exists(path: Path) -> bool:
    looked_at(path)
    return os.path.exists(path)
