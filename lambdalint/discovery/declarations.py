"""The files under a project root that may declare functions: template, service, app and
``.tf`` files, without those of nested projects (a folder below the root with its own
``[tool.lambdalint]`` pyproject.toml is a project of its own, and reads its own templates).

Every source asks for its own suffixes; inside ``one_walk`` they all filter one walk of the
root (``project_tree``), which the run shares with checking: it collects every suffix any
source reads, ``.py`` among them.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from pathlib import Path

from lambdalint.config import mentions_table
from lambdalint.files import Tree, walk

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
_walked: tuple[Path, tuple[str, ...], Tree, int | None] | None = None


def project_tree(root: Path, excluded: Sequence[str] = ()) -> Tree:
    """One walk of a project's root, for every file discovery and checking read there."""
    return walk(root.resolve(), DECLARATION_SUFFIXES, excluded)


@contextlib.contextmanager
def one_walk(
    root: Path,
    excluded: Sequence[str] = (),
    tree: Tree | None = None,
    max_file_size: int | None = None,
) -> Iterator[None]:
    """Within the block, declaration_files(root, ...) filters one walk of root: ``tree`` when
    the caller has it, else a new one; without the files above max_file_size (bytes)."""
    global _walked
    root = root.resolve()
    previous = _walked
    _walked = (root, tuple(excluded), tree or project_tree(root, excluded), max_file_size)
    try:
        yield
    finally:
        _walked = previous


def declaration_files(
    root: Path, suffixes: tuple[str, ...], excluded: Sequence[str] = ()
) -> Iterator[Path]:
    return (path for path, size in _sized_files(root, suffixes, excluded) if not size)


def oversized_files(
    root: Path, suffixes: tuple[str, ...], excluded: Sequence[str] = ()
) -> Iterator[tuple[Path, int]]:
    """The files declaration_files passes over for their size, with it."""
    return ((path, size) for path, size in _sized_files(root, suffixes, excluded) if size)


def _sized_files(
    root: Path, suffixes: tuple[str, ...], excluded: Sequence[str]
) -> Iterator[tuple[Path, int]]:
    """Each file, with its size when that is above one_walk's max_file_size, else 0."""
    root = root.resolve()
    if (
        _walked is not None
        and _walked[:2] == (root, tuple(excluded))
        and (set(suffixes) <= set(DECLARATION_SUFFIXES))
    ):
        tree, limit = _walked[2], _walked[3]
    else:
        tree, limit = walk(root, suffixes, excluded), None
    for path in _outside_nested_projects(root, tree, suffixes):
        size = tree.stats.get(path, (0, 0))[0]
        yield path, size if limit is not None and size > limit else 0


def _outside_nested_projects(root: Path, tree: Tree, suffixes: tuple[str, ...]) -> Iterator[Path]:
    owned: dict[Path, bool] = {}  # by folder: whether a project below root owns it

    def nested(folder: Path) -> bool:
        if folder == root or root not in folder.parents:
            return False
        if folder not in owned:
            owned[folder] = mentions_table(folder / "pyproject.toml") or nested(folder.parent)
        return owned[folder]

    for path, real in tree.files:
        if not path.name.endswith(suffixes):
            continue
        # a path without links is its real path already: no resolving per file
        folder = path.parent if real == path else path.parent.resolve()
        if not nested(folder):
            yield path
