"""``path:line:col: CODE message``, the format every editor and CI log understands."""

from __future__ import annotations

from lambdalint.diagnostics import Diagnostic
from lambdalint.output import display_path

BOLD, RED, YELLOW, CYAN, RESET = "\033[1m", "\033[31m", "\033[33m", "\033[36m", "\033[0m"


def render(diagnostics: list[Diagnostic], color: bool) -> str:
    lines = []
    for item in diagnostics:
        where = f"{display_path(item.path)}:{item.line}:{item.column}:"
        code = item.code
        if color:
            where = f"{BOLD}{where}{RESET}"
            code = f"{RED if item.severity == 'error' else YELLOW}{code}{RESET}"
        lines.append(f"{where} {code} {item.text(display_path)}")
    return "".join(line + "\n" for line in lines)
