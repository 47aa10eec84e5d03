"""``lambdalint handlers``: every function the deployment templates declare, and what
lambdalint makes of it (the file and function the runtime loads, or why it is not checked),
then every handler ``check`` finds by naming convention in the files no declaration names."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lambdalint.convention import Definition, conventional_handlers
from lambdalint.discovery import deployed_spec, why_unchecked
from lambdalint.discovery.model import (
    DeployedFunction,
    Discovery,
    EventSource,
    Note,
    UnreadableFile,
)
from lambdalint.handlers import Unresolved, resolve
from lambdalint.output import display_path
from lambdalint.registry import UNREADABLE_FILE

if TYPE_CHECKING:
    from lambdalint.runner import Run

Row = dict[str, Any]


def rows(discovery: Discovery, conventional: Sequence[Row] = ()) -> list[Row]:
    """One row per deployed function, in the order of their templates and lines, then the
    handlers found by convention."""
    functions = sorted(
        discovery.functions,
        key=lambda function: (display_path(function.declared_in), function.line),
    )
    return [*map(_row, functions), *conventional]


def conventional_rows(run: Run) -> list[Row]:
    """One row per handler ``check`` finds by naming convention in the run's files."""
    found = []
    for path in run.files():
        project = run.project_for(path)
        if project.handler_map.targets(path) is not None or run.too_large(path):
            continue  # declared, a test file, or not read
        try:
            source = path.read_bytes()
        except OSError:
            continue  # check reports it
        found += [
            _conventional_row(path, project.config.root, definition)
            for definition in conventional_handlers(source) or ()
        ]
    return found


def _conventional_row(path: Path, root: Path, definition: Definition) -> Row:
    module = _module_name(path, root)
    return {
        "name": module,
        "source": "convention",
        "runtime": None,
        "handler": f"{module}.{definition.name}",
        "code": f"{display_path(path)}:{definition.name}",
        "declared_in": f"{display_path(path)}:{definition.line}",
        "triggers": [],
        "recursion_allowed": False,
        "notes": [],
    }


def _module_name(path: Path, root: Path) -> str:
    """The dotted module of a file, from the project root (its name, outside the root)."""
    try:
        parts = path.resolve().relative_to(root.resolve()).with_suffix("").parts
    except ValueError:
        parts = (path.stem,)
    if len(parts) > 1 and parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def _row(function: DeployedFunction) -> Row:
    return {
        "name": function.name,
        "source": function.source,
        "runtime": function.runtime,
        "handler": function.handler,
        "code": _code(function),
        "declared_in": f"{display_path(function.declared_in)}:{function.line}",
        "triggers": [_trigger(event) for event in function.events],
        "recursion_allowed": function.allows_recursion,
        "notes": [_note(note) for note in function.notes],
    }


def _code(function: DeployedFunction) -> str:
    """``file:function`` the runtime loads, or why lambdalint does not or cannot check it."""
    spec = deployed_spec(function)
    if spec is None:
        return why_unchecked(function) or ""
    resolution = resolve(spec)
    if isinstance(resolution, Unresolved):
        return f"{'LAM007' if resolution.reported else 'not checked'}: {resolution.summary}"
    where = display_path(resolution.path)
    if resolution.inline:
        where += " (inline)"
    return f"{where}:{resolution.function}"


def _trigger(event: EventSource) -> dict[str, str | list[str] | None]:
    resource = None if event.resource is None else str(event.resource)
    return {
        "type": event.type,
        "resource": resource,
        "prefix": event.prefix,
        "suffix": event.suffix,
        "s3_events": list(event.s3_events),
    }


def _note(note: Note) -> dict[str, Any]:
    return {
        "path": display_path(note.path),
        "line": note.line,
        "message": note.message,
        # the finding an unreadable file also is
        "code": UNREADABLE_FILE.code if isinstance(note, UnreadableFile) else None,
    }


def render_json(discovery: Discovery, conventional: Sequence[Row] = ()) -> str:
    return json.dumps(rows(discovery, conventional), indent=2) + "\n"


def render_text(discovery: Discovery, conventional: Sequence[Row] = ()) -> str:
    table = [["NAME", "RUNTIME", "HANDLER", "CODE", "DECLARED IN", "TRIGGERS", "INTENT"]]
    for row in rows(discovery, conventional):
        triggers = ", ".join(trigger["type"] for trigger in row["triggers"])
        table.append(
            [
                row["name"],
                row["runtime"] or "-",
                row["handler"] or "-",
                row["code"],
                row["declared_in"],
                triggers or "-",
                "recursion allowed" if row["recursion_allowed"] else "",
            ]
        )
    widths = [max(len(line[column]) for line in table) for column in range(len(table[0]))]
    text = "".join(
        "  ".join(cell.ljust(width) for cell, width in zip(line, widths)).rstrip() + "\n"
        for line in table
    )
    # functions that inherit one Globals setting share its note
    notes = list(
        dict.fromkeys(
            [
                *discovery.notes,
                *(note for function in discovery.functions for note in function.notes),
            ]
        )
    )
    if notes:
        text += "\n" + "".join(
            f"{display_path(note.path)}:{note.line}: {note.message}\n"
            for note in sorted(notes, key=lambda n: (display_path(n.path), n.line))
        )
    return text
