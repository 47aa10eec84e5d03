"""One JSON array; keys may be added by later versions, never renamed."""

from __future__ import annotations

import json

from lambdalint.diagnostics import Diagnostic
from lambdalint.output import display_path


def render(diagnostics: list[Diagnostic], color: bool) -> str:
    return json.dumps([
        {
            "path": display_path(item.path),
            "line": item.line,
            "column": item.column,
            "end_line": item.end_line,
            "end_column": item.end_column,
            "code": item.code,
            "name": item.name,
            "message": item.message,
            "severity": item.severity,
        }
        for item in diagnostics
    ], indent=2) + "\n"
