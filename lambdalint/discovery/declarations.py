"""The files under a project root that may declare functions: template, service, app and
``.tf`` files, without those of nested projects (a folder below the root with its own
``[tool.lambdalint]`` pyproject.toml is a project of its own, and reads its own templates)."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator, Sequence

from lambdalint.config import mentions_table
from lambdalint.files import project_files


def declaration_files(root: Path, suffixes: tuple[str, ...], excluded: Sequence[str] = ()
                      ) -> Iterator[Path]:
    root = root.resolve()
    owned: dict[Path, bool] = {}  # by folder: whether a project below root owns it

    def nested(folder: Path) -> bool:
        if folder == root or root not in folder.parents:
            return False
        if folder not in owned:
            owned[folder] = mentions_table(folder / "pyproject.toml") or nested(folder.parent)
        return owned[folder]

    for path in project_files(root, suffixes, excluded):
        if not nested(path.parent.resolve()):
            yield path
