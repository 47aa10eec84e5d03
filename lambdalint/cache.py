"""The persistent cache, ruff-style: what a run learnt about a project, kept for the next.

One file per project root under its cache folder (``.lambdalint_cache/<version>/`` by
default; ``cache-dir`` in the config, ``--cache-dir``; ``--no-cache`` reads and writes
nothing), rewritten atomically at the end of a run that changed it, so runs at the same time
each leave a whole file and the last one wins.

- A file's result is reused when its task (path, handlers with their deployments, enabled
  codes) and its content are unchanged, and so is every other module its handlers' reach
  looked for (``FileResult.reads``: a helper module, or the absence of one). Size and
  modification time say a content is unchanged without reading it, unless the file was
  written within ``RACY_NS`` before the entry was made (a second write in the same clock
  tick would not show); otherwise its SHA-256 decides.
- A project's discovery is reused when its tree lists the same files and every file
  discovery read is unchanged in the same sense; its declaration findings when, besides,
  the config and the enabled codes are the same.

Entries are pickles read back by an unpickler that builds only lambdalint's own classes
and paths: a truncated, corrupt or foreign file is ignored and rewritten, never trusted.
"""

from __future__ import annotations

import contextlib
import copyreg
import dataclasses
import enum
import functools
import hashlib
import io
import json
import os
import pickle
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path, PosixPath, PurePath, PurePosixPath, PureWindowsPath, WindowsPath
from typing import TYPE_CHECKING, Any

from lambdalint import __version__
from lambdalint.files import ABSENT, Reads, digest, read_bytes, regular_file, still_learnt

if TYPE_CHECKING:
    from lambdalint.diagnostics import Diagnostic
    from lambdalint.discovery.model import Discovery
    from lambdalint.engine import FileResult, FileTask

CACHE_DIR_NAME = ".lambdalint_cache"
MAGIC = b"lambdalint-cache 1\n"
RACY_NS = 1_000_000_000
ABANDONED_SECONDS = 3600
Stat = tuple[int, int]  # size, modification time (ns)


def fingerprint(*values: object) -> str:
    """A stable digest of values built from data classes, paths, collections and scalars:
    the same in every process (sets are sorted, never iterated in hash order)."""
    text = json.dumps([_canonical(value) for value in values], sort_keys=True)
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _canonical(value: object) -> object:
    # the commonest kinds first: a project's listing is thousands of paths
    if isinstance(value, enum.Enum):
        return _canonical(value.value)
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, PurePath):
        return str(value)
    if isinstance(value, (list, tuple)):
        return [_canonical(item) for item in value]
    if isinstance(value, (set, frozenset)):
        return sorted((_canonical(item) for item in value), key=repr)
    if isinstance(value, dict):
        return sorted(([_canonical(k), _canonical(v)] for k, v in value.items()), key=repr)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        kind = type(value)
        return [kind.__name__, *(_canonical(getattr(value, name)) for name in _fields(kind))]
    return repr(value)


@functools.cache
def _fields(kind: type) -> tuple[str, ...]:
    return tuple(field.name for field in dataclasses.fields(kind))


def file_stat(path: Path) -> Stat | None:
    try:
        status = os.stat(path)
    except (OSError, ValueError):
        return None
    return status.st_size, status.st_mtime_ns


@dataclass
class _FileEntry:
    task: str  # the task's fingerprint
    stat: Stat
    content: str  # SHA-256 of the bytes checked
    checked_at: int  # time.time_ns() just before they were read
    result: FileResult
    # each other module the result depends on: its stat when stored (None: absent), and the
    # time just before the check read them (checked_at moves on when the file's stat does)
    read_stats: tuple[Stat | None, ...] = ()
    reads_at: int = 0


@dataclass
class _DiscoveryEntry:
    key: str  # the project's discovery settings and tree listing
    reads: Reads  # every file discovery read: its stat and SHA-256
    recorded_at: int
    discovery: Discovery
    findings: dict[str, list[Diagnostic]] = field(default_factory=dict)  # by project key


@dataclass
class Lookup:
    """A file's cached result, or what checking and then storing it need: its bytes, read
    once, and the stat taken before reading them."""

    key: str
    task: str
    result: FileResult | None
    source: bytes | None = None
    stat: Stat | None = None
    read_at: int = 0


class ProjectCache:
    def __init__(self, folder: Path, root: Path) -> None:
        self.path = folder / __version__ / hashlib.sha256(str(root).encode()).hexdigest()[:16]
        self.files: dict[str, _FileEntry] = {}
        self.discovery: _DiscoveryEntry | None = None
        self.changed = False
        self._load()

    def _load(self) -> None:
        self.changed = True  # unless it proves whole and current
        stored = read_entry(self.path)
        if not isinstance(stored, tuple) or len(stored) != 3:
            return
        identity, files, discovery = stored
        if identity != code_identity() or not isinstance(files, dict):
            return
        self.files = {key: entry for key, entry in files.items() if isinstance(entry, _FileEntry)}
        self.discovery = discovery if isinstance(discovery, _DiscoveryEntry) else None
        self.changed = False

    def lookup(self, task: FileTask) -> Lookup:
        key, task_key = os.path.abspath(task.path), fingerprint(task)
        entry = self.files.get(key)
        if entry is not None and (entry.task != task_key or not _reads_unchanged(entry)):
            entry = None
        stat = file_stat(task.path)
        if entry is not None and _unchanged(entry.stat, stat, entry.checked_at):
            return Lookup(key, task_key, entry.result)
        read_at = time.time_ns()
        try:
            source = read_bytes(task.path) if stat is not None and regular_file(task.path) else None
        except OSError:
            source = None
        if source is None:
            return Lookup(key, task_key, None)  # checking reads it again, and says why not
        if entry is not None and stat is not None and entry.content == digest(source):
            self.files[key] = dataclasses.replace(entry, stat=stat, checked_at=read_at)
            self.changed = True
            return Lookup(key, task_key, entry.result)
        return Lookup(key, task_key, None, source, stat, read_at)

    def embedded(self, task: FileTask) -> FileResult | None:
        """The result of code embedded in a template (inline code), which its task holds."""
        entry = self.files.get(self._embedded_key(task))
        return entry.result if entry is not None else None

    def store_embedded(self, task: FileTask, result: FileResult) -> None:
        self.files[self._embedded_key(task)] = _FileEntry("", (0, 0), "", 0, result)
        self.changed = True

    @staticmethod
    def _embedded_key(task: FileTask) -> str:
        return f"{os.path.abspath(task.path)}#{fingerprint(task)}"

    def store(self, looked_up: Lookup, result: FileResult) -> None:
        if looked_up.source is None or looked_up.stat is None:
            return  # unreadable: nothing to compare a later run's bytes with
        self.files[looked_up.key] = _FileEntry(
            looked_up.task,
            looked_up.stat,
            digest(looked_up.source),
            looked_up.read_at,
            result,
            tuple(file_stat(path) for path, _ in result.reads),
            looked_up.read_at,
        )
        self.changed = True

    def cached_discovery(self, key: str, stats: dict[Path, Stat]) -> Discovery | None:
        """The discovery stored under key, when every file it read is unchanged; ``stats``
        are those the run's walk already took."""
        entry = self.discovery
        if entry is None or entry.key != key:
            return None
        if all(
            _holds(path, stat, learnt, entry.recorded_at, stats.get(path))
            for path, (stat, learnt) in entry.reads.items()
        ):
            return entry.discovery
        return None

    def store_discovery(self, key: str, reads: Reads, recorded_at: int, found: Discovery) -> None:
        self.discovery = _DiscoveryEntry(key, dict(reads), recorded_at, found)
        self.changed = True

    def project_findings(self, key: str) -> list[Diagnostic] | None:
        return self.discovery.findings.get(key) if self.discovery is not None else None

    def store_project_findings(self, key: str, findings: list[Diagnostic]) -> None:
        if self.discovery is not None:
            self.discovery.findings[key] = findings
            self.changed = True

    def save(self) -> None:
        """Write the cache when the run changed it."""
        if not self.changed:
            return
        write_entry(self.path, (code_identity(), self.files, self.discovery))


def read_entry(path: Path) -> object:
    """What ``write_entry`` stored at path, built by ``_Unpickler``; None when the file is
    absent, not a regular file, truncated, corrupt or foreign."""
    try:
        # a FIFO or device where the file belongs would block or never end: not read
        data = path.read_bytes() if regular_file(path) else None
    except OSError:
        return None
    if data is None:
        return None
    checksum, payload = data[len(MAGIC) : len(MAGIC) + 32], data[len(MAGIC) + 32 :]
    if not data.startswith(MAGIC) or hashlib.sha256(payload).digest() != checksum:
        return None
    try:
        return _Unpickler(io.BytesIO(payload)).load()
    except Exception:  # noqa: BLE001 - whatever the bytes are, they are not trusted
        return None


def write_entry(path: Path, value: object) -> None:
    """Store value at path atomically, so runs at the same time each leave a whole file; a
    folder that cannot be written costs the next run its speed, never this run's result."""
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = _PICKLED_AS
    pickler.dump(value)
    payload = buffer.getvalue()
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        _mark(folder.parent)
        _remove_abandoned(folder)
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".partial-")
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(MAGIC + hashlib.sha256(payload).digest() + payload)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError:
        return


def _reads_unchanged(entry: _FileEntry) -> bool:
    """Whether every other module the entry's result read still holds what it read (and
    every module it found absent still is)."""
    return len(entry.read_stats) == len(entry.result.reads) and all(
        _holds(path, stat, learnt, entry.reads_at)
        for (path, learnt), stat in zip(entry.result.reads, entry.read_stats)
    )


def _holds(
    path: Path, stat: Stat | None, learnt: str, recorded_at: int, now: Stat | None = None
) -> bool:
    """Whether path still teaches what a reader learnt from it (``files.learnt_from``, or
    ABSENT): by its stat when that is unchanged and old enough, else by its bytes."""
    now = now or file_stat(path)
    if learnt == ABSENT or now is None:
        return (learnt == ABSENT) == (now is None)
    if _unchanged(stat, now, recorded_at):
        return True
    try:
        return regular_file(path) and still_learnt(path.read_bytes(), learnt)
    except OSError:
        return False


def _unchanged(stored: Stat | None, now: Stat | None, recorded_at: int) -> bool:
    """Whether the stat alone shows the content unchanged: same size and time, and that time
    well before the entry was made."""
    return stored is not None and now == stored and stored[1] < recorded_at - RACY_NS


def _remove_abandoned(folder: Path) -> None:
    """Partial files an interrupted run left: a write takes milliseconds, so one an hour
    old will never be finished."""
    for partial in folder.glob(".partial-*"):
        with contextlib.suppress(OSError):
            if partial.stat().st_mtime < time.time() - ABANDONED_SECONDS:
                partial.unlink()


def _mark(folder: Path) -> None:
    """What ruff's cache folder holds besides entries: git ignores it, backups skip it."""
    ignore = folder / ".gitignore"
    if not ignore.exists():
        ignore.write_text("# Automatically created by lambdalint.\n*\n", encoding="utf-8")
    tag = folder / "CACHEDIR.TAG"
    if not tag.exists():
        tag.write_text(
            "Signature: 8a477f597d28d172789f06886806bc55\n"
            "# This file is a cache directory tag created by lambdalint.\n",
            encoding="utf-8",
        )


_ALLOWED_PATHS = {"PosixPath", "WindowsPath", "PurePosixPath", "PureWindowsPath"}


def _path_reduced(path: PurePath) -> tuple[type[PurePath], tuple[str]]:
    return type(path), (str(path),)


# Paths as one string each: pathlib pickles a path part by part, and parsing those parts
# again was most of a warm run's loading time.
_PICKLED_AS = copyreg.dispatch_table.copy()
_PICKLED_AS.update(
    dict.fromkeys((PurePosixPath, PureWindowsPath, PosixPath, WindowsPath), _path_reduced)
)


class _Unpickler(pickle.Unpickler):
    """Builds only lambdalint's own classes (already imported) and paths: a forged entry can
    hold wrong data, which is checked, but can never call anything."""

    def find_class(self, module: str, name: str) -> Any:
        if module == "pathlib" and name in _ALLOWED_PATHS:
            return getattr(sys.modules["pathlib"], name)
        owner = sys.modules.get(module) if module.startswith("lambdalint.") else None
        found = getattr(owner, name, None) if "." not in name else None
        if isinstance(found, type) and found.__module__ == module:
            return found
        raise pickle.UnpicklingError(f"{module}.{name} is not a lambdalint class")


_identity: list[str] = []


def code_identity() -> str:
    """lambdalint's version and its sources' sizes and times: an edited install (editable,
    or a development checkout) never reads results its older code made."""
    if not _identity:
        package = Path(__file__).parent
        stats = sorted(
            (str(path.relative_to(package)), *(file_stat(path) or (0, 0)))
            for path in package.rglob("*.py")
        )
        _identity.append(fingerprint(__version__, stats))
    return _identity[0]
