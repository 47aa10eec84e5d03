"""Which files a run looks at: paths walked recursively, ignored folders skipped.

A folder is walked once per run (``walk`` returns a ``Tree``): discovery reads its
declaration files from the tree of a project's root, and checking takes the Python files of
a checked folder from the same tree when the walk entered it.

The walk is safe on any tree: symlink loops, dangling links, unreadable folders and
anything that is not a regular file (FIFOs, sockets, devices) are passed over with one
``Skipped`` each, never an exception; a file reached through a link to a place the walk
visits anyway is yielded once, under its real path.
"""

from __future__ import annotations

import contextlib
import errno
import fnmatch
import functools
import hashlib
import os
import re
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from lambdalint import gitignore
from lambdalint.paths import exists, looked_at

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
    ".lambdalint_cache",
    "site-packages",
    ".serverless",
    ".terraform",
    ".eggs",
}


ABSENT = ""  # the SHA-256 recorded for a file that does not exist


@dataclass(frozen=True)
class Skipped:
    """A path the walk passed over, and why (shown as a note, never a finding)."""

    path: Path
    reason: str


def too_large(size: int, limit: int) -> str:
    """Why a file above ``max-file-size`` is not read."""
    return f"{size:,} bytes, more than max-file-size ({limit:,}); not read"


def regular_file(path: Path) -> bool:
    """Whether path (after links) is a regular file: safe to read without blocking."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


def unreadable_reason(path: Path) -> str | None:
    """Why path cannot be read as a file, or None when it is a regular file."""
    return _status(path)[1]


def _status(path: Path) -> tuple[os.stat_result | None, str | None]:
    """path's stat when it is a regular file, else why it cannot be read as one."""
    try:
        status = os.stat(path)
    except OSError as error:
        if error.errno == errno.ELOOP:
            return None, "symlink loop; skipped"
        if os.path.islink(path):
            return None, "broken symlink; skipped"
        return None, f"cannot read: {error.strerror}; skipped"
    except ValueError as error:
        return None, f"cannot read: {error}; skipped"
    if stat.S_ISREG(status.st_mode):
        return status, None
    if stat.S_ISDIR(status.st_mode):
        return None, "is a folder"
    return None, "not a regular file (FIFO, socket or device); skipped"


# what a recording (``recorded_reads``) saw: each path read, its size and modification time
# before the read and what the reader learnt from the bytes (``Learnt``); (None, "") for a
# file that was absent
Reads = dict[Path, tuple["tuple[int, int] | None", str]]
_recordings: list[Reads] = []


@contextlib.contextmanager
def recorded_reads() -> Iterator[Reads]:
    """Within the block, every ``read_bytes`` is recorded: what discovery's result depends
    on, for the cache to tell whether it still holds."""
    reads: Reads = {}
    _recordings.append(reads)
    try:
        yield reads
    finally:
        _recordings.remove(reads)


def read_bytes(path: Path, mentions: tuple[bytes, ...] = ()) -> bytes:
    """path's bytes, recorded when a recording is on; OSError as Path.read_bytes raises it.

    A reader that only looks further at files mentioning one of ``mentions`` says so: a file
    that mentions none is recorded as such, so edits that keep it so change nothing."""
    if not _recordings:
        return path.read_bytes()
    try:
        status = os.stat(path)
        content = path.read_bytes()
    except OSError:
        _record(path, None, ABSENT)
        raise
    _record(path, (status.st_size, status.st_mtime_ns), learnt_from(content, mentions))
    return content


def _record(path: Path, stat: tuple[int, int] | None, learnt: str) -> None:
    for reads in _recordings:
        reads[path] = (stat, learnt)


MENTIONS_NONE = "mentions none of "


def learnt_from(content: bytes, mentions: tuple[bytes, ...]) -> str:
    """What a reader's result depends on in content: the words it looks for when content
    has none of them, else every byte (its SHA-256)."""
    if mentions and not any(word in content for word in mentions):
        return MENTIONS_NONE + " ".join(word.hex() for word in mentions)
    return digest(content)


def digest(content: bytes) -> str:
    """The SHA-256 by which the cache knows a file's content."""
    return hashlib.sha256(content).hexdigest()


def still_learnt(content: bytes, learnt: str) -> bool:
    """Whether content teaches a reader what ``learnt`` recorded."""
    if learnt.startswith(MENTIONS_NONE):
        words = tuple(bytes.fromhex(word) for word in learnt[len(MENTIONS_NONE) :].split())
        return learnt_from(content, words) == learnt
    return digest(content) == learnt


def read_regular(path: Path) -> bytes | None:
    """path's bytes when it is a regular file, else None (recorded as absent)."""
    if regular_file(path):
        return read_bytes(path)
    _record(path, None, ABSENT)
    return None


class GitIgnore:
    """One ``.gitignore`` file, with git's semantics (``lambdalint.gitignore``): globs,
    ``dir/`` patterns, anchors, ``**`` and ``!`` negation, relative to the file's folder."""

    def __init__(self, base: Path, text: str) -> None:
        self.prefix = os.path.join(base, "")
        self.rules = gitignore.compiled(text)

    @classmethod
    def read(cls, directory: Path) -> GitIgnore | None:
        path = directory / ".gitignore"
        looked_at(path)
        if not regular_file(path):
            return None
        try:
            return cls(directory, path.read_text(encoding="utf-8", errors="replace"))
        except OSError:
            return None

    def verdict(self, path: str, is_dir: bool) -> bool | None:
        """Whether the last pattern matching path (absolute, below the file's folder)
        ignores it (True) or re-includes it (False); None when no pattern matches."""
        return self.rules.verdict(path[len(self.prefix) :], is_dir)


def ignored(ignores: list[GitIgnore], path: str, is_dir: bool) -> bool:
    """Git's precedence: the innermost .gitignore (first in ignores) with a matching pattern
    decides."""
    for ignore in ignores:
        verdict = ignore.verdict(path, is_dir)
        if verdict is not None:
            return verdict
    return False


class Globs:
    """Config globs (``exclude``, ``per-file-ignores``) as docs/configuration.md describes
    them: fnmatch syntax (``*`` also crosses ``/``), matched against a path's name and its
    path relative to the project root, a glob naming a folder matching everything under it;
    compiled once into one expression for names and one for relative paths."""

    def __init__(self, globs: Iterable[str]) -> None:
        cleaned = [glob.rstrip("/") for glob in globs]
        self.name = _any_of(fnmatch.translate(glob) for glob in cleaned)
        self.relative = _any_of(
            part
            for glob in cleaned
            for part in (
                fnmatch.translate(glob),
                fnmatch.translate(glob + "/*"),
                re.escape(glob + "/"),
            )
        )

    def matches(self, name: str, relative: str) -> bool:
        return bool(self.name.match(name) or self.relative.match(relative))


def _any_of(expressions: Iterable[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{expression})" for expression in expressions) or "(?!)")


@functools.lru_cache(maxsize=256)
def compiled_globs(globs: tuple[str, ...]) -> Globs:
    return Globs(globs)


def matches_any(path: Path, root: Path, globs: Iterable[str]) -> bool:
    """Glob match as users write them in config: against the name or the root-relative path."""
    try:
        relative = path.resolve().relative_to(root).as_posix()
    except ValueError:
        relative = path.as_posix()
    return compiled_globs(tuple(globs)).matches(path.name, relative)


@dataclass
class Tree:
    """What one walk of a folder found, each path spelled under the folder's absolute path."""

    top: Path
    files: list[tuple[Path, Path]] = field(default_factory=list)  # and each one's real path
    entered: set[str] = field(default_factory=set)  # folders, by name: the walk makes no Path
    # what the walk passed over, and whether the note is about a file of the walk's suffixes
    skipped: list[tuple[Skipped, bool]] = field(default_factory=list)
    # links not followed because their target is walked anyway: (link, target)
    inward_links: list[tuple[Path, Path]] = field(default_factory=list)
    stats: dict[Path, tuple[int, int]] = field(default_factory=dict)  # each file's size, mtime
    # each folder the walk listed: the names that can change what it finds (None: unreadable)
    listings: dict[str, tuple[str, ...] | None] = field(default_factory=dict)

    def covers(self, folder: Path) -> bool:
        """Whether the files under folder (absolute) are those a walk of folder alone finds:
        the walk entered it, and no link below it leads elsewhere in the tree."""
        return str(folder) in self.entered and not any(
            within(link, folder) and not within(target, folder)
            for link, target in self.inward_links
        )

    def within(
        self, folder: Path, spelled: Path, suffixes: tuple[str, ...]
    ) -> tuple[list[tuple[Path, Path]], list[Skipped]]:
        """The files with one of the suffixes under folder (absolute), and what the walk
        passed over there, spelled under ``spelled`` (folder as the user wrote it)."""
        start = len(os.path.join(folder, ""))

        def respelled(path: Path) -> Path:
            return spelled / str(path)[start:] if path != folder else spelled

        files = [
            (respelled(path), real)
            for path, real in self.files
            if path.name.endswith(suffixes) and within(path, folder)
        ]
        skipped = [
            Skipped(respelled(note.path), note.reason)
            for note, about_file in self.skipped
            if within(note.path, folder) and (not about_file or note.path.name.endswith(suffixes))
        ]
        return files, skipped


def relevant_names(names: Iterable[str]) -> tuple[str, ...]:
    """A folder's entries less the tool folders a walk never enters (the cache's own
    among them): what its listing must keep for a walk to find the same files."""
    return tuple(sorted(name for name in names if name not in SKIPPED_DIRS))


def listing(folder: str) -> tuple[str, ...] | None:
    """``relevant_names`` of folder as it is now; None when it cannot be listed."""
    try:
        return relevant_names(os.listdir(folder))
    except (OSError, ValueError):
        return None


def within(path: Path, folder: Path) -> bool:
    """Whether path is folder or lies below it (both absolute, spelled alike); no I/O."""
    text, prefix = str(path), str(folder)
    return text == prefix or text.startswith(os.path.join(prefix, ""))


def walk(
    top: Path, suffixes: tuple[str, ...], excluded: Iterable[str] = (), root: Path | None = None
) -> Tree:
    """The files with one of the suffixes under the folder top, skipping ignored and tool
    folders and what ``excluded`` (globs relative to root, by default top) names; what cannot
    be walked or read is noted in the tree's ``skipped``."""
    start = Path(os.path.abspath(top))
    tree = Tree(start)
    enclosing = _enclosing_gitignores(start)
    if _in_ignored_folder(enclosing, start):
        return tree
    _Walk(tree, top, suffixes, tuple(excluded), (root or top).resolve()).directory(
        str(start), enclosing, linked=str(start) != os.path.realpath(start)
    )
    return tree


def _in_ignored_folder(enclosing: list[GitIgnore], start: Path) -> bool:
    """Whether start or a folder above it is ignored by a .gitignore above start: git
    ignores everything inside such a folder (the walk never enters one it finds itself)."""
    folders = [start, *start.parents]
    for ignore in enclosing:
        base = Path(ignore.prefix)
        for folder in folders[: folders.index(base)] if base in folders else []:
            if ignored([ignore], str(folder), True):
                return True
    return False


def _enclosing_gitignores(directory: Path) -> list[GitIgnore]:
    """The .gitignore files above directory up to its git repository's root, innermost first."""
    found: list[GitIgnore] = []
    for ancestor in directory.parents:
        ignore = GitIgnore.read(ancestor)
        if ignore is not None:
            found.append(ignore)
        if exists(ancestor / ".git"):
            return found
    return []  # not in a repository: git would not apply those files either


class _Walk:
    def __init__(
        self,
        tree: Tree,
        given: Path,
        suffixes: tuple[str, ...],
        excluded: tuple[str, ...],
        root: Path,
    ) -> None:
        self.tree = tree
        self.given = given
        self.top = str(tree.top)
        self.real_top = tree.top.resolve()
        self.suffixes = suffixes
        self.excluded = excluded
        self.globs = compiled_globs(excluded)
        self.root = root
        self.root_prefix = os.path.join(root, "")

    def directory(self, directory: str, ignores: list[GitIgnore], linked: bool) -> None:
        """Walk one folder (its name: a Path per folder costs more than the rest of the
        walk's work on it); ``linked`` when its path goes through a symlink."""
        try:
            entries = sorted(os.scandir(directory), key=lambda entry: entry.name)
        except OSError as error:
            note = Skipped(Path(directory), f"cannot read folder: {error.strerror}; skipped")
            self.tree.skipped.append((note, False))
            self.tree.listings[directory] = None
            return
        names = {entry.name for entry in entries}
        self.tree.listings[directory] = relevant_names(entry.name for entry in entries)
        if "pyvenv.cfg" in names and directory != self.top:
            return  # a virtualenv, whatever its name
        own = GitIgnore.read(Path(directory)) if ".gitignore" in names else None
        ignores = [own, *ignores] if own else ignores
        self.tree.entered.add(directory)
        for entry in entries:
            name, text = entry.name, entry.path
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir and (name in SKIPPED_DIRS or name.endswith(".egg-info")):
                continue
            is_link = entry.is_symlink()
            wanted = name.endswith(self.suffixes)
            if not is_dir and not wanted and not is_link:
                continue
            if ignored(ignores, text, is_dir):
                continue
            if self.excluded and self._excluded(text, name, linked or is_link):
                continue
            if is_dir and not is_link:
                self.directory(text, ignores, linked)
                continue
            path = Path(text)
            if is_link:
                reason = unreadable_reason(path)
                if reason is not None and not is_dir:
                    if wanted or "loop" in reason:
                        self.tree.skipped.append((Skipped(path, reason), "loop" not in reason))
                    continue
                target = self._inward_target(path)
                if target is not None:
                    self.tree.inward_links.append((path, target))
                    continue  # reached under its real path
            if is_dir:
                self.directory(text, ignores, True)
            elif wanted:
                status, reason = _status(path)
                if status is None:
                    self.tree.skipped.append((Skipped(path, reason or "skipped"), True))
                else:
                    real = Path(os.path.realpath(path)) if linked or is_link else path
                    self.tree.files.append((path, real))
                    self.tree.stats[path] = (status.st_size, status.st_mtime_ns)

    def _excluded(self, text: str, name: str, through_link: bool) -> bool:
        if not through_link and text.startswith(self.root_prefix):
            return self.globs.matches(name, text[len(self.root_prefix) :])
        # outside the root or through a link: the path as the user spelled it, resolved
        spelled = self.given / os.path.relpath(text, self.tree.top)
        return matches_any(spelled, self.root, self.excluded)

    def _inward_target(self, link: Path) -> Path | None:
        """A link's target when it lies in the walked tree (a loop, or a second path to a
        file), else None."""
        try:
            target = Path(os.path.realpath(link))
        except (OSError, ValueError):
            return None
        return target if target == self.real_top or self.real_top in target.parents else None
