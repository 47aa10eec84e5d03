"""One module per ``--format``. Each exposes ``render(diagnostics, color) -> str``."""

from __future__ import annotations

import os
from importlib import import_module
from pathlib import Path
from typing import Callable

from lambdalint.diagnostics import Diagnostic

FORMATS = ("text", "json", "sarif", "github", "junit")


def renderer(name: str) -> Callable[[list[Diagnostic], bool], str]:
    return import_module(f"lambdalint.output.{name}_format").render


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
