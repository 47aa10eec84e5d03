"""Where a deployment setting's relative code path points, or why its code cannot be checked."""

from __future__ import annotations

from pathlib import Path
from typing import Optional


def local_folder(base: Path, written: str, root: Path,
                 setting: str) -> tuple[Optional[Path], Optional[str]]:
    """The folder ``written`` names relative to base, or None and the reason it is not checkable."""
    folder = (base / written).resolve()
    if folder != root and root not in folder.parents:
        return None, (f"{setting} '{written}' lies outside the project being checked;"
                      " its code is not checked")
    if folder.is_file():
        return None, (f"{setting} '{written}' is a file (a built archive?), not a folder;"
                      " its code is not checked")
    if not folder.is_dir():
        return None, f"{setting} '{written}' does not exist; its code is not checked"
    return folder, None
