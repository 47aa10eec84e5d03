"""The one shape every finding takes, from any rule, on its way to a formatter.

A finding holds locations as data, never paths spelled for a reader: a message that points
at another place (the template line of a trigger, a code root) says ``{@0}`` where that
place goes, and each formatter spells it, relative to where the user stands.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

RELATED = re.compile(r"\{@(\d+)\}")
# what a finding in a module the handler reaches adds to its message: how it is reached
REACHED_FROM = "; reached from "


@dataclass(frozen=True)
class Location:
    """A place a finding refers to: a file's line, or a whole file or folder (line None)."""

    path: Path  # absolute
    line: int | None = None
    column: int | None = None
    label: str = ""  # what is there: "Api event of CreateOrderFunction", "code root"


def related(index: int = 0) -> str:
    """The placeholder a message writes where its related location ``index`` goes."""
    return f"{{@{index}}}"


def spelled(message: str, places: tuple[Location, ...], spell: Callable[[Path], str]) -> str:
    """message with each placeholder replaced by its place, ``spell(path)[:line]``."""
    if not places:
        return message

    def place(match: re.Match[str]) -> str:
        location = places[int(match.group(1))]
        where = spell(location.path)
        return where if location.line is None else f"{where}:{location.line}"

    return RELATED.sub(place, message)


@dataclass(frozen=True)
class Edit:
    """Replace the text from (line, column) to (end_line, end_column) of the finding's file
    with ``content``: lines 1-based, columns 0-based in characters of the decoded text, as
    libcst counts them; an insertion starts and ends at the same place."""

    line: int
    column: int
    end_line: int
    end_column: int
    content: str


SAFE, UNSAFE = "safe", "unsafe"


@dataclass(frozen=True)
class Fix:
    """What ``--fix`` does about a finding: edits of the finding's own file, applied together
    or not at all. ``safe`` keeps the code's behaviour; ``unsafe`` (``--unsafe-fixes``) may
    change it, as the rule's docs say."""

    applicability: str  # SAFE or UNSAFE
    description: str  # "Add a `_context=None` parameter"
    edits: tuple[Edit, ...]


@dataclass(frozen=True)
class Diagnostic:
    path: Path
    line: int
    column: int  # 1-based, like every editor and flake8
    end_line: int
    end_column: int
    code: str
    name: str
    message: str  # may hold related() placeholders: spell it with text()
    severity: str  # "error" or "warning"
    related: tuple[Location, ...] = ()
    # the decoded text of the line the finding starts on, for fingerprints; None until known
    source_line: str | None = None
    # the project's root, which names related places the same from any working directory
    root: Path | None = None
    fix: Fix | None = None

    def text(self, spell: Callable[[Path], str]) -> str:
        """The message with each related location spelled ``spell(path)[:line]``."""
        return spelled(self.message, self.related, spell)

    def sort_key(self) -> tuple[str, int, int, str]:
        # resolved: findings in config files carry absolute paths, the others as given
        return (self.path.resolve().as_posix(), self.line, self.column, self.code)
