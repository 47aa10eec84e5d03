"""The ``lambdalint`` command: check, rules, explain."""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from pathlib import Path
from typing import Optional, Sequence

from lambdalint import __version__

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _comma_list(value: str) -> list[str]:
    return [item.strip().upper() for item in value.split(",") if item.strip()]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="lambdalint", description="Static analysis for AWS Lambda handlers written in Python.")
    parser.add_argument("--version", action="version", version=f"lambdalint {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    check = commands.add_parser("check", help="check handlers under the given paths")
    check.add_argument("paths", nargs="*", default=["."], metavar="PATH",
                       help="files or directories; '-' reads one file from standard input")
    check.add_argument("--select", type=_comma_list, help="only these codes or prefixes")
    check.add_argument("--extend-select", type=_comma_list, default=[],
                       help="codes or prefixes to add to the selection")
    check.add_argument("--ignore", type=_comma_list, default=[],
                       help="codes or prefixes to leave out")
    check.add_argument("--format", choices=("text", "json"), default="text")
    check.add_argument("--exit-zero", action="store_true", help="exit 0 even with findings")
    check.add_argument("--statistics", action="store_true", help="count findings per code")
    check.add_argument("--config", type=Path, help="pyproject.toml to use instead of the nearest one")
    check.add_argument("--handler", action="append", default=[], metavar="MODULE.FUNCTION",
                       help="a handler to check (repeatable)")
    check.add_argument("--stdin-filename", help="the file name to give the buffer read from '-'")
    commands.add_parser("rules", help="list every rule")
    explain = commands.add_parser("explain", help="print a rule's documentation")
    explain.add_argument("code")
    return parser


def main(argv: Optional[Sequence[str]] = None) -> int:
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
        if args.statistics and args.format != "text":
            print("lambdalint: --statistics works with --format text only", file=sys.stderr)
            return EXIT_ERROR
        return _check(args)
    parser.print_help()
    return EXIT_ERROR


def _rules() -> int:
    from lambdalint.registry import INPUT_PROBLEMS, all_checks

    for rule in [*all_checks(), *INPUT_PROBLEMS]:
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


def _check(args: argparse.Namespace) -> int:
    from lambdalint.config import ConfigError
    from lambdalint.output import renderer
    from lambdalint.runner import Options, UsageError, lint

    stdin = None
    if "-" in args.paths:
        stdin = sys.stdin.buffer.read()
    options = Options(paths=args.paths, config=args.config, handlers=args.handler,
                      select=args.select, extend_select=args.extend_select, ignore=args.ignore,
                      stdin=stdin, stdin_filename=args.stdin_filename)
    try:
        result = lint(options)
    except (ConfigError, UsageError) as error:
        print(f"lambdalint: {error}", file=sys.stderr)
        return EXIT_ERROR
    color = args.format == "text" and sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    sys.stdout.write(renderer(args.format)(result.diagnostics, color))
    if args.statistics:
        counts = Counter((item.code, item.name) for item in result.diagnostics)
        for (code, name), count in sorted(counts.items()):
            print(f"{count:<5} {code} {name}")
    if any(item.code == "LAM901" for item in result.diagnostics):
        return EXIT_ERROR
    if result.diagnostics and not args.exit_zero:
        return EXIT_FINDINGS
    return EXIT_CLEAN
