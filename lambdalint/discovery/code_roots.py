"""Where a deployment setting's relative code path points, or why its code cannot be checked."""

from __future__ import annotations

from pathlib import Path

from lambdalint.discovery.model import Note
from lambdalint.paths import exists, is_file


def local_folder(
    written: str, root: Path, setting: str, declared_in: Path, line: int
) -> tuple[Path | None, Note | None]:
    """The folder ``written`` names relative to the declaring file, or None and a note on why
    it is not checkable. A folder that does not exist is a build output not built yet (or a
    template fragment's placeholder): the build or deploy step fails on it before any
    invocation, so it is a note, not a finding."""
    folder = (declared_in.parent / written).resolve()
    if not exists(folder):
        return None, Note(
            declared_in,
            line,
            f"{setting} '{written}' does not exist in the"
            " repository (a build output, or not built yet); its code is not checked",
            unchecked="code folder not found",
        )
    if folder != root and root not in folder.parents:
        return None, Note(
            declared_in,
            line,
            f"{setting} '{written}' lies outside the project"
            " being checked; its code is not checked",
            unchecked="code outside the project",
        )
    if is_file(folder):
        return None, Note(
            declared_in,
            line,
            f"{setting} '{written}' is a file (a built archive?),"
            " not a folder; its code is not checked",
            unchecked="prebuilt archive",
        )
    return folder, None
