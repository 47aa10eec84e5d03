"""Where a deployment setting's relative code path points, or why its code cannot be checked."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from lambdalint.discovery.model import Note


def local_folder(written: str, root: Path, setting: str, declared_in: Path, line: int
                 ) -> tuple[Optional[Path], Optional[Note]]:
    """The folder ``written`` names relative to the declaring file, or None and a note on why
    it is not checkable: a LAM007 when the folder does not exist, since no handler can load
    from it."""
    folder = (declared_in.parent / written).resolve()
    if not folder.exists():
        return None, Note(declared_in, line, f"{setting} '{written}' does not exist, so the"
                          f" handler cannot be found; point {setting} at the folder that holds"
                          " the code", code="LAM007")
    if folder != root and root not in folder.parents:
        return None, Note(declared_in, line, f"{setting} '{written}' lies outside the project"
                          " being checked; its code is not checked")
    if folder.is_file():
        return None, Note(declared_in, line, f"{setting} '{written}' is a file (a built archive?),"
                          " not a folder; its code is not checked")
    return folder, None
