"""The ``lambdalint`` command: check, handlers, rules, explain."""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections import Counter
from collections.abc import Sequence
from contextlib import nullcontext, suppress
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from lambdalint import __version__
from lambdalint.output import FORMATS, display_path

if TYPE_CHECKING:
    from lambdalint.check import Check
    from lambdalint.diagnostics import Diagnostic
    from lambdalint.registry import InputProblem
    from lambdalint.runner import Run

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _comma_list(value: str) -> list[str]:
    return [item.strip().upper() for item in value.split(",") if item.strip()]


def _jobs(value: str) -> int:
    try:
        jobs = int(value)
    except ValueError:
        jobs = 0
    if jobs < 1:
        raise argparse.ArgumentTypeError(
            f"expected a number of processes of at least 1, got {value!r}"
        )
    return jobs


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="lambdalint", description="Static analysis for AWS Lambda handlers written in Python."
    )
    parser.add_argument("--version", action="version", version=f"lambdalint {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    check = commands.add_parser("check", help="check handlers under the given paths")
    check.add_argument(
        "paths",
        nargs="*",
        default=["."],
        metavar="PATH",
        help="files or directories; '-' reads one file from standard input",
    )
    check.add_argument("--select", type=_comma_list, help="only these codes or prefixes")
    check.add_argument(
        "--extend-select",
        type=_comma_list,
        default=[],
        help="codes or prefixes to add to the selection",
    )
    check.add_argument(
        "--ignore", type=_comma_list, default=[], help="codes or prefixes to leave out"
    )
    check.add_argument(
        "--format",
        choices=FORMATS,
        help="output format (default: 'format' in the configuration, else text)",
    )
    check.add_argument(
        "--output-file",
        type=Path,
        metavar="PATH",
        help="write the report to PATH instead of standard output",
    )
    check.add_argument("--exit-zero", action="store_true", help="exit 0 even with findings")
    check.add_argument("--statistics", action="store_true", help="count findings per code")
    check.add_argument(
        "--config", type=Path, help="pyproject.toml to use instead of the nearest one"
    )
    check.add_argument(
        "--handler",
        action="append",
        default=[],
        metavar="MODULE.FUNCTION",
        help="a handler to check (repeatable)",
    )
    check.add_argument(
        "--jobs",
        type=_jobs,
        metavar="N",
        help="processes checking files at once (default: the number of CPUs; 1: no pool)",
    )
    check.add_argument(
        "--no-cache",
        action="store_true",
        help="neither read nor write the cache of results (.lambdalint_cache)",
    )
    check.add_argument(
        "--cache-dir",
        type=Path,
        metavar="DIR",
        help="the cache's folder (default: 'cache-dir' in the configuration, else"
        " .lambdalint_cache in the project's root)",
    )
    check.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        help="say on stderr which files were checked and which came from the cache",
    )
    check.add_argument("--stdin-filename", help="the file name to give the buffer read from '-'")
    check.add_argument(
        "--fix", action="store_true", help="apply the safe fixes, then report what is left"
    )
    check.add_argument(
        "--unsafe-fixes",
        action="store_true",
        help="with --fix, apply the unsafe fixes too; alone, count them as available",
    )
    check.add_argument(
        "--fix-only",
        action="store_true",
        help="apply the fixes and report nothing else; exit 0 unless something failed",
    )
    check.add_argument(
        "--diff",
        action="store_true",
        help="print a unified diff of what --fix would change and write nothing;"
        " exit 1 when there is a change",
    )
    baseline = check.add_mutually_exclusive_group()
    baseline.add_argument(
        "--baseline",
        type=Path,
        metavar="FILE",
        help="report only findings not recorded in FILE (default: 'baseline' in the configuration)",
    )
    baseline.add_argument(
        "--write-baseline",
        type=Path,
        metavar="FILE",
        help="record every finding in FILE, to be accepted by --baseline",
    )
    handlers = commands.add_parser(
        "handlers",
        help="list the functions deployment templates declare, and how each resolves,"
        " then the handlers found by naming convention",
    )
    handlers.add_argument(
        "path", nargs="?", default=".", metavar="PATH", help="the project directory (default: .)"
    )
    handlers.add_argument("--format", choices=("text", "json"), default="text")
    handlers.add_argument(
        "--config", type=Path, help="pyproject.toml to use instead of the nearest one"
    )
    commands.add_parser("rules", help="list every rule")
    explain = commands.add_parser("explain", help="print a rule's documentation")
    explain.add_argument("code")
    return parser


def run() -> NoReturn:
    """The console script and ``python -m lambdalint``: main(), then out without freeing
    what the run built, as mypy does (tearing down the parsed trees and the modules took a
    tenth of a small project's run); what it wrote is flushed first."""
    code = main()
    for stream in (sys.stdout, sys.stderr):
        with suppress(OSError):  # a closed pipe (`| head`): nothing more can reach it
            stream.flush()
    os._exit(code)


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return EXIT_ERROR if exit_.code not in (0, None) else EXIT_CLEAN
    try:
        return _dispatch(parser, args)
    except Exception as error:  # noqa: BLE001 - a bug in lambdalint is one line, not a traceback
        print(f"lambdalint: internal error: {type(error).__name__}: {error}", file=sys.stderr)
        return EXIT_ERROR


def _dispatch(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    if args.command == "rules":
        return _rules()
    if args.command == "explain":
        return _explain(args.code)
    if args.command == "check":
        return _check(args)
    if args.command == "handlers":
        return _handlers(args)
    parser.print_help()
    return EXIT_ERROR


def _rules() -> int:
    from lambdalint.registry import INPUT_PROBLEMS, all_checks

    rules: list[type[Check] | InputProblem] = [*all_checks(), *INPUT_PROBLEMS]
    for rule in rules:
        print(f"{rule.code}  {rule.name:<24} {rule.severity:<8} {rule.summary}")
    return EXIT_CLEAN


def _explain(code: str) -> int:
    from lambdalint.registry import documentation, rule_by_code

    rule = rule_by_code(code)
    if rule is None:
        print(f"lambdalint: unknown rule code '{code}'; see 'lambdalint rules'", file=sys.stderr)
        return EXIT_ERROR
    print(f"# {rule.code} {rule.name}\n\n{rule.summary}.\n\n{documentation(rule).strip()}")
    return EXIT_CLEAN


def _handlers(args: argparse.Namespace) -> int:
    from lambdalint.config import ConfigError
    from lambdalint.discovery.model import Discovery
    from lambdalint.handler_table import conventional_rows, render_json, render_text
    from lambdalint.paths import is_dir
    from lambdalint.runner import Options, Run, UsageError

    directory = Path(args.path)
    try:
        if not is_dir(directory):  # or a name the OS refuses
            raise UsageError(f"{args.path}: not a directory")
        run = Run(Options(paths=[args.path], config=args.config))
        project = run.project_for(directory / "__init__.py")  # the directory's own project
        conventional = conventional_rows(run)
    except (ConfigError, UsageError) as error:
        print(f"lambdalint: {error}", file=sys.stderr)
        return EXIT_ERROR
    # the project may reach above the directory (its .git or pyproject.toml): list what the
    # directory declares
    declared_here = Discovery(
        [
            function
            for function in project.discovery.functions
            if run.in_scope(function.declared_in)
        ],
        [note for note in project.discovery.notes if run.in_scope(note.path)],
    )
    if args.format == "json":
        # the JSON stays one row per function for tools; what text prints below the table
        # (notes not about one function) goes to stderr
        for note in declared_here.notes:
            print(
                f"lambdalint: note: {display_path(note.path)}:{note.line}: {note.message}",
                file=sys.stderr,
            )
        sys.stdout.write(render_json(declared_here, conventional))
    else:
        sys.stdout.write(render_text(declared_here, conventional))
    return EXIT_CLEAN


def _record_baseline(path: Path, diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """Write the baseline; what is left to report is what it could not accept."""
    from lambdalint.baseline import write_baseline

    left = write_baseline(path, diagnostics)
    print(
        f"lambdalint: recorded {len(diagnostics) - len(left)} findings in {display_path(path)}",
        file=sys.stderr,
    )
    return left


def _check(args: argparse.Namespace) -> int:
    from lambdalint.baseline import BaselineError
    from lambdalint.config import ConfigError, run_config
    from lambdalint.output import renderer
    from lambdalint.pool import default_jobs
    from lambdalint.progress import counted, progress, summary
    from lambdalint.registry import INTERNAL_ERROR
    from lambdalint.runner import Options, Run, UsageError

    started = time.monotonic()
    stdin = None
    if "-" in args.paths:
        stdin = sys.stdin.buffer.read()
    options = Options(
        paths=args.paths,
        config=args.config,
        handlers=args.handler,
        select=args.select,
        extend_select=args.extend_select,
        ignore=args.ignore,
        stdin=stdin,
        stdin_filename=args.stdin_filename,
        baseline=args.baseline,
        apply_baselines=args.write_baseline is None,
        jobs=args.jobs or default_jobs(),
        cache=not args.no_cache,
        cache_dir=args.cache_dir.resolve() if args.cache_dir else None,
        fix=args.fix or args.fix_only or args.diff,
        unsafe_fixes=args.unsafe_fixes,
        write_fixes=not args.diff,
    )
    try:
        settings = run_config(args.config)
        output_format = args.format or settings.output_format or "text"
        output_file = args.output_file or settings.output_file
        if args.statistics and output_format != "text":
            raise UsageError("--statistics works with --format text only")
        # a person watches a text run on a terminal; a program reads the other formats
        watched = output_format == "text" and sys.stderr.isatty()
        run = Run(options)
        with progress(sys.stderr, run.checked) if watched else nullcontext():
            result = run.execute()
        if args.write_baseline is not None:
            result.diagnostics = _record_baseline(args.write_baseline, result.diagnostics)
    except (ConfigError, UsageError, BaselineError) as error:
        print(f"lambdalint: {error}", file=sys.stderr)
        return EXIT_ERROR
    for warning in run.warnings:
        print(f"lambdalint: warning: {warning}", file=sys.stderr)
    if args.verbose:
        for note in run.cache_notes():
            print(f"lambdalint: cache: {note}", file=sys.stderr)
    for skipped in result.skipped:
        print(f"lambdalint: note: {display_path(skipped.path)}: {skipped.reason}", file=sys.stderr)
    failed = any(item.code == INTERNAL_ERROR.code for item in result.diagnostics)
    if args.diff or args.fix_only:
        return _fixes_only(run, args.diff, failed)
    color = (
        output_format == "text"
        and output_file is None
        and sys.stdout.isatty()
        and not os.environ.get("NO_COLOR")
    )
    report = renderer(output_format)(result.diagnostics, color)
    if args.statistics:
        counts = Counter((item.code, item.name) for item in result.diagnostics)
        report += "".join(
            f"{count:<5} {code} {name}\n" for (code, name), count in sorted(counts.items())
        )
    if not _deliver(report, output_file):
        return EXIT_ERROR
    if options.fix:
        fixed = sum(item.fixes for item in run.fixed)
        found = counted(len(result.diagnostics) + fixed, "finding")
        print(
            f"Found {found} ({fixed} fixed, {len(result.diagnostics)} remaining).", file=sys.stderr
        )
    if watched:
        seconds = time.monotonic() - started
        print(summary(len(result.diagnostics), run.checked, seconds), file=sys.stderr)
        if not options.fix:
            _available_fixes(run, result.diagnostics)
    if failed:
        return EXIT_ERROR
    if result.diagnostics and not args.exit_zero:
        return EXIT_FINDINGS
    return EXIT_CLEAN


def _fixes_only(run: Run, diff: bool, failed: bool) -> int:
    """--diff and --fix-only: what the fixes change, never the findings."""
    import difflib

    from lambdalint.progress import counted

    fixed = sum(item.fixes for item in run.fixed)
    if diff:
        for item in sorted(run.fixed, key=lambda item: display_path(item.path)):
            shown = display_path(item.path)
            sys.stdout.writelines(
                difflib.unified_diff(
                    item.before.splitlines(keepends=True),
                    item.after.splitlines(keepends=True),
                    shown,
                    shown,
                )
            )
        print(f"Would fix {counted(fixed, 'finding')}.", file=sys.stderr)
    else:
        print(f"Fixed {counted(fixed, 'finding')}.", file=sys.stderr)
    if failed:
        return EXIT_ERROR
    return EXIT_FINDINGS if diff and fixed else EXIT_CLEAN


def _available_fixes(run: Run, diagnostics: list[Diagnostic]) -> None:
    """ruff's hint, after the summary a person sees: how many findings --fix would fix, and
    how many more --unsafe-fixes."""
    from lambdalint.diagnostics import SAFE

    available = [item for item in diagnostics if run.wants_fixed(item)]
    hidden = [
        item
        for item in diagnostics
        if item.fix is not None and item.fix.applicability != SAFE and not run.wants_fixed(item)
    ]
    more = (
        f" ({len(hidden)} hidden fix{'es' * (len(hidden) != 1)} can be enabled with the"
        " `--unsafe-fixes` option)"
        if hidden
        else ""
    )
    if available:
        print(f"[*] {len(available)} fixable with the `--fix` option{more}.", file=sys.stderr)
    elif hidden:
        print(f"No fixes available{more}.", file=sys.stderr)


def _deliver(report: str, output_file: Path | None) -> bool:
    """Print the report, or write it to output_file; False when that cannot be written."""
    if output_file is None:
        with suppress(BrokenPipeError):  # the reader stopped (`| head`): it has what it wanted
            sys.stdout.write(report)
            sys.stdout.flush()
        return True
    try:
        output_file.parent.mkdir(parents=True, exist_ok=True)
        output_file.write_text(report, encoding="utf-8")
    except OSError as error:
        print(
            f"lambdalint: {display_path(output_file)}: cannot write the report: {error.strerror}",
            file=sys.stderr,
        )
        return False
    return True
