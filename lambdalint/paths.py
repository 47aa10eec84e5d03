"""Paths, for every stage: how one is shown to the user, and what is at one that a project
declares (where the name may be one the OS refuses)."""

from __future__ import annotations

import os
from pathlib import Path


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
    return os.path.isfile(path)


def is_dir(path: Path) -> bool:
    return os.path.isdir(path)


def exists(path: Path) -> bool:
    return os.path.exists(path)
