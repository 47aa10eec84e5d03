"""Sources of handler declarations. A new deployment format is one new module here.

Each source takes the project's Config and returns the HandlerSpecs it declares.
"""

from __future__ import annotations

from typing import Callable

from lambdalint.config import Config, HandlerSpec
from lambdalint.discovery import pyproject

Source = Callable[[Config], "list[HandlerSpec]"]

SOURCES: list[Source] = [pyproject.handlers]


def declared_handlers(config: Config) -> list[HandlerSpec]:
    """Every handler any source declares, in source order, without duplicates."""
    seen: dict[tuple[str, str], HandlerSpec] = {}
    for source in SOURCES:
        for spec in source(config):
            seen.setdefault((spec.handler, str(spec.code_root)), spec)
    return list(seen.values())
