"""From declared handler strings to the files and functions the runtime would load.

Mirrors the Python runtime (awslambdaric's ``bootstrap._get_handler``):
``modname, fname = handler.rsplit(".", 1)``, a built-in first module name refused,
``importlib.import_module(modname.replace("/", "."))`` with the code root on sys.path
(a module the runtime has already imported wins over the project's file), then
``getattr(module, fname)``: one name, never a dotted path.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from lambdalint.config import HandlerSpec
from lambdalint.convention import is_test_file
from lambdalint.data.runtime_modules import (
    BUILTIN_MODULES,
    EXEC_WRAPPER_VARIABLE,
    GENERATED_HANDLER_MODULES,
    INLINE_MODULE,
    PRELOADED_MODULES,
    SCRIPT_HANDLER_SUFFIXES,
    SCRIPT_HANDLERS,
    WRAPPER_HANDLERS,
)
from lambdalint.diagnostics import Location, related
from lambdalint.paths import is_file


@dataclass(frozen=True)
class HandlerTarget:
    """A function name a file must define, and the declaration to blame if it does not."""

    function: str
    spec: HandlerSpec | None = None


@dataclass(frozen=True)
class Resolved:
    """The file the runtime loads for a handler (the template, for inline code) and the name."""

    path: Path
    function: str
    inline: bool = False


@dataclass(frozen=True)
class Unresolved:
    spec: HandlerSpec
    reason: str  # the LAM007 message; related() in it stands for related[0]
    summary: str  # a few words for `lambdalint handlers`: "module not found"
    # False when the handler is not a Python module of the source tree at all (a script, a
    # module a plugin generates): lambdalint does not check it, and it is not a finding
    reported: bool = True
    related: tuple[Location, ...] = ()


@dataclass
class HandlerMap:
    """Which files of a project hold which declared handlers."""

    root: Path  # the project's, resolved: its tests/ folders hold no handler by convention
    by_file: dict[Path, list[HandlerTarget]] = field(default_factory=dict)
    # handlers whose module is a template's inline code: checked as a virtual file each
    inline: list[HandlerTarget] = field(default_factory=list)
    unresolved: list[Unresolved] = field(default_factory=list)

    def targets(self, path: Path, resolved: Path | None = None) -> tuple[HandlerTarget, ...] | None:
        """The handlers of one file: only the declared ones in a file a declaration names;
        none in a test file; else None, "find them by naming convention". ``resolved``: the
        file's real path, when the caller knows it already."""
        resolved = resolved or path.resolve()
        declared = self.by_file.get(resolved)
        if declared is not None:
            return tuple(declared)
        try:
            relative = resolved.relative_to(self.root)
        except ValueError:
            relative = Path(path.name)
        return () if is_test_file(relative) else None


def module_file(code_root: Path, module: str) -> Path | None:
    """The file the runtime imports for module; a code root that is a file is a package
    holding just that file (Terraform's ``source_file``), so only its stem is a module."""
    parts = module.replace("/", ".").split(".")
    if not all(parts):
        return None
    if is_file(code_root):
        alone = code_root.suffix == ".py" and parts == [code_root.stem]
        return code_root.resolve() if alone else None
    base = code_root.joinpath(*parts)
    for candidate in (base.with_name(base.name + ".py"), base / "__init__.py"):
        if is_file(candidate):
            return candidate.resolve()
    return None


def resolve(spec: HandlerSpec) -> Resolved | Unresolved:
    """Where the runtime finds spec's handler, or why it cannot load it."""
    named = described(spec)
    if spec.deployment is not None and spec.handler in WRAPPER_HANDLERS:
        vendor, variable = WRAPPER_HANDLERS[spec.handler]
        return Unresolved(
            spec,
            f"{named} is the {vendor} wrapper, which loads the handler that"
            f" {variable} names, and this function does not set {variable};"
            " set it to module.function",
            f"{variable} not set",
        )
    script = _script_handler(spec)
    if script is not None:
        return script
    if "." not in spec.handler:
        return Unresolved(
            spec,
            f"{named} is not module.function; Lambda splits it at the last dot",
            "not module.function",
        )
    module, function = spec.handler.rsplit(".", 1)
    if spec.deployment is not None and spec.deployment.inline_code is not None:
        if module != INLINE_MODULE:
            return Unresolved(
                spec,
                f"{named}: inline code is deployed as module"
                f" '{INLINE_MODULE}', so the handler must be"
                f" {INLINE_MODULE}.{function}",
                f"inline code is module {INLINE_MODULE}",
            )
        return Resolved(spec.deployment.declared_in, function, inline=True)
    clash = _preloaded_clash(spec, module, named)
    if clash is not None:
        return clash
    path = module_file(spec.code_root, module)
    if path is None:
        return _generated_module(spec, module) or _module_not_found(spec, module, named)
    return Resolved(path, function)


def _script_handler(spec: HandlerSpec) -> Unresolved | None:
    """A deployed handler that names a script the function runs instead of a Python module
    (Lambda Web Adapter's ``run.sh``, a custom ``bootstrap``)."""
    if spec.deployment is None:
        return None
    handler = spec.handler
    if (
        handler in SCRIPT_HANDLERS
        or handler.endswith(SCRIPT_HANDLER_SUFFIXES)
        or is_file(spec.code_root / handler)
    ):
        return Unresolved(
            spec,
            f"handler '{handler}' is a script, not a Python module",
            f"handler {handler} is a script",
            reported=False,
        )
    return None


def _generated_module(spec: HandlerSpec, module: str) -> Unresolved | None:
    """A deployed handler whose module is not in the source tree by design: a plugin writes it
    at build time, or an exec wrapper starts something other than the runtime's loader."""
    deployment = spec.deployment
    if deployment is None:
        return None
    generator = GENERATED_HANDLER_MODULES.get(module.replace("/", ".").split(".")[0])
    if generator is not None:
        return Unresolved(
            spec,
            f"handler module '{module}' is generated by {generator}",
            f"generated by {generator}",
            reported=False,
        )
    if EXEC_WRAPPER_VARIABLE in deployment.environment:
        return Unresolved(
            spec,
            f"handler module '{module}' is not in the source tree and"
            f" {EXEC_WRAPPER_VARIABLE} wraps the runtime",
            f"{EXEC_WRAPPER_VARIABLE} set",
            reported=False,
        )
    return None


def described(spec: HandlerSpec) -> str:
    """``handler 'x.y'``, saying which wrapper variable named it when a wrapper layer did."""
    deployment = spec.deployment
    if (
        deployment is not None
        and deployment.handler in WRAPPER_HANDLERS
        and (deployment.handler != spec.handler)
    ):
        vendor, variable = WRAPPER_HANDLERS[deployment.handler]
        return f"handler '{spec.handler}' ({variable}, loaded by the {vendor} wrapper)"
    return f"handler '{spec.handler}'"


def _preloaded_clash(spec: HandlerSpec, module: str, named: str) -> Unresolved | None:
    top = module.replace("/", ".").split(".")[0]
    if module.split(".")[0] in BUILTIN_MODULES:
        return Unresolved(
            spec,
            f"{named}: '{top}' is a module built into Python, and the runtime"
            " refuses to load a handler from it (Runtime.BuiltInModuleConflict);"
            " rename the module",
            "built-in module name",
        )
    if top in BUILTIN_MODULES or top in PRELOADED_MODULES:
        return Unresolved(
            spec,
            f"{named}: the runtime has already imported Python's own '{top}'"
            f" when it loads the handler, so '{module}' is not the project's file"
            " (Runtime.HandlerNotFound or ImportModuleError); rename the module",
            f"shadowed by Python's {top}",
        )
    return None


def _module_not_found(spec: HandlerSpec, module: str, named: str) -> Unresolved:
    dotted = module.replace("/", ".")
    parts = dotted.split(".")
    if not all(parts):  # '../x', './x', 'a//b', '.x': no file path describes what happens
        return Unresolved(
            spec,
            f"{named}: the runtime imports module '{dotted}', which is relative or has an"
            " empty part, so the import fails; name the module by its path inside the code root",
            "not a module name",
        )
    for length in range(len(parts) - 1, 0, -1):
        prefix = module_file(spec.code_root, ".".join(parts[:length]))
        if prefix is not None and prefix.name != "__init__.py":
            attribute = ".".join(parts[length:])
            return Unresolved(
                spec,
                f"{named}: the runtime imports '{'.'.join(parts)}' as a module,"
                f" but {related()} is a module, not a package, and the"
                " runtime looks up one name on the module, never an attribute path"
                f" like {attribute}.{spec.handler.rsplit('.', 1)[1]};"
                " point the handler at a module-level function",
                "names a nested attribute",
                related=(Location(prefix, label="module"),),
            )
        if prefix is not None:
            break
    expected = module.replace(".", "/") + ".py"
    if is_file(spec.code_root):
        stem, function = spec.code_root.stem, spec.handler.rsplit(".", 1)[1]
        return Unresolved(
            spec,
            f"{named}: the package holds only {related()},"
            f" as module '{stem}', so the handler must be {stem}.{function}",
            "module not found",
            related=(_code_root(spec),),
        )
    return Unresolved(
        spec,
        f"{named}: module file {expected} not found under code root {related()}",
        "module not found",
        related=(_code_root(spec),),
    )


def _code_root(spec: HandlerSpec) -> Location:
    return Location(Path(os.path.abspath(spec.code_root)), label="code root")


def missing_function(
    target: HandlerTarget, module: Path, inline: bool
) -> tuple[str, tuple[Location, ...]]:
    """The LAM007 message, and the place it names, for a module without the handler's function
    (``module`` is the template when the code is inline)."""
    spec = target.spec
    named = described(spec) if spec else f"handler '{target.function}'"
    where = f"the inline code (module index) in {related()}" if inline else related()
    return (
        f"{named}: {where} has no top-level '{target.function}'",
        (Location(Path(os.path.abspath(module)), label="module"),),
    )


def build_map(specs: list[HandlerSpec], root: Path) -> HandlerMap:
    handler_map = HandlerMap(root.resolve())
    for spec in specs:
        resolution = resolve(spec)
        if isinstance(resolution, Unresolved):
            if resolution.reported:
                handler_map.unresolved.append(resolution)
        elif resolution.inline:
            handler_map.inline.append(HandlerTarget(resolution.function, spec))
        else:
            handler_map.by_file.setdefault(resolution.path, []).append(
                HandlerTarget(resolution.function, spec)
            )
    return handler_map
