"""Handlers named in ``[tool.lambdalint] handlers`` and on the command line (``--handler``)."""

from __future__ import annotations

from lambdalint.config import Config, HandlerSpec


def handlers(config: Config) -> list[HandlerSpec]:
    return list(config.handlers)
