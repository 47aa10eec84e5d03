"""One module per ``--format``. Each exposes ``render(diagnostics, color) -> str``."""

from __future__ import annotations

from importlib import import_module
from pathlib import Path
from typing import Callable

from lambdalint.diagnostics import Diagnostic

FORMATS = ("text", "json", "sarif", "github", "junit")


def renderer(name: str) -> Callable[[list[Diagnostic], bool], str]:
    return import_module(f"lambdalint.output.{name}_format").render


def display_path(path: Path) -> str:
    """Relative to the current directory where possible, always with forward slashes."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()
