"""The flake8 plugin: ``flake8 --select LAM`` reports what ``lambdalint check`` reports.

flake8 chooses the files and filters what the plugin yields (``--select``, ``--ignore``,
``noqa``, its ``per-file-ignores``); the project's ``[tool.lambdalint]`` still decides
which functions are handlers, which rules run and which findings its baseline accepts,
so both tools agree on every file.

flake8 imports and runs every installed plugin whatever is selected: this module imports
nothing of lambdalint's until a LAM code can be shown, and then builds each project (its
discovery) once per process, on the first file that needs it.
"""

from __future__ import annotations

import tokenize
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

if TYPE_CHECKING:
    import argparse
    import ast

    from flake8.options.manager import OptionManager

    from lambdalint.baseline import Baseline
    from lambdalint.diagnostics import Diagnostic
    from lambdalint.engine import FileTask
    from lambdalint.runner import Run

HANDLERS_FLAG = "--lambdalint-handlers"
# every code lambdalint reports is LAM and three digits; listing the registry's instead
# would import every rule, and libcst with them, on every flake8 run
POSSIBLE_CODES = tuple(f"LAM{number:03}" for number in range(1000))


class ProjectError(Exception):
    """A configuration problem, which flake8 prints as '<file>: "LAM" failed ... due to <it>'."""

    def __repr__(self) -> str:  # flake8 prints the repr: keep it the plain one-line message
        return str(self)


class Plugin:
    handlers: ClassVar[tuple[str, ...]] = ()
    reports: ClassVar[bool] = True  # whether flake8's selection shows any LAM code
    # one Run per process: each project's config and handler map are loaded once, not per file
    _run: ClassVar[Run | None] = None

    @classmethod
    def add_options(cls, manager: OptionManager) -> None:
        manager.add_option(
            HANDLERS_FLAG,
            default=[],
            parse_from_config=True,
            comma_separated_list=True,
            metavar="MODULE.FUNCTION,...",
            help="handlers to check, as in the Lambda configuration, in addition to"
            " [tool.lambdalint] handlers (like 'lambdalint check --handler')",
        )

    @classmethod
    def parse_options(cls, options: argparse.Namespace) -> None:
        cls.handlers = tuple(options.lambdalint_handlers)
        cls.reports = any_selected(options)
        cls._run = None

    # flake8 calls a plugin once per file only if it takes `tree`; it parses the file anyway
    # (a syntax error is its E999, and then no plugin runs), so asking for it costs nothing.
    def __init__(self, tree: ast.AST, filename: str, lines: list[str]) -> None:
        self.lines = lines
        self.task: FileTask | None = None  # None: nothing flake8 would show
        self.baseline: Baseline | None = None
        self.declared_here: list[Diagnostic] = []
        if not self.reports:
            return
        import dataclasses

        from lambdalint.baseline import BaselineError
        from lambdalint.config import ConfigError
        from lambdalint.runner import UsageError

        # here, not in run(): flake8 reports a constructor's exception as one line naming the file
        try:
            run = self._project_run()
            self.task = dataclasses.replace(run.task(Path(filename)), honour_noqa=False)
            project = run.project_for(self.task.path)
            self.baseline = project.baseline
            # a CDK app's own LAM007 at its handler line: a finding in this file
            self.declared_here = [
                finding
                for finding in run.project_findings(project)
                if finding.path.resolve() == self.task.path.resolve()
            ]
        except (ConfigError, UsageError, BaselineError) as error:
            raise ProjectError(str(error)) from None

    @classmethod
    def _project_run(cls) -> Run:
        from lambdalint.runner import Options, Run

        if cls._run is None:
            cls._run = Run(Options(handlers=cls.handlers, handlers_flag=HANDLERS_FLAG))
        return cls._run

    def run(self) -> Iterator[tuple[int, int, str, type]]:
        if self.task is None:
            return
        from lambdalint.engine import check_file
        from lambdalint.output import display_path
        from lambdalint.runner import missing_target_findings

        result = check_file(self.task, source_bytes(self.lines))
        findings = [
            finding
            for finding in [*result.diagnostics, *missing_target_findings(self.task, result)]
            # not LAM007 at a pyproject.toml line: flake8 shows findings in this file only
            if finding.path == self.task.path
        ]
        findings += self.declared_here
        if self.baseline is not None:
            findings = self.baseline.new_findings(findings)
        for finding in findings:
            # flake8 prints the column it is given plus one
            message = f"{finding.code} {finding.text(display_path)}"
            yield finding.line, finding.column - 1, message, type(self)


def any_selected(options: argparse.Namespace) -> bool:
    """Whether flake8's --select/--ignore (and their extend- forms and defaults) let any LAM
    code through, decided by flake8's own engine; per-file-ignores only ignore more."""
    from flake8.style_guide import Decision, DecisionEngine

    decider = DecisionEngine(options)
    return any(decider.decision_for(code) is Decision.Selected for code in POSSIBLE_CODES)


def source_bytes(lines: list[str]) -> bytes:
    """The file's bytes again, in the encoding flake8 decoded them with (its coding cookie)."""
    text = "".join(lines)
    cookie_lines = iter([line.encode("utf-8") for line in lines[:2]])
    try:
        encoding, _ = tokenize.detect_encoding(lambda: next(cookie_lines, b""))
        return text.encode(encoding)
    except (SyntaxError, LookupError, UnicodeError):  # UnicodeError: ``# coding: undefined``
        return text.encode("utf-8", "surrogatepass")  # the engine reports what does not decode
