"""The files under a project root that may declare functions: template, service, app and
``.tf`` files, without those of nested projects (a folder below the root with its own
``[tool.lambdalint]`` pyproject.toml is a project of its own, and reads its own templates).

Every source asks for its own suffixes; inside ``one_walk`` the tree is walked once for all
of them, since the walk (ignore rules per folder and per file) costs more than the sources'
byte prefilters.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from pathlib import Path

from lambdalint.config import mentions_table
from lambdalint.files import project_files

# what any source reads: templates, service files, CDK apps (Python, TypeScript, JavaScript), .tf
DECLARATION_SUFFIXES = (
    ".yaml",
    ".yml",
    ".json",
    ".template",
    ".py",
    ".ts",
    ".mts",
    ".cts",
    ".js",
    ".mjs",
    ".cjs",
    ".tf",
)
_walked: tuple[Path, tuple[str, ...], list[Path]] | None = None


@contextlib.contextmanager
def one_walk(root: Path, excluded: Sequence[str] = ()) -> Iterator[None]:
    """Within the block, declaration_files(root, ...) filters one shared walk of root."""
    global _walked
    root = root.resolve()
    previous = _walked
    _walked = (root, tuple(excluded), list(_walk(root, DECLARATION_SUFFIXES, excluded)))
    try:
        yield
    finally:
        _walked = previous


def declaration_files(
    root: Path, suffixes: tuple[str, ...], excluded: Sequence[str] = ()
) -> Iterator[Path]:
    root = root.resolve()
    if (
        _walked is not None
        and _walked[:2] == (root, tuple(excluded))
        and (set(suffixes) <= set(DECLARATION_SUFFIXES))
    ):
        return (path for path in _walked[2] if path.name.endswith(suffixes))
    return _walk(root, suffixes, excluded)


def _walk(root: Path, suffixes: tuple[str, ...], excluded: Sequence[str]) -> Iterator[Path]:
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
