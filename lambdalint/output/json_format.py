"""One JSON array; keys may be added by later versions, never renamed.

Only the "path" fields depend on the current directory: a message names the places it
points at relative to the project's root, so it reads the same wherever lambdalint runs.
"""

from __future__ import annotations

import json
from functools import partial

from lambdalint.diagnostics import Diagnostic, Fix
from lambdalint.fingerprint import relative_path
from lambdalint.output import display_path


def render(diagnostics: list[Diagnostic], color: bool) -> str:
    return (
        json.dumps(
            [
                {
                    "path": display_path(item.path),
                    "line": item.line,
                    "column": item.column,
                    "end_line": item.end_line,
                    "end_column": item.end_column,
                    "code": item.code,
                    "name": item.name,
                    "message": item.text(
                        partial(relative_path, root=item.root) if item.root else display_path
                    ),
                    "severity": item.severity,
                    "related": [
                        {
                            "path": display_path(place.path),
                            "line": place.line,
                            "column": place.column,
                            "label": place.label,
                        }
                        for place in item.related
                    ],
                    "fix": _fix(item.fix),
                }
                for item in diagnostics
            ],
            indent=2,
        )
        + "\n"
    )


def _fix(fix: Fix | None) -> dict[str, object] | None:
    """What --fix would do (null: no fix), as ruff writes it: rows and columns 1-based."""
    if fix is None:
        return None
    return {
        "applicability": fix.applicability,
        "message": fix.description,
        "edits": [
            {
                "content": edit.content,
                "location": {"row": edit.line, "column": edit.column + 1},
                "end_location": {"row": edit.end_line, "column": edit.end_column + 1},
            }
            for edit in fix.edits
        ],
    }
