"""The one shape every finding takes, from any rule, on its way to a formatter."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Diagnostic:
    path: Path
    line: int
    column: int  # 1-based, like every editor and flake8
    end_line: int
    end_column: int
    code: str
    name: str
    message: str
    severity: str  # "error" or "warning"

    def sort_key(self) -> tuple:
        # resolved: findings in config files carry absolute paths, the others as given
        return (self.path.resolve().as_posix(), self.line, self.column, self.code)
