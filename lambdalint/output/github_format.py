"""GitHub Actions workflow commands: one annotation per finding on the pull request."""

from __future__ import annotations

from lambdalint.diagnostics import Diagnostic
from lambdalint.output import display_path

# escaping as GitHub's runner (actions/toolkit, command.ts) decodes it
DATA_ESCAPES = {"%": "%25", "\r": "%0D", "\n": "%0A"}
PROPERTY_ESCAPES = {**DATA_ESCAPES, ":": "%3A", ",": "%2C"}


def render(diagnostics: list[Diagnostic], color: bool) -> str:
    lines = []
    for item in diagnostics:
        properties = {
            "file": display_path(item.path),
            "line": item.line,
            "col": item.column,
            "endLine": item.end_line,
            "endColumn": item.end_column,
            "title": f"{item.code} {item.name}",
        }
        joined = ",".join(
            f"{key}={_escape(str(value), PROPERTY_ESCAPES)}" for key, value in properties.items()
        )
        message = _escape(item.text(display_path), DATA_ESCAPES)
        lines.append(f"::{item.severity} {joined}::{message}\n")
    return "".join(lines)


def _escape(text: str, escapes: dict[str, str]) -> str:
    # one pass, so the '%' of an escape is never escaped again
    return "".join(escapes.get(character, character) for character in text)
