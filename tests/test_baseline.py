"""The baseline as a user adopts lambdalint with it: record today's findings, fail on new ones."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from e2e import lambdalint, write

from lambdalint.baseline import write_baseline
from lambdalint.diagnostics import Diagnostic

EXAMPLE = Path(__file__).resolve().parents[1] / "docs" / "examples" / "orders-app"

CLIENT_HANDLER = (
    "import boto3\n\n\n"
    "def lambda_handler(event, context):\n"
    '    s3 = boto3.client("s3")\n'
    '    return s3.list_buckets()["Owner"]["ID"]\n'
)
# the same mistake, word for word, in a second handler of the same module
SECOND_CLIENT_HANDLER = (
    "\n\ndef other_handler(event, context):\n"
    '    s3 = boto3.client("s3")\n'
    '    return s3.list_buckets()["Owner"]["ID"]\n'
)
CLIENT_MESSAGE = (
    'LAM004 boto3.client("s3") is created on every invocation;'
    " create it once at module level and reuse it"
)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """One LAM004 finding, in app.py at line 5."""
    return write(
        tmp_path / "proj", {"pyproject.toml": "[tool.lambdalint]\n", "app.py": CLIENT_HANDLER}
    )


def record(project: Path, baseline: str = "baseline.json") -> None:
    run = lambdalint("check", "--write-baseline", baseline, cwd=project)
    assert (run.code, run.stdout) == (0, "")
    assert run.stderr == f"lambdalint: recorded 1 findings in {baseline}\n"


def test_write_baseline_then_baseline_on_the_example_project_exits_0(tmp_path: Path) -> None:
    example = shutil.copytree(EXAMPLE, tmp_path / "orders-app")
    reported = lambdalint("check", "--format", "json", cwd=example)
    assert reported.code == 1
    codes = sorted(finding["code"] for finding in json.loads(reported.stdout))
    assert codes == ["LAM001", "LAM002", "LAM003", "LAM004", "LAM005", "LAM006", "LAM007", "LAM008"]

    written = lambdalint("check", "--write-baseline", "lambdalint-baseline.json", cwd=example)
    assert (written.code, written.stdout) == (0, "")
    assert written.stderr == "lambdalint: recorded 8 findings in lambdalint-baseline.json\n"
    document = json.loads((example / "lambdalint-baseline.json").read_text(encoding="utf-8"))
    assert document["version"] == 1
    assert sorted(entry["code"] for entry in document["findings"]) == codes
    assert {entry["path"] for entry in document["findings"]} == {
        "pyproject.toml",
        "src/orders/api.py",
        "src/orders/create.py",
        "src/orders/fanout.py",
        "src/orders/notify.py",
    }

    baselined = lambdalint("check", "--baseline", "lambdalint-baseline.json", cwd=example)
    assert (baselined.code, baselined.stdout, baselined.stderr) == (0, "", "")


def test_a_recorded_finding_stays_hidden_after_lines_are_inserted_above_it(project: Path) -> None:
    record(project)
    app = project / "app.py"
    app.write_text('"""Orders."""\nimport json\n\n' + CLIENT_HANDLER, encoding="utf-8")
    assert lambdalint("check", cwd=project).stdout == f"app.py:8:10: {CLIENT_MESSAGE}\n"
    run = lambdalint("check", "--baseline", "baseline.json", cwd=project)
    assert (run.code, run.stdout, run.stderr) == (0, "", "")


def test_a_new_finding_of_the_same_rule_in_the_same_file_is_reported(project: Path) -> None:
    record(project)
    (project / "app.py").write_text(
        CLIENT_HANDLER.replace(
            's3 = boto3.client("s3")', 's3 = boto3.client("s3")\n    sqs = boto3.client("sqs")'
        ),
        encoding="utf-8",
    )
    run = lambdalint("check", "--baseline", "baseline.json", cwd=project)
    assert run.stdout == (f"app.py:6:11: {CLIENT_MESSAGE.replace('s3', 'sqs', 1)}\n")
    assert run.code == 1


def test_a_second_identical_instance_is_reported_once(project: Path) -> None:
    record(project)
    (project / "app.py").write_text(CLIENT_HANDLER + SECOND_CLIENT_HANDLER, encoding="utf-8")
    run = lambdalint("check", "--baseline", "baseline.json", cwd=project)
    # the baseline entry absorbs one finding, the first on that text; the copy is new
    assert (run.code, run.stdout) == (1, f"app.py:10:10: {CLIENT_MESSAGE}\n")


def test_rewriting_the_baseline_forgets_fixed_findings(project: Path) -> None:
    record(project)
    (project / "app.py").write_text(
        "def lambda_handler(event, context):\n    pass\n", encoding="utf-8"
    )
    rewritten = lambdalint("check", "--write-baseline", "baseline.json", cwd=project)
    assert rewritten.stderr == "lambdalint: recorded 0 findings in baseline.json\n"
    assert json.loads((project / "baseline.json").read_text(encoding="utf-8")) == {
        "version": 1,
        "findings": [],
    }
    (project / "app.py").write_text(CLIENT_HANDLER, encoding="utf-8")
    assert lambdalint("check", "--baseline", "baseline.json", cwd=project).code == 1
    assert sorted(path.name for path in project.iterdir()) == [
        ".lambdalint_cache",
        "app.py",
        "baseline.json",
        "pyproject.toml",
    ]


@pytest.mark.parametrize(
    ("content", "error"),
    [
        (b"", "baseline.json: baseline is empty; create it with --write-baseline baseline.json"),
        (
            b"  \n",
            "baseline.json: baseline is empty; create it with --write-baseline baseline.json",
        ),
        (
            b'{"version": 1, "findings": [',
            ("baseline.json:1: baseline is not valid JSON: Expecting value"),
        ),
        (b"\xff\xfe", "baseline.json: baseline is not UTF-8 JSON"),
        (b"[]", "baseline.json: not a lambdalint baseline (no 'version' field)"),
        (
            b'{"version": 2, "findings": []}',
            (
                "baseline.json: baseline version 2 is not supported"
                " (expected 1); rewrite it with --write-baseline"
                " baseline.json"
            ),
        ),
        (
            b'{"version": 1}',
            ("baseline.json: 'findings' must be a list of objects with a 'fingerprint'"),
        ),
        (
            b'{"version": 1, "findings": [{"code": "LAM004"}]}',
            "baseline.json: 'findings' must be a list of objects with a 'fingerprint'",
        ),
    ],
)
def test_an_empty_or_corrupt_baseline_is_an_error_not_an_empty_one(
    project: Path, content: bytes, error: str
) -> None:
    (project / "baseline.json").write_bytes(content)
    run = lambdalint("check", "--baseline", "baseline.json", cwd=project)
    assert (run.code, run.stdout, run.stderr) == (2, "", f"lambdalint: {error}\n")


def test_a_missing_baseline_is_an_error(project: Path) -> None:
    run = lambdalint("check", "--baseline", "nowhere.json", cwd=project)
    assert (run.code, run.stdout) == (2, "")
    assert (
        run.stderr == "lambdalint: nowhere.json: cannot read baseline: No such file or directory\n"
    )


def test_the_baseline_config_key_applies_from_any_working_directory(project: Path) -> None:
    (project / "pyproject.toml").write_text(
        '[tool.lambdalint]\nbaseline = "lint/baseline.json"\n', encoding="utf-8"
    )
    (project / "lint").mkdir()
    # --write-baseline ignores the configured baseline: it records every finding
    record(project, "lint/baseline.json")
    assert lambdalint("check", cwd=project).code == 0
    from_outside = lambdalint("check", "proj", cwd=project.parent)
    assert (from_outside.code, from_outside.stdout) == (0, "")
    (project / "app.py").write_text(CLIENT_HANDLER + SECOND_CLIENT_HANDLER, encoding="utf-8")
    assert lambdalint("check", cwd=project).stdout == f"app.py:10:10: {CLIENT_MESSAGE}\n"


def test_a_broken_configured_baseline_is_an_error_even_without_findings(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "pyproject.toml": '[tool.lambdalint]\nbaseline = "baseline.json"\n',
            "baseline.json": "",
            "app.py": "def lambda_handler(event, context):\n    pass\n",
        },
    )
    run = lambdalint("check", cwd=tmp_path)
    assert (run.code, run.stderr) == (
        2,
        (
            "lambdalint: baseline.json: baseline is empty;"
            " create it with --write-baseline baseline.json\n"
        ),
    )


def test_the_command_line_baseline_replaces_the_configured_one(project: Path) -> None:
    (project / "pyproject.toml").write_text(
        '[tool.lambdalint]\nbaseline = "corrupt.json"\n', encoding="utf-8"
    )
    (project / "corrupt.json").write_text("{", encoding="utf-8")
    record(project)
    run = lambdalint("check", "--baseline", "baseline.json", cwd=project)
    assert (run.code, run.stdout, run.stderr) == (0, "", "")


def test_a_baseline_key_that_is_not_a_string_is_a_config_error(project: Path) -> None:
    (project / "pyproject.toml").write_text(
        "[tool.lambdalint]\nbaseline = true\n", encoding="utf-8"
    )
    run = lambdalint("check", cwd=project)
    assert (run.code, run.stderr) == (
        2,
        "lambdalint: pyproject.toml:2: 'baseline' must be a string (a path to a JSON file)\n",
    )


def test_writing_into_a_missing_directory_is_an_error(project: Path) -> None:
    run = lambdalint("check", "--write-baseline", "no/such/dir/baseline.json", cwd=project)
    assert (run.code, run.stdout) == (2, "")
    assert run.stderr == (
        "lambdalint: no/such/dir/baseline.json: cannot write baseline: No such file or directory\n"
    )


def test_a_partial_file_a_killed_writer_left_behind_is_removed(project: Path) -> None:
    half = '{"version": 1, "findings": ['
    # a writer killed mid-write (no such process: pid_max is far below), named as this
    # version names them and as older versions did
    abandoned = [".baseline.json.999999999.0a1b2c3d.partial", ".baseline.json.999999999.partial"]
    writing = f".baseline.json.{os.getpid()}.0a1b2c3d.partial"  # a live process: still writing
    for name in [*abandoned, writing]:
        (project / name).write_text(half, encoding="utf-8")
    record(project)
    assert sorted(path.name for path in project.iterdir()) == [
        writing,
        ".lambdalint_cache",
        "app.py",
        "baseline.json",
        "pyproject.toml",
    ]
    umask = os.umask(0)
    os.umask(umask)
    # created as open() creates files, not with a temporary file's private mode
    assert (project / "baseline.json").stat().st_mode & 0o777 == 0o666 & ~umask


def test_baseline_and_write_baseline_together_are_a_usage_error(project: Path) -> None:
    run = lambdalint("check", "--baseline", "a.json", "--write-baseline", "b.json", cwd=project)
    assert run.code == 2
    assert "argument --write-baseline: not allowed with argument --baseline" in run.stderr


def test_a_crashed_rule_is_never_recorded(tmp_path: Path) -> None:
    crash = Diagnostic(
        tmp_path / "app.py",
        1,
        1,
        1,
        1,
        "LAM901",
        "internal-error",
        "analysing this file failed",
        "error",
    )
    finding = Diagnostic(
        tmp_path / "app.py", 1, 1, 1, 5, "LAM002", "async-handler", "handler is async def", "error"
    )
    (tmp_path / "app.py").write_text(
        "async def lambda_handler(event, context): pass\n", encoding="utf-8"
    )
    assert write_baseline(tmp_path / "baseline.json", [crash, finding]) == [crash]
    recorded = json.loads((tmp_path / "baseline.json").read_text(encoding="utf-8"))["findings"]
    assert [(entry["path"], entry["code"]) for entry in recorded] == [("app.py", "LAM002")]


# Added to a copy of the example, so the baseline holds every kind of finding: a template
# that does not parse (LAM900), a file with a coding cookie, inline code in a template with
# a finding and with a missing function (LAM007 at the template line).
FINGERPRINTED_EXTRAS = {
    "broken.yaml": "Resources:\n  Broken: [a, b\n  Type: AWS::Serverless::Function\n",
    "src/legacy.py": (
        "# -*- coding: latin-1 -*-\n# caf\xe9\n\n\n"
        "async def lambda_handler(event, context):\n    pass\n"
    ).encode("latin-1"),
    "inline.yaml": """\
Transform: AWS::Serverless-2016-10-31
Resources:
  InlineFunction:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: index.lambda_handler
      InlineCode: |
        import boto3


        def lambda_handler(event, context):
            return boto3.client("s3").list_buckets()["Owner"]
  MissingFunction:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: index.missing
      InlineCode: |
        def lambda_handler(event, context):
            return None
""",
}


def test_a_baseline_written_before_findings_carried_their_source_lines_still_matches(
    tmp_path: Path,
) -> None:
    # written by lambdalint when fingerprints re-read each file, over the same project
    recorded = Path(__file__).parent / "data" / "orders-app-baseline-before-locations.json"
    project = write(shutil.copytree(EXAMPLE, tmp_path / "orders-app"), FINGERPRINTED_EXTRAS)
    shutil.copy(recorded, project / "baseline.json")
    for cwd in (project, project / "src"):
        run = lambdalint(
            "check",
            os.path.relpath(project, cwd),
            "--baseline",
            os.path.relpath(project / "baseline.json", cwd),
            cwd=cwd,
        )
        assert (run.code, run.stdout, run.stderr) == (0, "", ""), cwd
    rewritten = lambdalint("check", "--write-baseline", "again.json", cwd=project)
    assert rewritten.stderr == "lambdalint: recorded 12 findings in again.json\n"
    assert (project / "again.json").read_text() == recorded.read_text()
