"""The ``lambdalint`` command as a user runs it: flags, output formats, exit codes."""

from __future__ import annotations

import io
import json
import os
import pty
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from e2e import ASYNC_HANDLER, LAMBDALINT, PLAIN_HANDLER, async_message, lambdalint, write

from lambdalint import __version__, cli, progress

MISSING = "LAM007 handler 'app.missing': app.py has no top-level 'missing'"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """One LAM002 finding (app.py) and one LAM007 finding (the missing handler)."""
    return write(
        tmp_path / "proj",
        {
            "pyproject.toml": '[tool.lambdalint]\nhandlers = [\n  "app.lambda_handler",\n'
            '  "app.missing",\n]\n',
            "app.py": ASYNC_HANDLER.format(name="lambda_handler"),
        },
    )


def test_check_defaults_to_the_current_directory_with_paths_relative_to_it(project: Path) -> None:
    run = lambdalint("check", cwd=project)
    assert run.stdout == (f"app.py:1:1: {async_message()}\npyproject.toml:4:3: {MISSING}\n")
    assert (run.code, run.stderr) == (1, "")


def test_paths_are_relative_to_the_current_directory_not_to_the_argument(project: Path) -> None:
    run = lambdalint("check", "proj/app.py", cwd=project.parent)
    assert run.stdout == (
        f"proj/app.py:1:1: {async_message()}\n"
        f"proj/pyproject.toml:4:3: {MISSING.replace('app.py', 'proj/app.py')}\n"
    )


def test_json_format_has_exactly_the_documented_keys(project: Path) -> None:
    run = lambdalint("check", "--format", "json", cwd=project)
    assert run.code == 1
    assert json.loads(run.stdout) == [
        {
            "path": "app.py",
            "line": 1,
            "column": 1,
            "end_line": 2,
            "end_column": 9,
            "code": "LAM002",
            "name": "async-handler",
            "message": async_message()[7:],
            "severity": "error",
            "related": [],
            "fix": {
                "applicability": "safe",
                "message": "Run the coroutine, renamed `_lambda_handler`, from a plain"
                " `lambda_handler`",
                "edits": [
                    {
                        "content": "import asyncio\n\n\ndef lambda_handler(event, context):\n"
                        "    return asyncio.run(_lambda_handler(event, context))\n\n\n",
                        "location": {"row": 1, "column": 1},
                        "end_location": {"row": 1, "column": 1},
                    },
                    {
                        "content": "_lambda_handler",
                        "location": {"row": 1, "column": 11},
                        "end_location": {"row": 1, "column": 25},
                    },
                ],
            },
        },
        {
            "path": "pyproject.toml",
            "line": 4,
            "column": 3,
            "end_line": 4,
            "end_column": 16,
            "code": "LAM007",
            "name": "handler-not-found",
            "message": MISSING[7:],
            "severity": "error",
            "related": [{"path": "app.py", "line": None, "column": None, "label": "module"}],
            "fix": None,
        },
    ]


def test_json_format_of_no_findings_is_an_empty_array(tmp_path: Path) -> None:
    write(tmp_path, {"pyproject.toml": "[tool.lambdalint]\n", "app.py": PLAIN_HANDLER})
    run = lambdalint("check", "--format", "json", cwd=tmp_path)
    assert (run.code, json.loads(run.stdout)) == (0, [])


def test_exit_codes_clean_findings_exit_zero_and_usage(tmp_path: Path, project: Path) -> None:
    write(tmp_path / "clean", {"pyproject.toml": "[tool.lambdalint]\n", "app.py": PLAIN_HANDLER})
    clean = lambdalint("check", cwd=tmp_path / "clean")
    assert (clean.code, clean.stdout) == (0, "")
    assert lambdalint("check", cwd=project).code == 1
    exit_zero = lambdalint("check", "--exit-zero", cwd=project)
    assert (exit_zero.code, exit_zero.stdout.count("\n")) == (0, 2)
    usage = lambdalint("check", "--no-such-flag", cwd=project)
    assert usage.code == 2 and "unrecognized arguments: --no-such-flag" in usage.stderr


@pytest.mark.parametrize(
    ("flags", "codes"),
    [
        (["--select", "LAM002"], ["LAM002"]),
        (["--select", "lam00"], ["LAM002", "LAM007"]),
        (["--select", "LAM007", "--extend-select", "LAM002"], ["LAM002", "LAM007"]),
        (["--ignore", "LAM002"], ["LAM007"]),
        (["--ignore", "LAM00"], []),
        (["--ignore", "LAM0", "--extend-select", "LAM007"], ["LAM007"]),
        (["--select", "LAM002,LAM007", "--ignore", "LAM007"], ["LAM002"]),
    ],
)
def test_select_ignore_and_extend_select_take_code_prefixes(project: Path, flags, codes) -> None:
    run = lambdalint("check", *flags, cwd=project)
    assert [line.split()[1] for line in run.stdout.splitlines()] == codes
    assert run.code == (1 if codes else 0)


@pytest.mark.parametrize("flag", ["--select", "--ignore", "--extend-select"])
def test_an_unknown_code_on_the_command_line_is_a_usage_error(project: Path, flag: str) -> None:
    run = lambdalint("check", flag, "LAM7", cwd=project)
    assert (run.code, run.stdout) == (2, "")
    assert run.stderr == f"lambdalint: {flag}: unknown rule code or prefix 'LAM7'\n"


def test_statistics_count_findings_per_code_after_the_findings(project: Path) -> None:
    run = lambdalint("check", "--statistics", cwd=project)
    assert run.stdout.splitlines()[2:] == [
        "1     LAM002 async-handler",
        "1     LAM007 handler-not-found",
    ]
    assert run.code == 1


def test_statistics_would_corrupt_json_so_the_combination_is_refused(project: Path) -> None:
    run = lambdalint("check", "--statistics", "--format", "json", cwd=project)
    assert (run.code, run.stdout) == (2, "")
    assert run.stderr == "lambdalint: --statistics works with --format text only\n"


def test_config_flag_uses_that_file_and_its_directory_as_code_root(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "pyproject.toml": '[tool.lambdalint]\nselect = ["LAM007"]\n',
            "deploy/lambdalint.toml": '[tool.lambdalint]\nhandlers = ["src/jobs.nightly"]\n',
            "deploy/src/jobs.py": ASYNC_HANDLER.format(name="nightly"),
        },
    )
    run = lambdalint("check", "--config", "deploy/lambdalint.toml", "deploy", cwd=tmp_path)
    assert run.stdout == f"deploy/src/jobs.py:1:1: {async_message('nightly')}\n"


def test_handler_flag_takes_dotted_and_path_forms_and_repeats(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "pyproject.toml": "[tool.lambdalint]\n",
            "pkg/__init__.py": "",
            "pkg/app/__init__.py": "",
            "pkg/app/handler.py": ASYNC_HANDLER.format(name="main"),
            "functions/jobs/nightly.py": ASYNC_HANDLER.format(name="run"),
            "other.py": ASYNC_HANDLER.format(name="lambda_handler"),
        },
    )
    run = lambdalint(
        "check",
        "--handler",
        "pkg.app.handler.main",
        "--handler",
        "functions/jobs/nightly.run",
        cwd=tmp_path,
    )
    # other.py, which no --handler names, is still checked by naming convention
    assert run.stdout == (
        f"functions/jobs/nightly.py:1:1: {async_message('run')}\n"
        f"other.py:1:1: {async_message()}\n"
        f"pkg/app/handler.py:1:1: {async_message('main')}\n"
    )


def test_handler_flag_naming_a_missing_module_is_a_usage_error(tmp_path: Path) -> None:
    write(tmp_path, {"pyproject.toml": "[tool.lambdalint]\n"})
    run = lambdalint("check", "--handler", "orders.lambda_handler", cwd=tmp_path)
    assert (run.code, run.stdout) == (2, "")
    assert run.stderr == (
        "lambdalint: --handler: handler 'orders.lambda_handler': module file"
        " orders.py not found under code root .\n"
    )


def test_stdin_is_checked_under_the_stdin_filename(tmp_path: Path) -> None:
    write(tmp_path, {"pyproject.toml": "[tool.lambdalint]\n", "app.py": PLAIN_HANDLER})
    buffer = ASYNC_HANDLER.format(name="lambda_handler").encode()
    # the editor's unsaved buffer is checked, not the file on disk
    run = lambdalint("check", "-", "--stdin-filename", "app.py", cwd=tmp_path, stdin=buffer)
    assert (run.code, run.stdout) == (1, f"app.py:1:1: {async_message()}\n")
    unnamed = lambdalint("check", "-", cwd=tmp_path, stdin=buffer)
    assert unnamed.stdout == f"stdin.py:1:1: {async_message()}\n"


def test_stdin_filename_finds_its_project_config_and_handler_map(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "pyproject.toml": '[tool.lambdalint]\nhandlers = ["functions/jobs/nightly.run"]\n',
            "functions/jobs/nightly.py": PLAIN_HANDLER,
        },
    )
    buffer = ASYNC_HANDLER.format(name="run").encode()
    run = lambdalint(
        "check", "-", "--stdin-filename", "functions/jobs/nightly.py", cwd=tmp_path, stdin=buffer
    )
    assert run.stdout == f"functions/jobs/nightly.py:1:1: {async_message('run')}\n"


def test_version(tmp_path: Path) -> None:
    run = lambdalint("--version", cwd=tmp_path)
    assert (run.code, run.stdout) == (0, f"lambdalint {__version__}\n")


def test_python_dash_m_lambdalint_is_the_same_command(project: Path) -> None:
    module = lambdalint("check", cwd=project, command=[sys.executable, "-m", "lambdalint"])
    assert module == lambdalint("check", cwd=project)
    assert module.code == 1


def _on_a_terminal(
    project: Path, *args: str, env: dict[str, str] | None = None, stream: str = "stdout"
) -> tuple[bytes, str]:
    """``lambdalint check`` with stream on a terminal: what the terminal showed, and what
    the other stream got."""
    controller, terminal = pty.openpty()
    environment = {key: value for key, value in os.environ.items() if key != "NO_COLOR"}
    other = "stderr" if stream == "stdout" else "stdout"
    completed = subprocess.run(
        [str(LAMBDALINT), "check", *args],
        cwd=project,
        env={**environment, **(env or {})},
        timeout=300,
        **{stream: terminal, other: subprocess.PIPE},
    )
    os.close(terminal)
    output = b""
    while True:
        try:
            chunk = os.read(controller, 65536)
        except OSError:  # the terminal side is closed and drained
            break
        if not chunk:
            break
        output += chunk
    os.close(controller)
    return output, getattr(completed, other).decode()


def test_colours_only_on_a_terminal_and_never_with_no_color(project: Path) -> None:
    assert b"\x1b[31mLAM002\x1b[0m" in _on_a_terminal(project)[0]
    assert b"\x1b[" not in _on_a_terminal(project, env={"NO_COLOR": "1"})[0]
    assert "\x1b[" not in lambdalint("check", cwd=project).stdout


def test_a_summary_ends_a_text_run_on_a_terminal(project: Path) -> None:
    write(project, {"helpers.py": "def helper(value):\n    return value\n"})
    shown, report = _on_a_terminal(project, stream="stderr")
    assert report == lambdalint("check", cwd=project).stdout
    # app.missing is declared but not defined, so not checked; a quick run shows no progress
    # line; the terminal turns each newline into \r\n
    assert re.fullmatch(
        rb"Found 2 findings in 2 files \(1 handler\) in \d+\.\d s\r\n"
        rb"\[\*\] 1 fixable with the `--fix` option\.\r\n",
        shown,
    ), shown


def test_a_long_run_rewrites_one_progress_line_and_erases_it(monkeypatch) -> None:
    monkeypatch.setattr(progress, "PROGRESS_AFTER", 0.0)  # as if two seconds had passed
    terminal = io.StringIO()
    checked = {Path("app.py"): 1, Path("helpers.py"): 0}
    with progress.progress(terminal, checked):
        while not terminal.getvalue():
            time.sleep(0.01)
    assert re.fullmatch(
        r"(\r\x1b\[Klambdalint: 2 files checked, \d+ s)+\r\x1b\[K", terminal.getvalue()
    ), terminal.getvalue()


@pytest.mark.parametrize("output_format", ["json", "sarif", "github", "junit"])
def test_no_summary_beside_a_report_for_programs(project: Path, output_format: str) -> None:
    shown, report = _on_a_terminal(project, "--format", output_format, stream="stderr")
    assert (shown, report) == (
        b"",
        lambdalint("check", "--format", output_format, cwd=project).stdout,
    )


def test_an_unexpected_exception_is_one_line_and_exit_2(monkeypatch, capsys, project: Path) -> None:
    def broken(run):
        raise KeyError("surprise")

    monkeypatch.setattr("lambdalint.runner.Run.execute", broken)
    assert cli.main(["check", str(project)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == "lambdalint: internal error: KeyError: 'surprise'\n"


def test_explain_of_an_unknown_code_is_a_usage_error(tmp_path: Path) -> None:
    run = lambdalint("explain", "LAM999", cwd=tmp_path)
    assert run.code == 2
    assert run.stderr == "lambdalint: unknown rule code 'LAM999'; see 'lambdalint rules'\n"


def test_a_reader_that_stops_early_gets_no_error_and_the_findings_exit_code(
    tmp_path: Path,
) -> None:
    # `lambdalint check . | head -1`: the pipe closes before the report is written
    project = write(tmp_path, {"app.py": "def lambda_handler(event, context):\n    return {1}\n"})
    process = subprocess.Popen(
        [str(LAMBDALINT), "check", "--no-cache", "app.py"],
        cwd=project,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()
    errors = process.stderr.read()
    assert (process.wait(), errors) == (1, b"")
