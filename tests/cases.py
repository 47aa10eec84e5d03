"""Reads the executable contract in rules/: case files and their expectation markers."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
RULES = REPO / "rules"
MARKER = re.compile(r"#\s*error:\s*\[(?P<codes>[A-Z0-9, ]+)\]")
FIXED_SUFFIX = ".fixed.py"  # beside a case file: what --fix --unsafe-fixes makes of it
FIXED_FOLDER = "fixed"  # in a directory case: what it makes of each of its files


@dataclass(frozen=True)
class Case:
    rule_dir: Path
    path: Path  # a .py file, or a directory for multi-module cases

    @property
    def code(self) -> str:
        return self.rule_dir.name.split("-", 1)[0]

    @property
    def id(self) -> str:
        return f"{self.rule_dir.name}/{self.path.name}"

    def files(self) -> list[Path]:
        if self.path.is_file():
            return [self.path]
        return sorted(
            p
            for p in self.path.rglob("*")
            if p.suffix in (".py", ".toml") and FIXED_FOLDER not in p.relative_to(self.path).parts
        )

    def fixed(self, file: Path) -> Path:
        """Where the expected output of fixing one of the case's files is kept."""
        if self.path.is_file():
            return file.with_name(file.name[: -len(".py")] + FIXED_SUFFIX)
        return self.path / FIXED_FOLDER / file.relative_to(self.path)

    def expected(self) -> set[tuple[str, int, str]]:
        """(file relative to the repo, line, code) for every marker."""
        found = set()
        for file in self.files():
            for number, line in enumerate(file.read_text(encoding="utf-8").splitlines(), 1):
                for match in MARKER.finditer(line):
                    for code in match.group("codes").split(","):
                        found.add((file.relative_to(REPO).as_posix(), number, code.strip()))
        return found

    def description(self) -> str:
        first = self.files()[0] if self.path.is_dir() else self.path
        if self.path.is_dir():
            first = next(f for f in self.files() if f.suffix == ".py")
        return first.read_text(encoding="utf-8").splitlines()[0]


def all_cases() -> list[Case]:
    return [
        Case(rule_dir, path)
        for rule_dir in sorted(p for p in RULES.iterdir() if p.is_dir() and p.name[0] != ".")
        for path in sorted((rule_dir / "cases").iterdir())
        if (path.suffix == ".py" or path.is_dir())
        and path.name != "__pycache__"
        and not path.name.endswith(FIXED_SUFFIX)
    ]
