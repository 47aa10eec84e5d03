"""Which files a run looks at: paths walked recursively, ignored folders skipped.

The walk is safe on any tree: symlink loops, dangling links, unreadable folders and
anything that is not a regular file (FIFOs, sockets, devices) are passed over with one
``Skipped`` each, never an exception; a file reached through a link to a place the walk
visits anyway is yielded once, under its real path.
"""

from __future__ import annotations

import errno
import fnmatch
import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

SKIPPED_DIRS = {
    ".git",
    ".hg",
    ".svn",
    ".venv",
    "venv",
    ".tox",
    ".nox",
    "node_modules",
    ".aws-sam",
    "cdk.out",
    "build",
    "dist",
    "__pycache__",
    ".mypy_cache",
    ".pytest_cache",
    ".ruff_cache",
    "site-packages",
    ".serverless",
    ".terraform",
    ".eggs",
}


@dataclass(frozen=True)
class Skipped:
    """A path the walk passed over, and why (shown as a note, never a finding)."""

    path: Path
    reason: str


def regular_file(path: Path) -> bool:
    """Whether path (after links) is a regular file: safe to read without blocking."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


def unreadable_reason(path: Path) -> str | None:
    """Why path cannot be read as a file, or None when it is a regular file."""
    try:
        mode = os.stat(path).st_mode
    except OSError as error:
        if error.errno == errno.ELOOP:
            return "symlink loop; skipped"
        if os.path.islink(path):
            return "broken symlink; skipped"
        return f"cannot read: {error.strerror}; skipped"
    except ValueError as error:
        return f"cannot read: {error}; skipped"
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "is a folder"
    return "not a regular file (FIFO, socket or device); skipped"


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
    def read(cls, directory: Path) -> GitIgnore | None:
        path = directory / ".gitignore"
        if not regular_file(path):
            return None
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
            if fnmatch.fnmatchcase(subject, pattern) or fnmatch.fnmatchcase(
                subject, pattern + "/**"
            ):
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


def python_files(
    path: Path,
    excluded: Iterable[str] = (),
    root: Path | None = None,
    skipped: list[Skipped] | None = None,
) -> Iterator[Path]:
    """Python files under path; a file named directly is always yielded."""
    return project_files(path, (".py",), excluded, root, skipped)


def project_files(
    path: Path,
    suffixes: tuple[str, ...],
    excluded: Iterable[str] = (),
    root: Path | None = None,
    skipped: list[Skipped] | None = None,
) -> Iterator[Path]:
    """Files with one of the suffixes under path, skipping ignored and tool folders; what
    cannot be walked or read is appended to ``skipped``."""
    if not path.is_dir():
        reason = unreadable_reason(path)
        if reason is None:
            yield path
        elif skipped is not None:
            skipped.append(Skipped(path, reason))
        return
    walk = _Walk(
        path,
        list(excluded),
        (root or path).resolve(),
        suffixes,
        skipped if skipped is not None else [],
    )
    yield from walk.directory(path, _enclosing_gitignores(path))


def _enclosing_gitignores(directory: Path) -> list[GitIgnore]:
    """The .gitignore files above directory up to its git repository's root, outermost first."""
    found: list[GitIgnore] = []
    for ancestor in Path(os.path.abspath(directory)).parents:
        ignore = GitIgnore.read(ancestor)
        if ignore is not None:
            found.insert(0, ignore)
        if (ancestor / ".git").exists():
            return found
    return []  # not in a repository: git would not apply those files either


class _Walk:
    def __init__(
        self,
        top: Path,
        excluded: list[str],
        root: Path,
        suffixes: tuple[str, ...],
        skipped: list[Skipped],
    ) -> None:
        self.top = top.resolve()
        self.excluded = excluded
        self.root = root
        self.suffixes = suffixes
        self.skipped = skipped

    def directory(self, directory: Path, ignores: list[GitIgnore]) -> Iterator[Path]:
        own = GitIgnore.read(directory)
        ignores = [*ignores, own] if own else ignores
        try:
            entries = sorted(os.scandir(directory), key=lambda entry: entry.name)
        except OSError as error:
            self.skipped.append(
                Skipped(directory, f"cannot read folder: {error.strerror}; skipped")
            )
            return
        for entry in entries:
            path = Path(entry.path)
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir and (
                entry.name in SKIPPED_DIRS
                or entry.name.endswith(".egg-info")
                or (path / "pyvenv.cfg").exists()
            ):
                continue
            if not is_dir and not entry.name.endswith(self.suffixes) and not entry.is_symlink():
                continue
            if any(ignore.ignores(path, is_dir) for ignore in ignores):
                continue
            if self.excluded and matches_any(path, self.root, self.excluded):
                continue
            if entry.is_symlink():
                reason = unreadable_reason(path)
                if reason is not None and not is_dir:
                    if entry.name.endswith(self.suffixes) or "loop" in reason:
                        self.skipped.append(Skipped(path, reason))
                    continue
                if self._walked_anyway(path):
                    continue  # reached under its real path
            if is_dir:
                yield from self.directory(path, ignores)
            elif entry.name.endswith(self.suffixes):
                reason = unreadable_reason(path)
                if reason is None:
                    yield path
                else:
                    self.skipped.append(Skipped(path, reason))

    def _walked_anyway(self, link: Path) -> bool:
        """A link whose target lies in the walked tree (a loop, or a second path to a file)."""
        try:
            target = Path(os.path.realpath(link))
        except (OSError, ValueError):
            return False
        return target == self.top or self.top in target.parents
