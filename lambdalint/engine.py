"""Per-file work: read, prefilter, parse once, share analysis, run every enabled rule.

Depends only on the file's bytes and a FileTask, so it runs in a process pool
(``lambdalint.pool``) and can be cached by content hash.
"""

from __future__ import annotations

import os
import sys
import threading
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Callable, TypeVar

from lambdalint.config import HandlerSpec
from lambdalint.convention import conventional_handlers
from lambdalint.diagnostics import Diagnostic, Fix, Location
from lambdalint.handlers import HandlerTarget, missing_function
from lambdalint.registry import INTERNAL_ERROR, UNREADABLE_FILE, all_checks
from lambdalint.source import (
    LINE_BREAK,
    Undecodable,
    decode,
    describe_syntax_error,
    libcst_module,
    nesting_rejected,
    too_complex,
    too_deep,
)
from lambdalint.suppression import noqa_suppresses

if TYPE_CHECKING:
    from libcst import CSTNode, Module, ParserSyntaxError

    from lambdalint.analysis import FileContext, Function
    from lambdalint.check import Check
    from lambdalint.reach import Module as ReachedModule
    from lambdalint.reach import Reach
    from lambdalint.registry import InputProblem
    from lambdalint.walk import Where

T = TypeVar("T")
Visitor = Callable[["CSTNode", "Where"], None]

# libcst's parser, position metadata and code generation recurse once per nesting level;
# Python itself compiles ~3000-term expressions and long implicit string concatenations
DEEP_RECURSION_LIMIT = 60_000
DEEP_STACK_BYTES = 512 * 1024 * 1024


@dataclass(frozen=True)
class Embedding:
    """Where code embedded in another file (a template's inline code) sits in that file."""

    lines: tuple[int, ...]  # the file's line for each line of the code
    indent: int = 0  # columns before the code on each of its lines

    def place(self, line: int, column: int) -> tuple[int, int]:
        return self.lines[min(line, len(self.lines)) - 1], column + self.indent

    def code_lines(self, line: int) -> list[int]:
        """The code's lines that sit on the file's line (several when the code is one string)."""
        return [number for number, placed in enumerate(self.lines, start=1) if placed == line]


@dataclass(frozen=True)
class FileTask:
    path: Path
    targets: tuple[HandlerTarget, ...] | None  # None: find handlers by convention
    enabled: frozenset[str]
    extra_client_factories: tuple[str, ...] = ()
    embedding: Embedding | None = None  # the source is embedded in path, not path itself
    honour_noqa: bool = True  # False under flake8, which applies noqa (and --disable-noqa) itself
    # where the handlers' imports are found, as on the runtime's sys.path (lambdalint.reach)
    code_roots: tuple[Path, ...] = ()


@dataclass(frozen=True)
class MissingTarget:
    """A declared handler the checked file does not define: a fact about the deployment,
    which the LAM007 rule reports at the declaration."""

    spec: HandlerSpec | None
    path: Path  # the checked file
    reason: str
    related: tuple[Location, ...] = ()  # the places the reason names


@dataclass
class FileResult:
    diagnostics: list[Diagnostic] = field(default_factory=list)
    missing: list[MissingTarget] = field(default_factory=list)
    handlers: int = 0  # the handlers found and checked in the file, for the run's summary
    # every other module the handlers' reach looked for: its SHA-256, files.ABSENT if none
    reads: tuple[tuple[Path, str], ...] = ()


def handler_targets(task: FileTask, source: bytes) -> tuple[HandlerTarget, ...] | None:
    """The handlers to check in the file: the declared ones, else those the naming convention
    finds (a byte prefilter, then Python's own parser); None when Python cannot parse the file,
    which libcst's parse then reports."""
    if task.targets is not None:
        return task.targets
    found = conventional_handlers(source)
    if found is None:
        from lambdalint.discovery.templates import is_generator_template

        # a generator's template (cookiecutter, Jinja) is code only once rendered: no finding
        return () if is_generator_template(task.path) else None
    return tuple(HandlerTarget(definition.name) for definition in found)


def check_file(task: FileTask, source: bytes | None = None) -> FileResult:
    if source is None:
        try:
            source = task.path.read_bytes()
        except OSError as error:
            problem = _problem(task, UNREADABLE_FILE, 1, 1, f"cannot read file: {error.strerror}")
            return FileResult([replace(problem, source_line="")] if _wanted(problem, task) else [])
    targets = handler_targets(task, source)
    if targets == ():
        return FileResult()  # nothing to check: the file is not even decoded
    task = replace(task, targets=targets or ())
    text_or_problem = _decode(task, source)
    if isinstance(text_or_problem, Diagnostic):
        found = [text_or_problem] if _wanted(text_or_problem, task) else []
        return FileResult(_with_source_lines(task, found, source.decode("utf-8", errors="replace")))
    text = text_or_problem
    result = _on_deep_stack(lambda: _check_text(task, text))
    return replace(result, diagnostics=_with_source_lines(task, result.diagnostics, text))


def crashed(task: FileTask, source: bytes | None, cause: str) -> FileResult:
    """A file whose checking killed its process (a native crash or abort in a parser): the
    process pool reports it as one LAM901 instead of losing the run."""
    problem = _problem(
        task,
        INTERNAL_ERROR,
        1,
        1,
        f"checking this file crashed the worker process ({cause}); this file was not checked",
    )
    text = (source or b"").decode("utf-8", errors="replace")
    return FileResult(_with_source_lines(task, [problem], text))


def crashed_fixing(task: FileTask, result: FileResult, cause: str) -> FileResult:
    """A file whose fixes could not be applied (a fix broke its code, or raised): it is left
    as it was, with its findings and one LAM901 saying so."""
    problem = _problem(
        task,
        INTERNAL_ERROR,
        1,
        1,
        f"applying fixes to this file failed ({cause}); the file was left as it was;"
        " please report this bug",
    )
    return replace(result, diagnostics=[*result.diagnostics, replace(problem, source_line="")])


def _with_source_lines(
    task: FileTask, diagnostics: list[Diagnostic], text: str
) -> list[Diagnostic]:
    """Each finding in the code with the decoded line it starts on, for its fingerprint; one
    at a declaring line (a handler its module lacks) gets it from the runner, which reads it;
    one in a module the handlers reach has it already."""
    if not diagnostics:
        return diagnostics  # most files: nothing to split the text for
    lines = LINE_BREAK.split(text)
    sourced = []
    for item in diagnostics:
        # inline code: the code's line on the template's (its indent aside, the same text)
        code_lines = [item.line] if task.embedding is None else task.embedding.code_lines(item.line)
        if item.path == task.path and code_lines:
            item = replace(item, source_line=_line(lines, code_lines[0]))
        sourced.append(item)
    return sourced


def _line(lines: list[str], number: int) -> str:
    return lines[number - 1] if 0 < number <= len(lines) else ""


def _on_deep_stack(work: Callable[[], T]) -> T:
    """Run work in a thread with a stack deep enough for libcst on deeply nested code."""
    outcome: dict[str, object] = {}

    def run() -> None:
        try:
            outcome["result"] = work()
        except BaseException as error:  # noqa: BLE001 - re-raised in the calling thread
            outcome["error"] = error

    previous_limit = sys.getrecursionlimit()
    previous_stack = threading.stack_size(DEEP_STACK_BYTES)
    sys.setrecursionlimit(max(previous_limit, DEEP_RECURSION_LIMIT))
    try:
        worker = threading.Thread(target=run, name="lambdalint-file")
        worker.start()
        worker.join()
    finally:
        threading.stack_size(previous_stack)
        sys.setrecursionlimit(previous_limit)
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["result"]  # type: ignore[return-value]


def _decode(task: FileTask, source: bytes) -> str | Diagnostic:
    text = decode(source)
    if isinstance(text, Undecodable):
        return _problem(task, UNREADABLE_FILE, text.line, text.column, text.message)
    return text


def _check_text(task: FileTask, text: str) -> FileResult:
    import libcst as cst

    rejected = nesting_rejected(text)
    if rejected is not None:  # before libcst, which crashes or takes gigabytes on such code
        line, column, message = rejected
        problem = _problem(task, UNREADABLE_FILE, line, column, message)
        return FileResult([problem] if _wanted(problem, task) else [])
    deep = too_deep(text)
    if deep is not None:
        line, reason = deep
        return _not_checked(task, reason, line)
    try:
        module = libcst_module(text)
        result = _run_checks(task, module, text)
    except cst.ParserSyntaxError as error:
        problem = _syntax_problem(task, text, error)
        return FileResult([problem] if _wanted(problem, task) else [])
    except (RecursionError, MemoryError) as error:
        return _not_checked(task, too_complex(error))
    except Exception as error:  # noqa: BLE001 - one file's problem must not stop the run
        return _not_checked(task, f"analysing this file failed: {type(error).__name__}: {error}")
    lines = LINE_BREAK.split(text)
    result.diagnostics = [
        d
        for d in result.diagnostics
        if _wanted(d, task) and not (task.honour_noqa and _noqa(d, task, lines))
    ]
    return result


def _not_checked(task: FileTask, reason: str, line: int = 1) -> FileResult:
    return FileResult(
        [_problem(task, INTERNAL_ERROR, line, 1, f"{reason}; this file was not checked")]
    )


def _syntax_problem(task: FileTask, text: str, error: ParserSyntaxError) -> Diagnostic:
    line, column, message, python_accepts = describe_syntax_error(text, error)
    return _problem(
        task, INTERNAL_ERROR if python_accepts else UNREADABLE_FILE, line, column, message
    )


def _run_checks(task: FileTask, module: Module, text: str) -> FileResult:
    from lambdalint.analysis import FileContext
    from lambdalint.reach import Module as ReachedModule
    from lambdalint.reach import Reach

    context = FileContext(module, task.path, task.extra_client_factories, text)
    missing = [_missing(task, target) for target in context.find_handlers(task.targets or ())]
    # inline code is a module of its own: there is no code root beside it to import from
    reach = Reach(ReachedModule(context, []), task.code_roots if task.embedding is None else ())
    reach.follow()
    context.reached = reach.main.reached
    rules = [rule for rule in all_checks() if rule.code in task.enabled]
    checks = [rule(context) for rule in rules]
    failures: dict[str, BaseException] = {}
    for handler in context.handlers:
        for check in checks:
            _guarded(check, failures, partial(check.check_handler, handler))
    diagnostics: list[Diagnostic] = []
    for reached in reach.modules.values():
        # each module's code is seen by rules made for its own analysis (names, imports), which
        # knows what of it is reached, from which handlers' module and through which calls of
        # other modules (a parse may be shared by files: set for this one's reach)
        reached.context.reached = reached.reached
        reached.context.reached_from = None if reached is reach.main else context
        reached.context.entered_by = reach.entries(reached)
        reached.context.calls_out = reach.exits(reached)
    for reached in reach.modules.values():
        if reached is not reach.main and not reached.reached:
            continue  # read, but none of its functions is called
        own = checks if reached is reach.main else [rule(reached.context) for rule in rules]
        walked = _walk_reached(reached.reached, own, failures)
        found = _located(task, reached.context, walked, failures, reach, reached)
        if reached is not reach.main:
            found = [
                replace(item, source_line=_line(reached.lines, item.line))
                for item in found
                if not (task.honour_noqa and _noqa_at(item, reached.lines, [item.line]))
            ]
        diagnostics += found
    names = {check.code: check.name for check in checks}
    diagnostics += [
        _problem(
            task,
            INTERNAL_ERROR,
            1,
            1,
            f"rule {code} {names[code]} failed on this file:"
            f" {type(error).__name__}: {error}; please report this bug",
        )
        for code, error in failures.items()
    ]
    reads = tuple(sorted(reach.reads.items()))
    return FileResult(diagnostics, missing, len(context.handlers), reads)


def _guarded(
    check: Check, failures: dict[str, BaseException], action: Callable[[], object]
) -> object:
    if check.code in failures:
        return None
    try:
        return action()
    except Exception as error:  # noqa: BLE001 - one rule's bug must not stop the others
        failures[check.code] = error
        return None


# a rule's finding: the node, message, related places, fix, and the reached function it is in
Report = tuple["Check", "CSTNode", str, tuple[Location, ...], "Fix | None", "Function | None"]


def _walk_reached(
    reached: list[Function], checks: list[Check], failures: dict[str, BaseException]
) -> list[Report]:
    """One batched traversal of the reached code of one module, every rule's visitors per
    node, each called with the node and its cursor (walk.Where); the reports, each with the
    reached function it was made in."""
    from lambdalint.walk import walk_reached

    visit_methods: dict[str, list[tuple[Check, Visitor]]] = {}
    leave_methods: dict[str, list[tuple[Check, Visitor]]] = {}
    for check in checks:
        for method_name in _own_visitor_names(type(check)):
            kind, _, node_type = method_name.partition("_")
            table = visit_methods if kind == "visit" else leave_methods
            table.setdefault(node_type, []).append((check, getattr(check, method_name)))

    def visit(node: CSTNode, where: Where) -> None:
        for check, method in visit_methods.get(type(node).__name__, ()):
            _guarded(check, failures, partial(method, node, where))

    def leave(node: CSTNode, where: Where) -> None:
        for check, method in leave_methods.get(type(node).__name__, ()):
            _guarded(check, failures, partial(method, node, where))

    # check_handler's, made before the walk, belong to no reached function
    reports: list[Report] = [
        (check, node, message, related, fix, None)
        for check in checks
        for node, message, related, fix in check.reports
    ]
    for scope in reached:
        made = [len(check.reports) for check in checks]
        walk_reached(scope, visit, leave if leave_methods else None)
        reports += [
            (check, node, message, related, fix, scope)
            for check, count in zip(checks, made)
            for node, message, related, fix in check.reports[count:]
        ]
    return reports


def _own_visitor_names(check_class: type[Check]) -> tuple[str, ...]:
    """The visit_<Node> and leave_<Node> methods a rule defines, looked up once per class."""
    if check_class not in _VISITOR_NAMES:
        _VISITOR_NAMES[check_class] = tuple(
            name for name in dir(check_class) if name.startswith(("visit_", "leave_"))
        )
    return _VISITOR_NAMES[check_class]


_VISITOR_NAMES: dict[type[Check], tuple[str, ...]] = {}


def _located(
    task: FileTask,
    context: FileContext,
    reports: list[Report],
    failures: dict[str, BaseException],
    reach: Reach,
    module: ReachedModule,
) -> list[Diagnostic]:
    """The findings of one module's reports, at its file; one reached through another module
    says how (``reached from lambda_handler via app.py:12 process()``)."""
    reports = [report for report in reports if report[0].code not in failures]
    if not reports:
        return []
    positions = context.positions()
    path = task.path if module is reach.main else Path(os.path.abspath(context.path))
    located = []
    # a fix edits the checked file's own code; not (yet) another module's or a template's
    fixable = module is reach.main and task.embedding is None
    for check, node, message, related, fix, function in reports:
        where = positions[node]
        if module is reach.main:
            line, column = _placed(task, where.start.line, where.start.column + 1)
            end_line, end_column = _placed(task, where.end.line, where.end.column + 1)
        else:
            line, column = where.start.line, where.start.column + 1
            end_line, end_column = where.end.line, where.end.column + 1
        if function is not None:
            how, places = reach.described(function, module, len(related))
            message, related = message + how, related + places
        located.append(
            Diagnostic(
                path,
                line,
                column,
                end_line,
                end_column,
                check.code,
                check.name,
                message,
                check.severity,
                related,
                fix=fix if fixable else None,
            )
        )
    return located


def _missing(task: FileTask, target: HandlerTarget) -> MissingTarget:
    message, related = missing_function(target, task.path, inline=task.embedding is not None)
    return MissingTarget(target.spec, task.path, message, related)


def _problem(
    task: FileTask, problem: InputProblem, line: int, column: int, message: str
) -> Diagnostic:
    line, column = _placed(task, line, column)
    return Diagnostic(
        task.path, line, column, line, column, problem.code, problem.name, message, problem.severity
    )


def _placed(task: FileTask, line: int, column: int) -> tuple[int, int]:
    """A position in the checked code, as a position in task.path."""
    return (line, column) if task.embedding is None else task.embedding.place(line, column)


def _wanted(diagnostic: Diagnostic, task: FileTask) -> bool:
    return diagnostic.code in task.enabled or diagnostic.code == INTERNAL_ERROR.code


def _noqa(diagnostic: Diagnostic, task: FileTask, lines: list[str]) -> bool:
    if diagnostic.path != task.path:
        return False  # a module the handlers reach: its own lines decided (_run_checks)
    embedding = task.embedding
    code_lines = [diagnostic.line] if embedding is None else embedding.code_lines(diagnostic.line)
    return _noqa_at(diagnostic, lines, code_lines)


def _noqa_at(diagnostic: Diagnostic, lines: list[str], code_lines: list[int]) -> bool:
    return any(
        noqa_suppresses(lines[line - 1], diagnostic.code)
        for line in code_lines
        if 0 < line <= len(lines)
    )
