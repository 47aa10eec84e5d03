"""From declared handler strings to the files and functions the runtime would load.

Mirrors the Python runtime: ``modname, fname = handler.rsplit(".", 1)``, then
``importlib.import_module(modname.replace("/", "."))`` with the code root on sys.path.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from lambdalint.config import HandlerSpec
from lambdalint.output import display_path


@dataclass(frozen=True)
class HandlerTarget:
    """A function name a file must define, and the declaration to blame if it does not."""

    function: str
    spec: Optional[HandlerSpec] = None


@dataclass(frozen=True)
class Unresolved:
    spec: HandlerSpec
    reason: str


@dataclass
class HandlerMap:
    """Which files hold handlers. ``by_convention`` when nothing declares any."""

    by_file: dict[Path, list[HandlerTarget]] = field(default_factory=dict)
    unresolved: list[Unresolved] = field(default_factory=list)
    by_convention: bool = True

    def targets(self, path: Path) -> Optional[tuple[HandlerTarget, ...]]:
        """The handlers of one file; None means "find them by naming convention"."""
        if self.by_convention:
            return None
        return tuple(self.by_file.get(path.resolve(), ()))


def module_file(code_root: Path, module: str) -> Optional[Path]:
    parts = module.replace("/", ".").split(".")
    if not all(parts):
        return None
    base = code_root.joinpath(*parts)
    for candidate in (base.with_name(base.name + ".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate.resolve()
    return None


def build_map(specs: list[HandlerSpec]) -> HandlerMap:
    handler_map = HandlerMap(by_convention=not specs)
    for spec in specs:
        if "." not in spec.handler:
            handler_map.unresolved.append(Unresolved(
                spec, f"handler '{spec.handler}' is not module.function;"
                " Lambda splits it at the last dot"))
            continue
        module, function = spec.handler.rsplit(".", 1)
        path = module_file(spec.code_root, module)
        if path is None:
            expected = module.replace(".", "/") + ".py"
            handler_map.unresolved.append(Unresolved(
                spec, f"handler '{spec.handler}': module file {expected} not found"
                f" under code root {display_path(spec.code_root)}"))
            continue
        handler_map.by_file.setdefault(path, []).append(HandlerTarget(function, spec))
    return handler_map
