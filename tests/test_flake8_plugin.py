"""The flake8 plugin, through the real flake8: the same findings as ``lambdalint check``."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import NamedTuple

import pytest
from cases import REPO, Case, all_cases
from e2e import ASYNC_HANDLER, Run, async_message, lambdalint, write

from lambdalint import flake8_plugin, runner
from lambdalint.diagnostics import REACHED_FROM

FLAKE8 = [sys.executable, "-m", "flake8"]
CASES = all_cases()

# No pycodestyle or pyflakes complaint, one LAM004 (line 5) and one LAM005 (line 6).
CLIENT_AND_BUCKET = (
    "import boto3\n\n\n"
    "def lambda_handler(event, context):\n"
    '    s3 = boto3.client("s3")\n'
    '    s3.put_object(Bucket="acme-archive", Key="k", Body=b"")\n'
)
# a client created in a function no convention calls a handler
CLIENT_IN_HELPER = CLIENT_AND_BUCKET.replace(
    "def lambda_handler(event, context)", "def upload(key)"
)
NOT_CONVENTIONAL = (
    "import asyncio\n\n\nasync def process(message, context):\n    await asyncio.sleep(0)\n"
)


class Finding(NamedTuple):
    path: str
    line: int
    column: int
    code: str
    message: str


def flake8(*args: str, cwd: Path, stdin: bytes | None = None) -> Run:
    return lambdalint(*args, cwd=cwd, stdin=stdin, command=FLAKE8)


def findings(output: str) -> set[Finding]:
    """Both tools print ``path:line:column: CODE message``."""
    found = set()
    for line in output.splitlines():
        match = re.fullmatch(r"(.+?):(\d+):(\d+): ([A-Z]+[0-9]+) (.*)", line)
        assert match, f"not a finding: {line!r}"
        path, row, column, code, message = match.groups()
        found.add(Finding(path, int(row), int(column), code, message))
    return found


def codes(run: Run) -> list[str]:
    return sorted(finding.code for finding in findings(run.stdout))


@pytest.fixture(scope="module")
def rule_runs() -> tuple[Run, Run]:
    """One flake8 run and one lambdalint run over every case, compared case by case below."""
    # --isolated: the repository's own flake8 configuration, if any, is not under test
    return (
        flake8("--isolated", "--select", "LAM", "rules", cwd=REPO),
        lambdalint("check", "rules", cwd=REPO),
    )


def in_case(case: Case, run: Run) -> set[Finding]:
    prefix = case.path.relative_to(REPO).as_posix()
    return {
        finding
        for finding in findings(run.stdout)
        if finding.path == prefix or finding.path.startswith(prefix + "/")
    }


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_flake8_reports_what_lambdalint_check_reports(case: Case, rule_runs) -> None:
    under_flake8, under_check = (in_case(case, run) for run in rule_runs)
    # flake8 checks one file at a time: what a handler reaches in another module is not its
    in_python_files = {
        finding
        for finding in under_check
        if finding.path.endswith(".py") and REACHED_FROM not in finding.message
    }
    assert under_flake8 == in_python_files
    # what flake8 cannot show: handler declarations (in pyproject.toml) that do not resolve
    assert {finding.code for finding in under_check if not finding.path.endswith(".py")} <= {
        "LAM007"
    }


def test_the_parity_runs_found_every_rule_and_failed_like_a_linter(rule_runs) -> None:
    flake8_run, check_run = rule_runs
    assert (flake8_run.code, flake8_run.stderr) == (1, "")
    assert (check_run.code, check_run.stderr) == (1, "")
    # every code a case marks in a Python file (LAM007's point at pyproject.toml lines only)
    assert {f.code for f in findings(flake8_run.stdout)} == {
        code for case in CASES for path, _, code in case.expected() if path.endswith(".py")
    }


def test_example_project_lines_are_identical_but_the_pyproject_finding() -> None:
    example = "docs/examples/orders-app"
    flake8_lines = flake8("--isolated", "--select", "LAM", example, cwd=REPO).stdout.splitlines()
    check_lines = lambdalint("check", example, cwd=REPO).stdout.splitlines()
    assert sorted(flake8_lines) == sorted(
        line for line in check_lines if line.split(":", 1)[0].endswith(".py")
    )
    # the README's output: seven findings in Python files, one LAM007 in pyproject.toml
    assert (len(flake8_lines), len(check_lines)) == (7, 8)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return write(tmp_path, {"pyproject.toml": "[tool.lambdalint]\n", "app.py": CLIENT_AND_BUCKET})


def test_findings_carry_lambdalint_positions_and_messages(project: Path) -> None:
    run = flake8("--isolated", "app.py", cwd=project)
    assert run.stdout == lambdalint("check", "app.py", cwd=project).stdout
    assert run.stdout.splitlines()[0] == (
        'app.py:5:10: LAM004 boto3.client("s3") is created on every invocation;'
        " create it once at module level and reuse it"
    )
    assert (run.code, codes(run)) == (1, ["LAM004", "LAM005"])


@pytest.mark.parametrize(
    ("flags", "expected"),
    [
        (["--select", "LAM004"], ["LAM004"]),
        (["--ignore", "LAM005"], ["LAM004"]),
        (["--select", "F", "--extend-select", "LAM005"], ["LAM005"]),
        (["--per-file-ignores", "app.py:LAM004"], ["LAM005"]),
        (["--select", "E", "--extend-select", "LAM", "--extend-ignore", "LAM004"], ["LAM005"]),
    ],
)
def test_flake8_selection_filters_lambdalint_findings(project: Path, flags, expected) -> None:
    assert codes(flake8("--isolated", *flags, "app.py", cwd=project)) == expected


def test_project_selection_still_applies_under_flake8(project: Path) -> None:
    write(project, {"pyproject.toml": '[tool.lambdalint]\nignore = ["LAM005"]\n'})
    assert codes(flake8("--isolated", "--select", "LAM", "app.py", cwd=project)) == ["LAM004"]
    write(
        project, {"pyproject.toml": '[tool.lambdalint.per-file-ignores]\n"app.py" = ["LAM004"]\n'}
    )
    assert codes(flake8("--isolated", "--select", "LAM", "app.py", cwd=project)) == ["LAM005"]


def test_the_project_baseline_hides_the_same_findings_under_flake8(project: Path) -> None:
    write(project, {"pyproject.toml": '[tool.lambdalint]\nbaseline = "baseline.json"\n'})
    assert lambdalint("check", "--write-baseline", "baseline.json", cwd=project).code == 0
    # lines inserted above, and a second client that is new
    source = CLIENT_AND_BUCKET.replace("import boto3\n", "import boto3\nimport os\n")
    write(project, {"app.py": source + '    boto3.client("sqs")\n'})
    run = flake8("--isolated", "--select", "LAM", "app.py", cwd=project)
    assert run.stdout == lambdalint("check", "app.py", cwd=project).stdout
    assert [(f.line, f.code) for f in findings(run.stdout)] == [(8, "LAM004")]


def test_noqa_hides_the_listed_codes_on_the_finding_line(project: Path) -> None:
    lines = CLIENT_AND_BUCKET.splitlines()
    write(
        project,
        {
            "listed.py": "\n".join([*lines[:4], lines[4] + "  # noqa: LAM004", lines[5]]) + "\n",
            "other_code.py": "\n".join([*lines[:4], lines[4] + "  # noqa: E501", lines[5]]) + "\n",
            "bare.py": "\n".join([*lines[:4], lines[4] + "  # noqa", lines[5] + "  # noqa"]) + "\n",
        },
    )
    run = flake8(
        "--isolated", "--select", "LAM", "listed.py", "other_code.py", "bare.py", cwd=project
    )
    assert sorted((f.path, f.code) for f in findings(run.stdout)) == [
        ("listed.py", "LAM005"),
        ("other_code.py", "LAM004"),
        ("other_code.py", "LAM005"),
    ]


def test_disable_noqa_brings_suppressed_findings_back(project: Path) -> None:
    lines = CLIENT_AND_BUCKET.splitlines()
    write(project, {"bare.py": "\n".join([*lines[:4], lines[4] + "  # noqa", lines[5]]) + "\n"})
    hidden = flake8("--isolated", "--select", "LAM", "bare.py", cwd=project)
    shown = flake8("--isolated", "--select", "LAM", "--disable-noqa", "bare.py", cwd=project)
    assert [f.code for f in findings(hidden.stdout)] == ["LAM005"]
    assert sorted(f.code for f in findings(shown.stdout)) == ["LAM004", "LAM005"]


def test_parallel_jobs_give_the_same_findings_as_one_process(project: Path) -> None:
    write(project, {f"handler_{n}.py": CLIENT_AND_BUCKET for n in range(4)})
    one = flake8("--isolated", "--select", "LAM", "--jobs", "1", ".", cwd=project)
    two = flake8("--isolated", "--select", "LAM", "--jobs", "2", ".", cwd=project)
    assert (two.stdout, two.stderr) == (one.stdout, "")
    assert len(findings(two.stdout)) == 10


def test_handlers_option_on_the_command_line(tmp_path: Path) -> None:
    write(tmp_path, {"app.py": NOT_CONVENTIONAL})
    assert flake8("--isolated", "--select", "LAM", ".", cwd=tmp_path).stdout == ""
    run = flake8(
        "--isolated", "--select", "LAM", "--lambdalint-handlers", "app.process", ".", cwd=tmp_path
    )
    assert run.stdout == f"./app.py:4:1: {async_message('process')}\n"
    assert findings(run.stdout) == {
        finding._replace(path="./app.py")
        for finding in findings(
            lambdalint("check", "--handler", "app.process", ".", cwd=tmp_path).stdout
        )
    }


@pytest.mark.parametrize("config_file", ["setup.cfg", ".flake8"])
def test_handlers_option_in_a_flake8_config_file(tmp_path: Path, config_file: str) -> None:
    write(
        tmp_path,
        {
            "app.py": NOT_CONVENTIONAL,
            "jobs/nightly.py": ASYNC_HANDLER.format(name="run"),
            config_file: "[flake8]\nselect = LAM\nlambdalint-handlers =\n    app.process,\n"
            "    jobs/nightly.run\n",
        },
    )
    run = flake8("app.py", "jobs/nightly.py", cwd=tmp_path)
    assert run.stdout == (
        f"app.py:4:1: {async_message('process')}\njobs/nightly.py:1:1: {async_message('run')}\n"
    )


def test_handlers_option_adds_to_the_project_handlers(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "pyproject.toml": '[tool.lambdalint]\nhandlers = ["jobs/nightly.run"]\n',
            "app.py": NOT_CONVENTIONAL,
            "jobs/nightly.py": ASYNC_HANDLER.format(name="run"),
        },
    )
    run = flake8(
        "--isolated",
        "--select",
        "LAM",
        "--lambdalint-handlers=app.process",
        "app.py",
        "jobs/nightly.py",
        cwd=tmp_path,
    )
    assert [(f.path, f.code) for f in sorted(findings(run.stdout))] == [
        ("app.py", "LAM002"),
        ("jobs/nightly.py", "LAM002"),
    ]


@pytest.mark.parametrize(
    ("files", "flags", "message"),
    [
        (
            {"app.py": NOT_CONVENTIONAL},
            ["--lambdalint-handlers", "missing.run"],
            (
                "--lambdalint-handlers: handler 'missing.run': module file missing.py not found"
                " under code root ."
            ),
        ),
        (
            {"app.py": NOT_CONVENTIONAL, "pyproject.toml": "[tool.lambdalint]\nhandlrs = []\n"},
            [],
            "pyproject.toml:2: unknown key 'handlrs' in [tool.lambdalint]; did you mean 'handlers'?",
        ),
    ],
)
def test_a_configuration_error_is_one_line_naming_the_file(
    tmp_path: Path, files, flags, message
) -> None:
    write(tmp_path, files)
    run = flake8("--isolated", "--select", "LAM", *flags, "app.py", cwd=tmp_path)
    assert run.code == 1
    assert run.stdout.splitlines()[0] == (
        f'app.py: "lambdalint[LAM]" failed during execution due to {message}'
    )
    assert "Traceback" not in run.stdout + run.stderr


def test_a_syntax_error_is_reported_once_by_flake8(tmp_path: Path) -> None:
    write(tmp_path, {"app.py": "def lambda_handler(event, context):\n    return {\n"})
    assert codes(lambdalint("check", "app.py", cwd=tmp_path)) == ["LAM900"]
    run = flake8("--isolated", "--select", "E,LAM", "app.py", cwd=tmp_path)
    assert codes(run) == ["E999"]


def test_files_without_handlers_produce_nothing(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "by_convention/pyproject.toml": "[tool.lambdalint]\n",
            "by_convention/helpers.py": CLIENT_IN_HELPER,
            "configured/pyproject.toml": '[tool.lambdalint]\nhandlers = ["app.lambda_handler"]\n',
            # main is shaped like a handler, but this file's handlers are the configured ones
            "configured/app.py": "def lambda_handler(event, context):\n    return {}\n\n\n"
            "async def main(event, context):\n    pass\n",
            "configured/legacy.py": CLIENT_IN_HELPER,
        },
    )
    run = flake8("--isolated", "--select", "LAM", ".", cwd=tmp_path)
    assert (run.code, run.stdout, run.stderr) == (0, "", "")
    assert lambdalint("check", ".", cwd=tmp_path).stdout == ""


def test_columns_count_characters_in_a_file_with_a_coding_cookie(tmp_path: Path) -> None:
    # "é" is one character but two bytes in UTF-8: a column after it tells the two apart
    source = CLIENT_AND_BUCKET.replace(
        'Bucket="acme-archive", Key="k"', 'Key="caf\u00e9", Bucket="acme-archive"'
    )
    write(tmp_path, {"app.py": ("# -*- coding: latin-1 -*-\n" + source).encode("latin-1")})
    run = flake8("--isolated", "--select", "LAM", "app.py", cwd=tmp_path)
    assert run.stdout == lambdalint("check", "app.py", cwd=tmp_path).stdout
    assert ("app.py", 7, 38, "LAM005") in {f[:4] for f in findings(run.stdout)}


def test_an_editor_buffer_on_stdin_is_checked_as_the_named_file(project: Path) -> None:
    buffer = CLIENT_AND_BUCKET.replace('"s3"', '"sqs"').encode()
    run = flake8(
        "--isolated",
        "--select",
        "LAM",
        "--stdin-display-name",
        "app.py",
        "-",
        cwd=project,
        stdin=buffer,
    )
    assert (
        run.stdout
        == lambdalint("check", "--stdin-filename", "app.py", "-", cwd=project, stdin=buffer).stdout
    )
    assert 'boto3.client("sqs")' in run.stdout


def test_the_plugin_reports_what_check_reports_on_the_example_project() -> None:
    # a real handler fixture set, linted with itself both ways: findings in Python files agree
    example = "docs/examples/orders-app"
    checked = findings(lambdalint("check", example, cwd=REPO).stdout)
    plugin = findings(flake8("--isolated", "--select", "LAM", example, cwd=REPO).stdout)
    in_python_files = {finding for finding in checked if finding.path.endswith(".py")}
    assert len(in_python_files) >= 6  # every rule that reports in code has a finding there
    assert plugin == in_python_files


def parse_flake8_options(*args: str) -> None:
    """The plugin's options, parsed by flake8 itself from a command line."""
    from flake8.options.parse_args import parse_args

    _, options = parse_args(["--isolated", *args])
    flake8_plugin.Plugin.parse_options(options)


def plugin_findings(path: Path) -> list[tuple]:
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    return list(flake8_plugin.Plugin(None, str(path), lines).run())


def test_each_project_config_is_loaded_once_per_process(tmp_path: Path, monkeypatch) -> None:
    write(
        tmp_path,
        {
            "pyproject.toml": "[tool.lambdalint]\n",
            "a.py": CLIENT_AND_BUCKET,
            "pkg/b.py": CLIENT_AND_BUCKET,
            "pkg/c.py": CLIENT_AND_BUCKET,
        },
    )
    loaded: list[Path] = []
    real_load_config = runner.load_config
    monkeypatch.setattr(
        runner, "load_config", lambda path: loaded.append(path) or real_load_config(path)
    )
    parse_flake8_options("--select", "LAM")
    reported = [plugin_findings(tmp_path / name) for name in ("a.py", "pkg/b.py", "pkg/c.py")]
    assert [len(found) for found in reported] == [2, 2, 2]
    assert loaded == [tmp_path / "pyproject.toml"]


def test_a_file_that_is_not_a_handler_module_is_never_parsed(tmp_path: Path, monkeypatch) -> None:
    import libcst

    write(
        tmp_path,
        {
            "pyproject.toml": '[tool.lambdalint]\nhandlers = ["app.lambda_handler"]\n',
            "app.py": CLIENT_AND_BUCKET,
            "helpers.py": CLIENT_IN_HELPER,
        },
    )
    parse_flake8_options("--select", "LAM")
    assert len(plugin_findings(tmp_path / "app.py")) == 2

    def fail(*args, **kwargs):
        raise AssertionError("parsed a file that holds no handler")

    monkeypatch.setattr(libcst, "parse_module", fail)
    assert plugin_findings(tmp_path / "helpers.py") == []


UNUSED_IMPORT = "./unused.py:1:1: F401 'os' imported but unused\n"


@pytest.mark.parametrize(
    ("flags", "output"),
    [
        (["--select", "F"], UNUSED_IMPORT),
        (["--extend-ignore", "LAM"], UNUSED_IMPORT),
        (["--select", "E,W"], ""),
    ],
)
def test_no_project_is_read_when_flake8_shows_no_lam_code(project: Path, flags, output) -> None:
    # a broken configuration would otherwise be a "failed during execution" line per file
    write(
        project, {"pyproject.toml": "[tool.lambdalint]\nhandlrs = []\n", "unused.py": "import os\n"}
    )
    run = flake8("--isolated", *flags, ".", cwd=project)
    assert (run.code, run.stdout, run.stderr) == (1 if output else 0, output, "")


def test_one_selected_code_is_enough_to_check(project: Path, monkeypatch) -> None:
    discovered: list[Path] = []
    real_discover = runner.discover
    monkeypatch.setattr(
        runner,
        "discover",
        lambda root, *args: discovered.append(root) or real_discover(root, *args),
    )
    parse_flake8_options("--select", "F")
    assert plugin_findings(project / "app.py") == []
    assert discovered == []
    parse_flake8_options("--select", "F", "--extend-select", "LAM005")
    assert [message.split()[0] for _, _, message, _ in plugin_findings(project / "app.py")] == [
        "LAM004",
        "LAM005",
    ]
    assert discovered == [project]
