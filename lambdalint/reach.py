"""Reach across the code root: the functions of other modules that a handler's code calls.

From the functions a handler reaches in its own file, names bound by imports are followed
to top-level functions of modules under the code root, found as the runtime imports them
(``from x import f; f()``, ``import x; x.f()``, ``from pkg.mod import f``, ``from .x import
f`` in a package), and on from those functions, transitively; a function already reached
ends a cycle. Classes of the code root are followed where an instance is made: ``Service()``
reaches ``Service.__init__``, ``service = Service(); service.run()`` reaches ``run``, and a
reached method's ``self.helper()`` reaches ``helper`` (also from the ``__call__`` of a
handler that is an instance of the module's class). A name a package re-exports (``from
.store import Store`` in its ``__init__``) is followed to its definition, and so is a name
only the module's one star import can bind, when the other module's ``__all__`` (or, without
one, its public names) exports it. A name lambdalint cannot be sure of reaches nothing, so no
rule reports what it cannot see: a name bound twice or by one of several star imports, a
module outside the code root, one the runtime has already imported (``json``) or a package
installed into the code root (``pip install -t``), a module that does not parse, an
inherited method, an instance kept in a global.

Code roots: a declared handler's own; for a handler found by naming convention, its file's
folder, then the project's root (a project whose handlers import ``src.common`` from the
root). Every module is read and parsed once per process however many handlers reach it
(keyed by path and content; each worker of ``--jobs`` parses it once); nothing is imported
or executed. What the checked file's result depends on besides its own bytes is recorded
in ``Reach.reads`` for the cache.
"""

from __future__ import annotations

import os
from collections import OrderedDict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import libcst as cst

from lambdalint.analysis import FileContext, Function, spelled_name
from lambdalint.data.runtime_modules import BUILTIN_MODULES, PRELOADED_MODULES
from lambdalint.diagnostics import REACHED_FROM, Location, related
from lambdalint.files import ABSENT, SKIPPED_DIRS, digest
from lambdalint.handlers import module_file
from lambdalint.paths import is_file
from lambdalint.source import (
    LINE_BREAK,
    Undecodable,
    decode,
    libcst_module,
    nesting_rejected,
    too_deep,
)
from lambdalint.walk import walk

MAX_MODULE_BYTES = 1_000_000  # the default max-file-size: a bigger module is not followed
MAX_MODULES = 200  # other modules one file's handlers may reach
MAX_REEXPORTS = 8  # modules a name may be imported through before its definition
PARSED_MODULES_KEPT = 128  # parsed modules a process keeps for the next file
UNREAD = "unread"  # of one not read (too large, unreadable): any change to it counts


_Definition = TypeVar("_Definition", cst.FunctionDef, cst.ClassDef)


@dataclass
class Module:
    """A module the handlers reach into, and the functions of it they reach."""

    context: FileContext
    lines: list[str]
    reached: list[Function] = field(default_factory=list)


@dataclass(frozen=True)
class Step:
    """A call on the way to a reached function: ``caller``'s code spells ``name`` for it."""

    module: Module
    caller: Function
    name: str  # "process", or the chain "db.connect"


class Reach:
    """The code a file's handlers reach, by module, the checked file's module first."""

    def __init__(self, main: Module, code_roots: Sequence[Path]) -> None:
        self.main = main
        self.roots = [Path(os.path.realpath(root)) for root in code_roots if os.path.isdir(root)]
        self.modules: dict[Path, Module] = {Path(os.path.realpath(main.context.path)): main}
        self.reads: dict[Path, str] = {}  # every other module file looked for: its SHA-256
        self.came_from: dict[int, Step] = {}  # id of a reached function -> the call reaching it
        self._installed: dict[Path, frozenset[str]] = {}
        self._files: dict[tuple[Path | str, ...], Path | None] = {}  # by folder and module
        # each reached method: its module and class, for the methods it calls on self
        self._owners: dict[int, tuple[Module, cst.ClassDef]] = {}

    def follow(self) -> None:
        """Fill each module's ``reached``, from the handlers of the checked file."""
        context = self.main.context
        queue: list[tuple[Module, Function]] = []
        seen: set[int] = set()
        for handler in context.handlers:
            scope = handler.function or handler.lambda_
            if scope is not None and id(scope) not in seen:
                seen.add(id(scope))
                queue.append((self.main, scope))
            if handler.function is not None and handler.owner is not None:
                self._owners[id(handler.function)] = (self.main, handler.owner)  # self.helper()
        index = 0
        while index < len(queue):
            module, scope = queue[index]
            index += 1
            for name, target, function in self._callees(module, scope):
                if id(function) not in seen:
                    seen.add(id(function))
                    queue.append((target, function))
                    self.came_from[id(function)] = Step(module, scope, name)
        for module, function in queue:
            module.reached.append(function)

    def _callees(self, module: Module, scope: Function) -> Iterator[tuple[str, Module, Function]]:
        context = module.context
        for name, own in context.called_here(scope):
            yield name, module, own
        bindings = context.bindings(scope)
        names = sorted(bindings.referenced | bindings.dotted)
        for spelled in names:
            head, _, rest = spelled.partition(".")
            if head in context.functions and not rest:
                continue  # the module's own function, above
            found = self._imported(module, scope, spelled, FileContext.module_function)
            if found is not None:
                yield spelled, *found
        yield from self._constructed(module, scope)

    def _constructed(
        self, module: Module, scope: Function
    ) -> Iterator[tuple[str, Module, Function]]:
        """What instances of the code root's classes run: ``__init__`` of each class the
        scope's code instantiates (``Service(...)``), and the methods it calls on an instance
        it binds once (``service = Service(); service.run()``) or, in a reached method, on
        ``self``. Inherited methods, class attributes and instances kept elsewhere are not
        followed."""
        context = module.context
        bindings = context.bindings(scope)
        instances: dict[str, tuple[Module, cst.ClassDef]] = {}
        owner = self._owners.get(id(scope))
        if owner is not None and "self" in bindings.parameters:
            instances["self"] = owner
        for spelled in sorted(bindings.calls - {""}):
            found = self._class(module, scope, spelled)
            if found is None:
                continue
            constructor = found[0].context.method(found[1], "__init__")
            if constructor is not None:
                self._owners.setdefault(id(constructor), found)
                yield spelled, found[0], constructor
        for name in bindings.values:
            value = bindings.only_value(name)
            if isinstance(value, cst.Call):
                found = self._class(module, scope, spelled_name(value.func))
                if found is not None:
                    instances[name] = found
        for chain in sorted(bindings.dotted):
            name, _, method_name = chain.partition(".")
            if name not in instances or "." in method_name:
                continue
            target, owner_class = instances[name]
            method = target.context.method(owner_class, method_name)
            if method is not None:
                self._owners.setdefault(id(method), (target, owner_class))
                yield chain, target, method

    def _class(
        self, module: Module, scope: Function, spelled: str
    ) -> tuple[Module, cst.ClassDef] | None:
        """The top-level class of the code root that the scope's code spells, if sure."""
        if not spelled:
            return None
        context = module.context
        if "." not in spelled and not context.is_local(spelled, scope):
            own = context.module_class(spelled)
            if own is not None:
                return module, own
        return self._imported(module, scope, spelled, FileContext.module_class)

    # -- modules as the runtime finds them -----------------------------------------------

    def _imported(
        self,
        module: Module,
        scope: Function,
        spelled: str,
        lookup: Callable[[FileContext, str], _Definition | None],
    ) -> tuple[Module, _Definition] | None:
        """The definition of the code root that an imported name (``f``, ``db.connect``)
        refers to, as ``lookup`` finds it in its module; None when unsure."""
        head, _, rest = spelled.partition(".")
        context = module.context
        starred = None
        imported = context.imported(head, scope)
        if imported is None and not rest:  # perhaps bound by the module's star import
            imported = starred = context.star_imported(head, scope)
        if imported is None:
            return None
        dotted, level = imported
        found = self._definition(module, f"{dotted}.{rest}" if rest else dotted, level)
        if found is None or (starred and not found[0].context.exports(found[1])):
            return None
        return self._exported(*found, lookup)

    def _exported(
        self,
        module: Module,
        name: str,
        lookup: Callable[[FileContext, str], _Definition | None],
        hops: int = 0,
    ) -> tuple[Module, _Definition] | None:
        """What the module binds to name: its own definition, or the one it imports under
        that name (a package's ``__init__`` re-exporting ``from .models import Service``),
        followed through at most MAX_REEXPORTS modules."""
        context = module.context
        own = lookup(context, name)
        if own is not None:
            return module, own
        imported = context.imported(name, context.module) if hops < MAX_REEXPORTS else None
        found = self._definition(module, *imported) if imported is not None else None
        return self._exported(*found, lookup, hops + 1) if found is not None else None

    def _definition(self, importer: Module, dotted: str, level: int) -> tuple[Module, str] | None:
        """The module that ``dotted`` names a top-level definition of (relative to the
        importer's package when level > 0), and that definition's name; None when unsure."""
        *module_parts, name = dotted.split(".")
        if level:
            packages = Path(os.path.realpath(importer.context.path)).parents
            package = packages[level - 1] if level <= len(packages) else None
            if package is None or not any(root in package.parents for root in self.roots):
                return None  # a top-level module has no package to be relative to
            bases = [package]
        else:
            if not module_parts or module_parts[0] in BUILTIN_MODULES | PRELOADED_MODULES:
                return None
            bases = self.roots
        for base in bases:
            path = self._module_file(base, module_parts)
            if path is not None:
                module = self._module(path)
                return (module, name) if module else None
        return None

    def _module_file(self, base: Path, parts: list[str]) -> Path | None:
        key: tuple[Path | str, ...] = (base, *parts)
        if key not in self._files:
            self._files[key] = self._find_module_file(base, parts)
        return self._files[key]

    def _find_module_file(self, base: Path, parts: list[str]) -> Path | None:
        if parts:
            path = module_file(base, ".".join(parts))
        else:  # `from . import f`: the package itself
            init = base / "__init__.py"
            path = init.resolve() if is_file(init) else None
        if path is None:
            # a module created later changes what the handlers reach
            for candidate in _candidates(base, parts):
                self.reads.setdefault(candidate, ABSENT)
            return None
        return path if self._followed(path) else None

    def _followed(self, path: Path) -> bool:
        """A module of the project's own code under a code root, not an installed package."""
        for root in self.roots:
            if root in path.parents:
                parts = path.relative_to(root).parts
                top = parts[0][:-3] if len(parts) == 1 else parts[0]
                return not any(
                    part in SKIPPED_DIRS or part.endswith((".egg-info", ".dist-info"))
                    for part in parts[:-1]
                ) and top not in self._installed_packages(root)
        return False

    def _installed_packages(self, root: Path) -> frozenset[str]:
        """The top-level packages that ``pip install --target`` put into a code root."""
        if root not in self._installed:
            names: set[str] = set()
            try:
                for entry in os.scandir(root):
                    if entry.name.endswith(".dist-info") and entry.is_dir():
                        names.update(_recorded_packages(Path(entry.path) / "RECORD"))
            except OSError:
                pass
            self._installed[root] = frozenset(names)
        return self._installed[root]

    def _module(self, path: Path) -> Module | None:
        if path in self.modules:
            return self.modules[path]
        if len(self.modules) > MAX_MODULES:
            return None
        digest, loaded = _load(path, self.main.context.extra_client_factories)
        self.reads[path] = digest
        if loaded is None:
            return None
        context, lines = loaded
        self.modules[path] = Module(context, lines)
        return self.modules[path]

    # -- how a finding was reached -------------------------------------------------------

    def exits(self, module: Module) -> dict[tuple[int, str], tuple[FileContext, Function]]:
        """For each call of the module's code that first reaches a function of another
        module, keyed by the calling function and the name the call spells: that function
        and its module's context."""
        return {
            (id(step.caller), step.name): (other.context, function)
            for other in self.modules.values()
            if other is not module
            for function in other.reached
            if (step := self.came_from.get(id(function))) is not None and step.module is module
        }

    def entries(self, module: Module) -> dict[int, tuple[FileContext, Function, str]]:
        """For each function of the module first reached from another module's code: that
        module's context, the calling function, and the name the call spells."""
        return {
            id(function): (step.module.context, step.caller, step.name)
            for function in module.reached
            if (step := self.came_from.get(id(function))) is not None and step.module is not module
        }

    def path_to(self, function: Function) -> list[Step]:
        """The calls from a handler to the function, the handler's first."""
        steps: list[Step] = []
        step = self.came_from.get(id(function))
        while step is not None and len(steps) <= len(self.came_from):
            steps.append(step)
            step = self.came_from.get(id(step.caller))
        return steps[::-1]

    def described(
        self, function: Function, module: Module, first: int
    ) -> tuple[str, tuple[Location, ...]]:
        """``; reached from lambda_handler via {@first} process() -> ...`` and its places, for
        code reached through another module; nothing for the checked file's own."""
        steps = self.path_to(function)
        if module is self.main and all(step.module is self.main for step in steps):
            return "", ()
        places = tuple(_place(step) for step in steps)
        calls = " -> ".join(f"{related(first + i)} {step.name}()" for i, step in enumerate(steps))
        root = steps[0].caller if steps else function
        return f"{REACHED_FROM}{self._handler_name(root)} via {calls}", places

    def _handler_name(self, scope: Function) -> str:
        return next(
            (
                handler.name
                for handler in self.main.context.handlers
                if scope is handler.function or scope is handler.lambda_
            ),
            "the handler",
        )


def _place(step: Step) -> Location:
    context = step.module.context
    node = _reference(step.caller, step.name)
    if node is None:
        return Location(Path(os.path.abspath(context.path)), label=f"call of {step.name}")
    start = context.positions()[node].start
    return Location(
        Path(os.path.abspath(context.path)), start.line, start.column + 1, f"call of {step.name}"
    )


def _reference(caller: Function, spelled: str) -> cst.CSTNode | None:
    """The first node of caller's code that spells the name or attribute chain."""
    found: list[cst.CSTNode] = []
    labels: set[int] = set()

    def visit(node: cst.CSTNode) -> bool:
        if found:
            return False
        if isinstance(node, cst.Attribute):
            labels.add(id(node.attr))
            if spelled_name(node) == spelled:
                found.append(node)
        elif isinstance(node, cst.Arg) and node.keyword is not None:
            labels.add(id(node.keyword))
        elif isinstance(node, cst.Name) and node.value == spelled and id(node) not in labels:
            found.append(node)
        return True

    walk(caller, visit, live=True)
    return found[0] if found else None


def _recorded_packages(record: Path) -> set[str]:
    """The top-level names a wheel's RECORD installs (``requests/__init__.py`` -> requests)."""
    try:
        text = record.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return set()
    names = set()
    for line in text.splitlines():
        first = line.split(",", 1)[0].split("/", 1)[0]
        names.add(first[:-3] if first.endswith(".py") else first)
    return names


# -- the per-process parse cache ---------------------------------------------------------

_PARSED: OrderedDict[tuple[Path, str, tuple[str, ...]], tuple[FileContext, list[str]]] = (
    OrderedDict()
)


def _candidates(base: Path, parts: list[str]) -> list[Path]:
    if not parts:
        return [base / "__init__.py"]
    return [base.joinpath(*parts[:-1], parts[-1] + ".py"), base.joinpath(*parts, "__init__.py")]


def _load(
    path: Path, extra_factories: tuple[str, ...]
) -> tuple[str, tuple[FileContext, list[str]] | None]:
    """A module's SHA-256 (UNREAD when it is not read), and its shared analysis and lines,
    None when it cannot be read or parsed within the engine's budgets."""
    try:
        if os.path.getsize(path) > MAX_MODULE_BYTES:
            return UNREAD, None
        source = path.read_bytes()
    except OSError:
        return UNREAD, None
    content = digest(source)
    key = (path, content, extra_factories)
    cached = _PARSED.get(key)
    if cached is None:
        text = decode(source)
        if isinstance(text, Undecodable) or nesting_rejected(text) or too_deep(text):
            return content, None
        try:
            module = libcst_module(text)
            context = FileContext(module, path, extra_factories, text)
        except (cst.ParserSyntaxError, RecursionError, MemoryError):
            return content, None
        cached = (context, LINE_BREAK.split(text))
        _PARSED[key] = cached
        while len(_PARSED) > PARSED_MODULES_KEPT:
            _PARSED.popitem(last=False)
    _PARSED.move_to_end(key)
    return content, cached
