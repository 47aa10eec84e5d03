"""The central list of rule codes: greppable, stable, never reused."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING, Union

if TYPE_CHECKING:
    from lambdalint.check import Check


@dataclass(frozen=True)
class InputProblem:
    """A code about the input itself rather than about handler code."""

    code: str
    name: str
    summary: str
    documentation: str
    severity: str = "error"


UNREADABLE_FILE = InputProblem(
    "LAM900",
    "unreadable-file",
    "A file lambdalint needs cannot be read or parsed",
    """## What it does
Reports a Python file that lambdalint had to read but could not: a syntax error,
bytes that do not decode in the file's declared encoding, or a null byte.

## Why is this bad?
The Lambda runtime cannot import such a module either: every invocation fails with
`Runtime.UserCodeSyntaxError` or `Runtime.ImportModuleError`.

## Fix
Fix the reported line; the message carries the parser's own reason.
""",
)
INTERNAL_ERROR = InputProblem(
    "LAM901",
    "internal-error",
    "A rule failed on a file; the other rules and files were still checked",
    """## What it does
Reports that one rule raised an exception on one file, or that checking one file
killed the worker process checking it (`--jobs`: a crash in a parser), naming the
signal or exit code. The other rules and files are still checked, and the run exits
with status 2.

## Fix
This is a bug in lambdalint: please report it with the file that triggers it.
""",
)
INPUT_PROBLEMS = (UNREADABLE_FILE, INTERNAL_ERROR)


def all_checks() -> list[type[Check]]:
    """Every rule class, in code order. Imported lazily: checks need libcst."""
    from lambdalint.checks import CHECKS

    return sorted(CHECKS, key=lambda check: check.code)


Rule = Union["type[Check]", InputProblem]


def all_rules() -> list[Rule]:
    """Every code's rule, as ``lambdalint rules`` lists them: the rule classes, then the
    input problems."""
    return [*all_checks(), *INPUT_PROBLEMS]


def all_codes() -> list[str]:
    """Every code, without importing the rules (and libcst) unless they already are."""
    from lambdalint import checks

    imported = vars(checks).get("CHECKS")
    rule_codes = (
        sorted(check.code for check in imported)
        if imported is not None
        else list(checks.REGISTERED)
    )
    return [*rule_codes, *(problem.code for problem in INPUT_PROBLEMS)]


def rule_by_code(code: str) -> Rule | None:
    return next((rule for rule in all_rules() if rule.code == code.upper()), None)


def documentation(rule: Rule) -> str:
    """A rule's documentation: its check module's docstring, or an input problem's text."""
    if isinstance(rule, InputProblem):
        return rule.documentation
    return sys.modules[rule.__module__].__doc__ or ""
