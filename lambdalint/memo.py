"""A whole run remembered, beside the project caches (``lambdalint.cache``): a run with the
same command line, from the same folder, by the same lambdalint, gives the remembered
result without walking a tree, reading a template or loading a project's cache, when
nothing the remembered run depended on has changed:

- every folder a walk listed lists the same names (less the tool folders no walk enters,
  the cache's own among them), so the walk would find the same files;
- every file the run read or looked at (a checked file, a template, a module a handler
  reaches, a config, a project marker, a .gitignore) has the same kind, inode, size and
  times, or is still absent; a folder it looked at is still a folder.

A run is remembered only when none of those files changed within ``RACY_NS`` before it
started or while it ran: a second write in the same clock tick as the look would not show
in the times. The first run after an edit is therefore never remembered; the next one is.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from lambdalint.cache import RACY_NS, read_entry, write_entry
from lambdalint.files import listing

# a file's kind, inode, size, modification and change times (ns); FOLDER for a folder, whose
# listing speaks for it where it matters; None when nothing is there
# (typing.Optional: the project runs on Python 3.9, where ``X | None`` is not a value)
Signature = Optional[tuple[int, ...]]
FOLDER: Signature = (-1,)
Listing = Optional[tuple[str, ...]]


def signature(path: str) -> Signature:
    try:
        status = os.stat(path)
    except (OSError, ValueError):
        return None
    if stat.S_ISDIR(status.st_mode):
        return FOLDER
    return (
        stat.S_IFMT(status.st_mode),
        status.st_ino,
        status.st_size,
        status.st_mtime_ns,
        status.st_ctime_ns,
    )


@dataclass
class _Remembered:
    key: str  # the command line, folder and code identity it answers
    listings: dict[str, Listing]
    files: dict[str, Signature]
    outcome: object  # what the run produced, as the runner keeps it

    def holds(self) -> bool:
        return all(listing(folder) == names for folder, names in self.listings.items()) and all(
            signature(path) == known for path, known in self.files.items()
        )


def recall(path: Path, key: str) -> object | None:
    """The outcome remembered at path for key, when everything it depended on is unchanged."""
    remembered = read_entry(path)
    if isinstance(remembered, _Remembered) and remembered.key == key and remembered.holds():
        return remembered.outcome
    return None


def remember(
    path: Path,
    key: str,
    listings: dict[str, Listing],
    files: Iterable[str],
    outcome: object,
    started_at: int,
) -> None:
    """Store a run's outcome with what it depended on (``listings`` as its walks saw them,
    ``files`` as they are now), unless one of the files changed too recently to tell."""
    signatures = {name: signature(name) for name in files}
    newest = max(
        (max(known[3:]) for known in signatures.values() if known and known != FOLDER), default=0
    )
    if newest >= started_at - RACY_NS:
        return
    write_entry(path, _Remembered(key, listings, signatures, outcome))
