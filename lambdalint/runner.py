"""A whole run: paths -> files -> their project's config and deployment templates ->
handler map -> per-file tasks (and one per template's inline code)."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from lambdalint import __version__
from lambdalint.baseline import Baseline, load_baseline
from lambdalint.cache import CACHE_DIR_NAME, Lookup, ProjectCache, code_identity, fingerprint
from lambdalint.config import Config, HandlerSpec, default_config, load_config, project_marker
from lambdalint.diagnostics import REACHED_FROM, SAFE, Diagnostic, spelled
from lambdalint.discovery import declared_handlers, discover, inline_placement
from lambdalint.discovery.declarations import project_tree
from lambdalint.discovery.model import Discovery
from lambdalint.engine import Embedding, FileResult, FileTask, check_file, crashed_fixing
from lambdalint.files import (
    Reads,
    Skipped,
    Tree,
    matches_any,
    recorded_reads,
    regular_file,
    too_large,
    unreadable_reason,
    walk,
    within,
)
from lambdalint.fixing import Fixed, fix_file, write
from lambdalint.handlers import HandlerMap, HandlerTarget, build_map
from lambdalint.heap import settle
from lambdalint.memo import Listing, recall, remember
from lambdalint.output import display_path
from lambdalint.paths import exists, is_dir, recorded_lookups
from lambdalint.pool import Batch, Workers
from lambdalint.registry import all_checks, all_codes
from lambdalint.suppression import (
    DECLARATION_NOQA,
    UnknownCodeError,
    enabled_codes,
    noqa_suppresses,
    validate_prefixes,
)

if TYPE_CHECKING:
    from concurrent.futures import Future

    from lambdalint.check import Check


class UsageError(Exception):
    """Bad command line: exit 2 with one clear line."""


@dataclass
class Options:
    paths: Sequence[str] = (".",)
    config: Path | None = None
    handlers: Sequence[str] = ()
    handlers_flag: str = "--handler"  # named when one of `handlers` does not resolve
    select: Sequence[str] | None = None
    extend_select: Sequence[str] = ()
    ignore: Sequence[str] = ()
    stdin: bytes | None = None
    stdin_filename: str | None = None
    baseline: Path | None = None  # replaces each project's 'baseline'
    apply_baselines: bool = True  # off while --write-baseline records every finding
    jobs: int = 1  # processes for per-file work; 1 keeps it in this process
    cache: bool = False  # read and write each project's persistent cache (lambdalint.cache)
    cache_dir: Path | None = None  # replaces each project's 'cache-dir'
    fix: bool = False  # apply the findings' safe fixes (lambdalint.fixing)
    unsafe_fixes: bool = False  # and their unsafe ones (with fix), or count them as available
    write_fixes: bool = True  # False: --diff, which shows what fix would write


@dataclass
class Project:
    config: Config
    handler_map: HandlerMap
    enabled: frozenset[str]
    baseline: Baseline | None
    fixable: frozenset[str] = frozenset()  # the codes whose fixes --fix applies
    discovery: Discovery = field(default_factory=Discovery)
    findings: list[Diagnostic] | None = None  # its declarations' own, once computed
    cache: ProjectCache | None = None
    discovery_key: str = ""  # what its discovery depends on, for the cache


@dataclass
class Result:
    diagnostics: list[Diagnostic]
    skipped: list[Skipped] = field(default_factory=list)  # what the walk could not read


@dataclass
class _Outcome:
    """What a run leaves for its caller, as ``lambdalint.memo`` remembers it."""

    result: Result
    checked: dict[Path, int]
    warnings: list[str]


class Run:
    def __init__(self, options: Options) -> None:
        self.options = options
        self.known = all_codes()
        for flag, prefixes in (
            ("--select", options.select or ()),
            ("--extend-select", options.extend_select),
            ("--ignore", options.ignore),
        ):
            try:
                validate_prefixes(prefixes, self.known, flag)
            except UnknownCodeError as error:
                raise UsageError(str(error)) from None
        # keyed by the project's pyproject.toml, or its root folder when it has none
        self.projects: dict[Path, Project] = {}
        self._root_of_dir: dict[str, tuple[Path, Path | None]] = {}  # root, its pyproject
        self._marks: dict[Path, tuple[Path | None, Path | None]] = {}  # project_root's, by folder
        stdin_path = Path(options.stdin_filename or "stdin.py")
        self.scope = [
            Path(os.path.abspath(stdin_path if raw == "-" else raw)) for raw in options.paths
        ]
        self.skipped: list[Skipped] = []
        self.warnings: list[str] = []  # for stderr: a run that checks for nothing, say
        self._declaration_lines: dict[Path, list[str]] = {}
        self._discoveries: dict[_DiscoveryKey, Discovery] = {}
        self._discovery_keys: dict[_DiscoveryKey, str] = {}
        self._pending: dict[_DiscoveryKey, Future[Discovered]] = {}  # in a worker process
        self._configs: dict[Path, Config] = {}  # by pyproject.toml, or root when it has none
        self.workers = Workers(options.jobs) if options.jobs > 1 else None
        self._caches: dict[tuple[Path, Path], ProjectCache] = {}  # by folder and project root
        self._trees: dict[tuple[Path, tuple[str, ...]], Tree] = {}  # by root and exclusions
        self._explicit_config = load_config(options.config) if options.config else None
        self._baselines: dict[Path, Baseline] = {}
        self._real_paths: dict[Path, Path] = {}  # each of files() with its real path
        # what the run's result depends on, for its memo: every tree walked, every file that
        # discovery read, every module a handler's reach looked for
        self._walked: list[Tree] = []
        self._discovery_reads: list[Reads] = []
        self._module_reads: set[Path] = set()
        self.recalled = False  # the whole result came from the memo
        self.fixed: list[Fixed] = []  # each file --fix changed (or --diff would)
        # each file checked so far and the handlers checked in it: the run's progress and summary
        self.checked: dict[Path, int] = {}
        # what came from the cache (True) or was read or checked afresh, for --verbose
        self.cache_events: list[tuple[str, Path, bool]] = []

    def cache_notes(self) -> list[str]:
        """What --verbose says: whether each discovery and each file came from the cache."""
        if self.recalled:
            return ["nothing the run depends on has changed: the whole run from the cache"]
        return [
            f"discovery of {display_path(path)} "
            f"{'from the cache' if cached else 'read from the templates'}"
            if kind == "discovery"
            else f"{display_path(path)} {'from the cache' if cached else 'checked'}"
            for kind, path, cached in self.cache_events
        ]

    def project_for(self, path: Path) -> Project:
        """The project that owns path: --config's, else the nearest folder above it with a
        [tool.lambdalint] pyproject.toml or .git, else the checked directory that holds it
        (or its own folder); never the current directory, so results do not depend on it."""
        root, config_path = self._located(path)
        key = config_path or root
        if key not in self.projects:
            self.projects[key] = self._project(config_path, root)
            settle()
        return self.projects[key]

    def _located(self, path: Path) -> tuple[Path, Path | None]:
        """The root and pyproject.toml (if any) of the project that owns path."""
        if self._explicit_config is not None:
            return self._explicit_config.root, self._explicit_config.path
        # by the folder's name: this runs for every file, and a Path costs more than a str
        folder = os.path.dirname(os.path.abspath(path))
        found = self._root_of_dir.get(folder)
        if found is None:
            directory = Path(folder)
            found_root, found_config = self._marked_root(directory)
            found = (found_root or self._argument_root(directory), found_config)
            self._root_of_dir[folder] = found
        return found

    def _config(self, config_path: Path | None, root: Path) -> Config:
        key = config_path or root
        if key not in self._configs:
            if self._explicit_config is not None:
                self._configs[key] = self._explicit_config
            elif config_path is not None:
                self._configs[key] = load_config(config_path)
            else:
                self._configs[key] = default_config(root)
        return self._configs[key]

    def _marked_root(self, directory: Path) -> tuple[Path | None, Path | None]:
        """config.project_root, each folder on the way up looked at once per run."""
        if directory not in self._marks:
            marked: tuple[Path | None, Path | None] | None = project_marker(directory)
            if marked is None and directory.parent != directory:
                marked = self._marked_root(directory.parent)
            self._marks[directory] = marked or (None, None)
        return self._marks[directory]

    def _argument_root(self, directory: Path) -> Path:
        """An unmarked project's root: the checked directory that holds directory, else
        directory itself."""
        for argument in self.scope:
            if within(directory, argument) and argument.is_dir():
                return argument
        return directory

    def in_scope(self, path: Path) -> bool:
        """Whether path is one of the checked paths or lies under one of them."""
        resolved = Path(os.path.abspath(path))
        return any(within(resolved, argument) for argument in self.scope)

    def _project(self, config_path: Path | None, root: Path) -> Project:
        config = self._config(config_path, root)
        # --handler is resolved against the pyproject.toml's folder, else the current directory
        handler_root = config.root if config.path else Path.cwd().resolve()
        cli_specs = [HandlerSpec(handler, handler_root) for handler in self.options.handlers]
        cache = self._cache(config)
        discovery, discovery_key = self._discovery(config, cache)
        specs = declared_handlers(config, discovery.functions, cli_specs)
        handler_map = build_map(specs, config.root)
        for unresolved in handler_map.unresolved:
            if unresolved.spec.declared_in is None:
                reason = spelled(unresolved.reason, unresolved.related, display_path)
                raise UsageError(f"{self.options.handlers_flag}: {reason}")
        select = self.options.select if self.options.select is not None else config.select
        enabled = enabled_codes(
            self.known,
            select,
            [*config.extend_select, *self.options.extend_select],
            [*config.ignore, *self.options.ignore],
        )
        if not enabled:
            source = "--select" if self.options.select is not None else config.where("select")
            self.warnings.append(f"{source}: no rule is selected, so nothing is checked")
        fixable = enabled_codes(self.known, config.fixable, [], config.unfixable)
        return Project(
            config,
            handler_map,
            enabled,
            self._baseline(config),
            fixable,
            discovery,
            None,
            cache,
            discovery_key,
        )

    def _cache(self, config: Config) -> ProjectCache | None:
        if not self.options.cache:
            return None
        folder = self._cache_folder(config)
        if (folder, config.root) not in self._caches:  # loaded once per run
            self._caches[folder, config.root] = ProjectCache(folder, config.root)
        return self._caches[folder, config.root]

    def _cache_folder(self, config: Config) -> Path:
        return self.options.cache_dir or config.cache_dir or config.root / CACHE_DIR_NAME

    def _discovery(
        self, config: Config, cache: ProjectCache | None, in_worker: bool = False
    ) -> tuple[Discovery, str]:
        """The functions the project's deployment templates declare, read once per run from
        the walk of its root that checking then filters (``files``), or from the cache when
        the walk lists the same files and none that discovery read has changed; with the
        digest of what it depends on. ``in_worker`` hands the reading to a worker process
        (``_prefetch``), with the walk, whose result a later call takes."""
        excluded = (*config.exclude, *config.extend_exclude)
        key = (config.root, config.discover, excluded)
        if key in self._discoveries:
            return self._discoveries[key], self._discovery_keys[key]
        if not config.discover:  # nothing to read: no walk
            self._discoveries[key], self._discovery_keys[key] = Discovery(), ""
            return self._discoveries[key], ""
        tree = self._trees.get((config.root, excluded))
        if tree is None:
            tree = self._trees[config.root, excluded] = project_tree(config.root, excluded)
            self._walked.append(tree)
        listing = ""
        if cache is not None:
            listing = fingerprint((*key, config.max_file_size), [path for path, _ in tree.files])
            cached = cache.cached_discovery(listing, tree.stats)
            if cached is not None or not in_worker:
                self.cache_events.append(("discovery", config.root, cached is not None))
            if cached is not None and cache.discovery is not None:
                self._discovery_reads.append(cache.discovery.reads)
                self._discoveries[key], self._discovery_keys[key] = cached, listing
                return cached, listing
        arguments = (config.root, config.discover, excluded, config.max_file_size)
        if in_worker and self.workers is not None:
            self._pending[key] = self.workers.submit(discover_recorded, *arguments, tree)
            return Discovery(), ""
        pending = self._pending.pop(key, None)
        discovered = _result(pending, self.workers) if pending is not None else None
        if discovered is None:  # no worker had it, or its worker died: read here
            discovered = discover_recorded(*arguments, tree)
        found, reads, recorded_at = discovered
        self._discovery_reads.append(reads)
        if cache is not None:
            cache.store_discovery(listing, reads, recorded_at, found)
        self._discoveries[key], self._discovery_keys[key] = found, listing
        return found, listing

    def _prefetch(self) -> None:
        """With --jobs and several projects among the checked folders, their discoveries are
        read in worker processes while this process lists their files, and hands each
        project's files to the workers as soon as its discovery is in: projects share no
        declaration, and a monorepo's or a CI job's folders would otherwise wait in line. A
        single project is read here, where waiting for the pool to start would only delay it."""
        if self.workers is None:
            return
        located = dict.fromkeys(
            self._located(Path(raw) / "__init__.py")
            for raw in self.options.paths
            if raw != "-" and os.path.isdir(raw)
        )
        if len(located) < 2:
            return
        configs = [self._config(config_path, root) for root, config_path in located]
        self.workers.preload(
            f"lambdalint.discovery.{source}" for config in configs for source in config.discover
        )
        for config in configs:
            self._discovery(config, self._cache(config), in_worker=True)

    def _baseline(self, config: Config) -> Baseline | None:
        # loaded up front, so a broken baseline is an error even on a clean run
        path = self.options.baseline or config.baseline
        if path is None or not self.options.apply_baselines:
            return None
        key = path.resolve()
        if key not in self._baselines:
            self._baselines[key] = load_baseline(path)
        return self._baselines[key]

    def files(self) -> list[Path]:
        """The Python files the checked paths name: a folder inside a project whose root
        was walked (for discovery) is taken from that walk, any other folder walked."""
        return list(self._files())

    def _files(self) -> Iterator[Path]:
        """``files()``, path by path: what the first paths list can be checked while a later
        path's project is read."""
        for raw in self.options.paths:
            if raw != "-" and not exists(Path(raw)):  # or a name the OS refuses
                raise UsageError(f"{raw}: no such file or directory")
        seen: set[Path] = set()  # real paths: one path per file, however many paths reach it
        for raw in self.options.paths:
            if raw == "-":
                continue
            path = Path(raw)
            found = [(path, Path(os.path.realpath(path)))] if path.is_file() else self._within(path)
            for file, real in found:
                if real not in seen:
                    seen.add(real)
                    self._real_paths[file] = real
                    yield file

    def _within(self, path: Path) -> list[tuple[Path, Path]]:
        """The Python files under a checked folder, with their real paths."""
        project = self.project_for(path / "__init__.py")
        if not path.is_dir():  # a FIFO, socket or device: noted, never read
            reason = unreadable_reason(path)
            if reason is not None:
                self.skipped.append(Skipped(path, reason))
            return []
        excluded = (*project.config.exclude, *project.config.extend_exclude)
        folder = Path(os.path.abspath(path))
        tree = self._trees.get((project.config.root, excluded))
        if tree is None or not tree.covers(folder):
            tree = walk(path, (".py",), excluded, project.config.root)
            self._walked.append(tree)
        files, skipped = tree.within(folder, path, (".py",))
        self.skipped.extend(skipped)
        return files

    def task(self, path: Path) -> FileTask:
        project = self.project_for(path)
        targets = project.handler_map.targets(path, self._real_paths.get(path))
        return FileTask(
            path,
            targets,
            self._enabled_for(path),
            tuple(project.config.extra_client_factories),
            code_roots=code_roots(path, targets, project.config.root),
        )

    def too_large(self, path: Path) -> bool:
        """Whether a file is above its project's max-file-size: then it is passed over, with a
        note, unless a declaration names it."""
        limit = self.project_for(path).config.max_file_size
        try:
            size = os.stat(path).st_size
        except OSError:
            return False  # check_file says why it cannot be read
        if size <= limit:
            return False
        self.skipped.append(Skipped(path, too_large(size, limit)))
        return True

    def _enabled_for(self, path: Path) -> frozenset[str]:
        """The project's enabled codes less the file's per-file-ignores."""
        project = self.project_for(path)
        enabled = project.enabled
        for glob, codes in project.config.per_file_ignores.items():
            if matches_any(path, project.config.root, [glob]):
                enabled = frozenset(
                    code for code in enabled if not any(code.startswith(prefix) for prefix in codes)
                )
        return enabled

    def execute(self) -> Result:
        started_at = time.time_ns()
        try:
            with recorded_lookups() as looked:
                memo = self._memo()
                if memo is not None:
                    recalled = recall(*memo)
                    if isinstance(recalled, _Outcome):
                        self.recalled = True
                        self.checked.update(recalled.checked)
                        self.warnings.extend(recalled.warnings)
                        return recalled.result
                result = self._execute()
            if memo is not None:
                outcome = _Outcome(result, dict(self.checked), list(self.warnings))
                remember(*memo, *self._depended_on(looked), outcome, started_at)
            return result
        finally:
            if self.workers is not None:
                self.workers.close()

    def _memo(self) -> tuple[Path, str] | None:
        """Where a cached run remembers its whole outcome (``lambdalint.memo``): beside the
        cache of the first checked path's project, by command line, folder and code."""
        first = next((Path(raw) for raw in self.options.paths if raw != "-"), None)
        # a run that fixes files reports what it did to them; a missing path, files() names
        if (
            not self.options.cache
            or self.options.stdin is not None
            or self.options.fix
            or first is None
            or not exists(first)
        ):
            return None
        root, config_path = self._located(first / "__init__.py" if is_dir(first) else first)
        folder = self._cache_folder(self._config(config_path, root))
        key = fingerprint(code_identity(), os.getcwd(), replace(self.options, jobs=1))
        return folder / __version__ / f"run-{key[:16]}", key

    def _depended_on(self, looked: set[str]) -> tuple[dict[str, Listing], set[str]]:
        """The folders the run's walks listed, with what they listed, and every file the
        run read or looked at."""
        listings: dict[str, Listing] = {}
        files = set(looked)
        for tree in self._walked:
            listings.update(tree.listings)
            files.update(map(str, tree.stats))
        for reads in self._discovery_reads:
            files.update(map(str, reads))
        files.update(map(str, self._module_reads))
        files.update(str(config.path) for config in self._configs.values() if config.path)
        files.update(map(str, self._baselines))
        if self.options.config is not None:
            files.add(str(self.options.config))
        return listings, files

    def _execute(self) -> Result:
        self._prefetch()
        batch = Batch(self.workers)
        # each file goes to the batch as the walk lists it: with workers, one project's files
        # are checked while the next project's are listed and its discovery awaited
        files = [(task, self._looked_up(task, batch)) for task in self._tasks()]
        stdin = None
        if self.options.stdin is not None:
            stdin = self.task(Path(self.options.stdin_filename or "stdin.py")), self.options.stdin
        # inline code is checked with the files (in the pool, when there is one); after the
        # stdin task, whose project may declare some
        embedded = [
            (task, self._known_embedded(task, code, batch))
            for project in list(self.projects.values())
            for task, code in self._embedded(project)
        ]
        diagnostics: list[Diagnostic] = []
        for task, result in self._results(batch, files, embedded):
            diagnostics.extend(self._filed(task, self._fixed(task, result)))
        if stdin is not None:
            diagnostics.extend(self._filed(stdin[0], check_file(*stdin)))
        # a declaration outside the checked paths is the business of the run that checks it
        diagnostics.extend(
            item
            for project in list(self.projects.values())
            for item in self.project_findings(project)
            if self.in_scope(item.path)
        )
        diagnostics = self._not_in_baselines(_once_each(diagnostics))
        diagnostics.sort(key=Diagnostic.sort_key)
        for cache in self._caches.values():
            cache.save()
        return Result(diagnostics, list(dict.fromkeys(self.skipped)))

    def _tasks(self) -> Iterator[FileTask]:
        """Each file's task; a file above its project's max-file-size is passed over, unless
        a declaration names it."""
        for path in self._files():
            task = self.task(path)
            if task.targets is not None or not self.too_large(task.path):
                yield task

    def _looked_up(self, task: FileTask, batch: Batch) -> Lookup | None:
        """The file's lookup in its project's cache; a file without a cached result goes to
        the batch, with the bytes the lookup read."""
        cache = self.project_for(task.path).cache
        lookup = cache.lookup(task) if cache is not None else None
        if lookup is None or lookup.result is None:
            batch.add(task, lookup.source if lookup is not None else None)
        return lookup

    def _known_embedded(self, task: FileTask, code: bytes, batch: Batch) -> FileResult | None:
        """The cached result of an embedded module (inline code); one without goes to the batch."""
        cache = self.project_for(task.path).cache
        known = cache.embedded(task) if cache is not None else None
        if known is None:
            batch.add(task, code)
        return known

    def _results(
        self,
        batch: Batch,
        files: list[tuple[FileTask, Lookup | None]],
        embedded: list[tuple[FileTask, FileResult | None]],
    ) -> list[tuple[FileTask, FileResult]]:
        """Each file's result, then each embedded module's: from its project's cache when the
        file (or the code) and its task are unchanged, else as the batch checked it, and
        stored (only the per-file check may leave this process; what the run decides stays
        here)."""
        checked = iter(batch.results())
        results: list[tuple[FileTask, FileResult]] = []
        for task, lookup in files:
            cache = self.project_for(task.path).cache
            if lookup is not None and lookup.result is not None:
                results.append((task, lookup.result))
                continue
            result = next(checked)
            if lookup is not None and cache is not None:
                cache.store(lookup, result)
            results.append((task, result))
        for task, known in embedded:
            if known is None:
                known = next(checked)
                cache = self.project_for(task.path).cache
                if cache is not None:
                    cache.store_embedded(task, known)
            results.append((task, known))
        self.cache_events.extend(
            ("file", task.path, lookup.result is not None)
            for task, lookup in files
            if lookup is not None
        )
        self._module_reads.update(path for _, result in results for path, _ in result.reads)
        return results

    def _fixed(self, task: FileTask, result: FileResult) -> FileResult:
        """With --fix, the file's result after its wanted fixes, which are written unless
        this is --diff's run; without, the result."""
        if not self.options.fix or task.embedding is not None:
            return result
        fixed = fix_file(task, result, self.wants_fixed)
        if not isinstance(fixed, Fixed):
            return result if fixed is None else fixed
        if self.options.write_fixes:
            try:
                write(fixed)
            except OSError as error:
                reason = f"cannot write the fixed file: {error.strerror}"
                return crashed_fixing(task, result, reason)
        self.fixed.append(fixed)
        return fixed.result

    def wants_fixed(self, diagnostic: Diagnostic) -> bool:
        """Whether --fix applies the finding's fix: its code is fixable in its project, and the
        fix is safe, or --unsafe-fixes allows it."""
        fix = diagnostic.fix
        return (
            fix is not None
            and (fix.applicability == SAFE or self.options.unsafe_fixes)
            and diagnostic.code in self.project_for(diagnostic.path).fixable
        )

    def _filed(self, task: FileTask, result: FileResult) -> list[Diagnostic]:
        """A file's findings; those it causes at a declaration's line (a handler its module
        does not define) are subject to that file's noqa and per-file-ignores."""
        self.checked[task.path] = self.checked.get(task.path, 0) + result.handlers
        return self._completed(
            self.project_for(task.path),
            [
                *(item for item in result.diagnostics if self._wanted_where_reached(task, item)),
                *(
                    item
                    for item in missing_target_findings(task, result)
                    if not self._suppressed_in_declaration(item)
                ),
            ],
        )

    def _wanted_where_reached(self, task: FileTask, item: Diagnostic) -> bool:
        """A finding in another module the handlers reach is subject to that module's
        per-file-ignores, and not shown in a file the project excludes."""
        if item.path == task.path:
            return True
        config = self.project_for(task.path).config
        folders = [path for path in (item.path, *item.path.parents) if config.root in path.parents]
        excluded = (*config.exclude, *config.extend_exclude)
        return item.code in self._enabled_for(item.path) and not any(
            matches_any(path, config.root, excluded) for path in folders
        )

    def _completed(self, project: Project, diagnostics: list[Diagnostic]) -> list[Diagnostic]:
        """Findings with what the outputs need: the project's root, and for a finding at a
        declaring line (a template, pyproject.toml) the text of that line."""
        return [
            replace(
                item,
                root=project.config.root,
                source_line=(
                    self._declaration_line(item) if item.source_line is None else item.source_line
                ),
            )
            for item in diagnostics
        ]

    def project_findings(self, project: Project) -> list[Diagnostic]:
        """What a project's declarations themselves get wrong (LAM007 for a handler the
        runtime cannot load, LAM900 for a template that does not parse), wherever they are,
        less those their file's noqa comments or per-file-ignores silence."""
        if project.findings is None:
            project.findings = self._completed(
                project,
                [
                    item
                    for item in self._declaration_findings(project)
                    if not self._suppressed_in_declaration(item)
                ],
            )
        return project.findings

    def _declaration_findings(self, project: Project) -> list[Diagnostic]:
        """The project rules' findings, from the cache when the project's discovery came from
        it and its config and enabled codes are the same (no rule module is even imported)."""
        key = fingerprint(
            project.discovery_key,
            project.config,
            project.enabled,
            self.options.handlers,
            Path.cwd() if self.options.handlers and project.config.path is None else None,
        )
        cache = project.cache
        found = cache.project_findings(key) if cache is not None and project.discovery_key else None
        if found is None:
            found = [
                item
                for rule in project_rules()
                if rule.code in project.enabled
                for item in rule.check_project(project)
            ]
            if cache is not None and project.discovery_key:
                cache.store_project_findings(key, found)
        return found

    def _suppressed_in_declaration(self, diagnostic: Diagnostic) -> bool:
        """A finding in a declaring file (template, config, CDK app), under its
        per-file-ignores or behind a noqa comment on its line (#, or // in HCL)."""
        if diagnostic.code not in self._enabled_for(diagnostic.path):
            return True
        return noqa_suppresses(
            self._declaration_line(diagnostic), diagnostic.code, DECLARATION_NOQA
        )

    def _declaration_line(self, diagnostic: Diagnostic) -> str:
        """The text of the line a finding in a declaring file starts on, read once per file."""
        path = diagnostic.path.resolve()
        if path not in self._declaration_lines:
            try:
                text = (
                    path.read_text(encoding="utf-8-sig", errors="replace")
                    if regular_file(path)
                    else ""
                )
            except OSError:
                text = ""
            self._declaration_lines[path] = text.splitlines()
        lines = self._declaration_lines[path]
        return lines[diagnostic.line - 1] if 0 < diagnostic.line <= len(lines) else ""

    def _not_in_baselines(self, diagnostics: list[Diagnostic]) -> list[Diagnostic]:
        new: list[Diagnostic] = []
        by_baseline: dict[Baseline, list[Diagnostic]] = {}
        for item in diagnostics:
            baseline = self.project_for(item.path).baseline
            if baseline is None:
                new.append(item)
            else:
                by_baseline.setdefault(baseline, []).append(item)
        for baseline, items in by_baseline.items():
            new.extend(baseline.new_findings(items))
        return new

    def _embedded(self, project: Project) -> list[tuple[FileTask, bytes]]:
        """Each inline-code handler's module, as a file embedded in its template, with its code."""
        found = []
        for target in project.handler_map.inline:
            function = target.spec.deployment if target.spec is not None else None
            if (
                function is None
                or function.inline_code is None
                or not self.in_scope(function.declared_in)
            ):
                continue
            lines, indent = inline_placement(function)
            task = replace(
                self.task(function.declared_in),
                targets=(target,),
                embedding=Embedding(lines, indent),
            )
            found.append((task, function.inline_code.encode("utf-8")))
        return found


_DiscoveryKey = tuple[Path, tuple[str, ...], tuple[str, ...]]  # root, sources, exclusions
Discovered = tuple[Discovery, Reads, int]  # what discovery found and read, and from when


def discover_recorded(
    root: Path,
    sources: Sequence[str],
    excluded: Sequence[str],
    max_file_size: int,
    tree: Tree | None = None,
) -> Discovered:
    """A project's discovery with every file it read, for the cache (in a worker process
    too: ``recorded_at`` is the wall clock, which every process shares)."""
    recorded_at = time.time_ns()
    with recorded_reads() as reads:
        found = discover(root, sources, excluded, tree, max_file_size)
    return found, reads, recorded_at


def _result(pending: Future[Discovered], workers: Workers | None) -> Discovered | None:
    """A worker's discovery; None when it failed, for this process to read it again (and fail
    as a serial run does, or report it); a pool broken by a worker's death is replaced."""
    from concurrent.futures.process import BrokenProcessPool

    try:
        return pending.result()
    except BrokenProcessPool:
        if workers is not None:
            workers.close()
        return None
    except Exception:  # noqa: BLE001 - read again here, where a serial run's handling applies
        return None


def _once_each(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """One finding per place and problem: code several handlers reach in another module is
    reported once, saying how the first of them (its own file's handler, if any) reaches it."""
    kept: dict[tuple[object, ...], Diagnostic] = {}
    for item in sorted(diagnostics, key=lambda item: len(item.related)):
        message = item.message.partition(REACHED_FROM)[0]
        key = (item.path.resolve(), item.line, item.column, item.end_line, item.code, message)
        kept.setdefault(key, item)
    return list(kept.values())


def code_roots(
    path: Path, targets: tuple[HandlerTarget, ...] | None, project_root: Path
) -> tuple[Path, ...]:
    """Where the handlers' imports are found: each declaration's code root; for handlers found
    by naming convention, the file's folder (the usual package) and then the project's root."""
    declared = [target.spec.code_root for target in targets or () if target.spec is not None]
    if targets is None or not declared:
        declared = [Path(os.path.abspath(path)).parent, project_root]
    return tuple(dict.fromkeys(declared))


def project_rules() -> list[type[Check]]:
    """The rules about a project's declarations rather than a file's code: the registry's
    that define ``check_project``, then the template side of LAM900."""
    from lambdalint.check import Check
    from lambdalint.checks.unreadable_declaration import UnreadableDeclaration

    candidates: list[type[Check]] = [*all_checks(), UnreadableDeclaration]
    return [
        rule
        for rule in candidates
        if any(
            "check_project" in vars(klass)
            for klass in rule.__mro__
            if issubclass(klass, Check) and klass is not Check
        )
    ]


def missing_target_findings(task: FileTask, result: FileResult) -> list[Diagnostic]:
    """LAM007 at the declaration of each handler the checked file does not define, unless
    the file's own per-file-ignores turn it off."""
    from lambdalint.checks.handler_not_found import HandlerNotFound

    if HandlerNotFound.code not in task.enabled:
        return []
    return [HandlerNotFound.missing_target(missing) for missing in result.missing]


def lint(options: Options) -> Result:
    return Run(options).execute()
