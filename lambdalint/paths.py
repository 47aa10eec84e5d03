"""How a path is shown to the user: one neutral place every stage may take it from."""

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
