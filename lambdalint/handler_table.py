"""``lambdalint handlers``: every function the deployment templates declare, and what
lambdalint makes of it (the file and function the runtime loads, or why it is not checked)."""

from __future__ import annotations

import json
from typing import Any, Optional

from lambdalint.discovery import deployed_spec, why_unchecked
from lambdalint.discovery.model import DeployedFunction, Discovery, EventSource, Note
from lambdalint.handlers import Unresolved, resolve
from lambdalint.output import display_path


def rows(discovery: Discovery) -> list[dict[str, Any]]:
    """One row per deployed function, in the order of their templates and lines."""
    functions = sorted(discovery.functions,
                       key=lambda function: (display_path(function.declared_in), function.line))
    return [_row(function) for function in functions]


def _row(function: DeployedFunction) -> dict[str, Any]:
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


def _trigger(event: EventSource) -> dict[str, Optional[str]]:
    resource = None if event.resource is None else str(event.resource)
    return {"type": event.type, "resource": resource, "prefix": event.prefix,
            "suffix": event.suffix, "s3_events": list(event.s3_events)}


def _note(note: Note) -> dict[str, Any]:
    return {"path": display_path(note.path), "line": note.line, "message": note.message,
            "code": note.code}


def render_json(discovery: Discovery) -> str:
    return json.dumps(rows(discovery), indent=2) + "\n"


def render_text(discovery: Discovery) -> str:
    table = [["NAME", "RUNTIME", "HANDLER", "CODE", "DECLARED IN", "TRIGGERS", "INTENT"]]
    for row in rows(discovery):
        triggers = ", ".join(trigger["type"] for trigger in row["triggers"])
        table.append([row["name"], row["runtime"] or "-", row["handler"] or "-", row["code"],
                      row["declared_in"], triggers or "-",
                      "recursion allowed" if row["recursion_allowed"] else ""])
    widths = [max(len(line[column]) for line in table) for column in range(len(table[0]))]
    text = "".join("  ".join(cell.ljust(width) for cell, width in zip(line, widths)).rstrip() + "\n"
                   for line in table)
    # functions that inherit one Globals setting share its note
    notes = list(dict.fromkeys([*discovery.notes, *(note for function in discovery.functions
                                                   for note in function.notes)]))
    if notes:
        text += "\n" + "".join(f"{display_path(note.path)}:{note.line}: {note.message}\n"
                               for note in sorted(notes, key=lambda n: (display_path(n.path), n.line)))
    return text

