"""Which findings the user asked not to see: rule selection, per-file ignores, noqa."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

# flake8's own noqa syntax, so one comment serves both tools
NOQA_CODES = r"noqa(?::[\s]?(?P<codes>[A-Z]+[0-9]+(?:[,\s]+[A-Z]+[0-9]+)*))?"
NOQA = re.compile(r"#\s*" + NOQA_CODES, re.IGNORECASE)
# in YAML, TOML and HCL files, behind their comment markers (HCL also has //)
DECLARATION_NOQA = re.compile(r"(?:#|//)\s*" + NOQA_CODES, re.IGNORECASE)


class UnknownCodeError(ValueError):
    pass


def validate_prefixes(prefixes: Iterable[str], known: Sequence[str], where: str) -> None:
    for prefix in prefixes:
        if not any(code.startswith(prefix) for code in known):
            raise UnknownCodeError(f"{where}: unknown rule code or prefix '{prefix}'")


def enabled_codes(
    known: Sequence[str],
    select: Sequence[str] | None,
    extend_select: Sequence[str],
    ignore: Sequence[str],
) -> frozenset[str]:
    """The longest matching prefix decides; on a tie, ignore wins (as in ruff). select None
    is every rule; an empty select is none (as in ruff)."""
    chosen = [*(["LAM"] if select is None else select), *extend_select]
    enabled = set()
    for code in known:
        selected = max((len(p) for p in chosen if code.startswith(p)), default=-1)
        ignored = max((len(p) for p in ignore if code.startswith(p)), default=-1)
        if selected > ignored:
            enabled.add(code)
    return frozenset(enabled)


def noqa_suppresses(line_text: str, code: str, pattern: re.Pattern[str] = NOQA) -> bool:
    match = pattern.search(line_text)
    if match is None:
        return False
    codes = match.group("codes")
    if not codes:
        return True
    listed = [item.upper() for item in re.split(r"[,\s]+", codes) if item]
    return any(code.startswith(item) for item in listed)
