"""Which files a run looks at: paths walked recursively, ignored folders skipped."""

from __future__ import annotations

import fnmatch
import os
from pathlib import Path
from typing import Iterable, Iterator

SKIPPED_DIRS = {
    ".git", ".hg", ".svn", ".venv", "venv", ".tox", ".nox", "node_modules", ".aws-sam",
    "cdk.out", "build", "dist", "__pycache__", ".mypy_cache", ".pytest_cache",
    ".ruff_cache", "site-packages", ".serverless", ".terraform", ".eggs",
}


class GitIgnore:
    """The subset of gitignore syntax projects use: globs, dir/ patterns, anchors, !negation."""

    def __init__(self, base: Path, lines: Iterable[str]) -> None:
        self.base = base
        self.rules: list[tuple[str, bool, bool, bool]] = []
        for raw in lines:
            line = raw.rstrip("\n").rstrip()
            if not line or line.startswith("#"):
                continue
            negated = line.startswith("!")
            line = line[1:] if negated else line
            directory_only = line.endswith("/")
            line = line.strip("/") if directory_only else line
            anchored = "/" in line.lstrip("/") or line.startswith("/")
            self.rules.append((line.lstrip("/"), negated, directory_only, anchored))

    @classmethod
    def read(cls, directory: Path) -> "GitIgnore | None":
        path = directory / ".gitignore"
        try:
            return cls(directory, path.read_text(encoding="utf-8", errors="replace").splitlines())
        except OSError:
            return None

    def ignores(self, path: Path, is_dir: bool) -> bool:
        relative = Path(os.path.relpath(path, self.base)).as_posix()
        ignored = False
        for pattern, negated, directory_only, anchored in self.rules:
            if directory_only and not is_dir:
                continue
            subject = relative if anchored else path.name
            if fnmatch.fnmatchcase(subject, pattern) or fnmatch.fnmatchcase(subject, pattern + "/**"):
                ignored = not negated
        return ignored


def matches_any(path: Path, root: Path, globs: Iterable[str]) -> bool:
    """Glob match as users write them in config: against the name or the root-relative path."""
    try:
        relative = path.resolve().relative_to(root).as_posix()
    except ValueError:
        relative = path.as_posix()
    for glob in globs:
        glob = glob.rstrip("/")
        if fnmatch.fnmatchcase(path.name, glob) or fnmatch.fnmatchcase(relative, glob):
            return True
        if fnmatch.fnmatchcase(relative, glob + "/*") or relative.startswith(glob + "/"):
            return True
    return False


def python_files(path: Path, excluded: Iterable[str] = (), root: Path | None = None) -> Iterator[Path]:
    """Python files under path; a file named directly is always yielded."""
    return project_files(path, (".py",), excluded, root)


def project_files(path: Path, suffixes: tuple[str, ...], excluded: Iterable[str] = (),
                  root: Path | None = None) -> Iterator[Path]:
    """Files with one of the suffixes under path, skipping ignored and tool folders."""
    if path.is_file():
        yield path
        return
    excluded = list(excluded)
    root = (root or path).resolve()
    yield from _walk(path, _enclosing_gitignores(path), excluded, root, suffixes)


def _enclosing_gitignores(directory: Path) -> list[GitIgnore]:
    """The .gitignore files above directory up to its git repository's root, outermost first."""
    found = []
    for ancestor in Path(os.path.abspath(directory)).parents:
        ignore = GitIgnore.read(ancestor)
        if ignore is not None:
            found.insert(0, ignore)
        if (ancestor / ".git").exists():
            return found
    return []  # not in a repository: git would not apply those files either


def _walk(directory: Path, ignores: list[GitIgnore], excluded: list[str], root: Path,
          suffixes: tuple[str, ...]) -> Iterator[Path]:
    own = GitIgnore.read(directory)
    ignores = [*ignores, own] if own else ignores
    try:
        entries = sorted(os.scandir(directory), key=lambda entry: entry.name)
    except OSError:
        return
    for entry in entries:
        path = Path(entry.path)
        is_dir = entry.is_dir()
        if is_dir and (entry.name in SKIPPED_DIRS or entry.name.endswith(".egg-info")
                       or (path / "pyvenv.cfg").exists()):
            continue
        if any(ignore.ignores(path, is_dir) for ignore in ignores):
            continue
        if excluded and matches_any(path, root, excluded):
            continue
        if is_dir:
            yield from _walk(path, ignores, excluded, root, suffixes)
        elif entry.name.endswith(suffixes):
            yield path
