"""One module per ``--format``. Each exposes ``render(diagnostics, color) -> str``."""

from __future__ import annotations

from importlib import import_module
from typing import Callable

from lambdalint.diagnostics import Diagnostic
from lambdalint.paths import display_path

__all__ = ["FORMATS", "display_path", "renderer"]

FORMATS = ("text", "json", "sarif", "github", "junit")


def renderer(name: str) -> Callable[[list[Diagnostic], bool], str]:
    render: Callable[[list[Diagnostic], bool], str] = import_module(
        f"lambdalint.output.{name}_format"
    ).render
    return render
