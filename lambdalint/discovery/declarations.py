"""The files under a project root that may declare functions: template, service, app and
``.tf`` files, without those of nested projects (a folder below the root with its own
``[tool.lambdalint]`` pyproject.toml is a project of its own, and reads its own templates)."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator, Sequence

from lambdalint.config import find_config
from lambdalint.files import project_files


def declaration_files(root: Path, suffixes: tuple[str, ...], excluded: Sequence[str] = ()
                      ) -> Iterator[Path]:
    root = root.resolve()
    nested: dict[Path, bool] = {}  # by folder: whether a project below root owns it
    for path in project_files(root, suffixes, excluded):
        folder = path.parent.resolve()
        if folder not in nested:
            config = find_config(folder)
            nested[folder] = config is not None and root in config.parent.resolve().parents
        if not nested[folder]:
            yield path
