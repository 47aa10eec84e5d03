"""Reach across the code root, through the real CLI: a handler's calls into other modules are
checked where the code is, say how they are reached in every format, and stop where the
runtime could not import the module."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from e2e import lambdalint, write

TEMPLATE = """\
AWSTemplateFormatVersion: "2010-09-09"
Transform: AWS::Serverless-2016-10-31
Resources:
  Orders:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      CodeUri: functions/orders/
      Handler: app.lambda_handler
"""
HANDLER = """\
from service import process


def lambda_handler(event, context):
    return process(event)
"""
SERVICE = """\
from storage import connect


def process(event):
    return connect().get_item(Key={"id": event["id"]})
"""
STORAGE = """\
import boto3


def connect():
    return boto3.resource("dynamodb").Table("orders")
"""
FINDING = (
    'functions/orders/storage.py:5:12: LAM004 boto3.resource("dynamodb") is created on every'
    " invocation; create it once at module level and reuse it; reached from lambda_handler"
    " via functions/orders/app.py:5 process() -> functions/orders/service.py:5 connect()\n"
)


def project(tmp_path: Path, files: dict[str, str]) -> Path:
    return write(
        tmp_path, {"pyproject.toml": "[tool.lambdalint]\n", "template.yaml": TEMPLATE, **files}
    )


def check(root: Path, *args: str) -> str:
    run = lambdalint("check", "--no-cache", *args, cwd=root)
    assert run.code in (0, 1), run.stderr
    return run.stdout


def test_a_creation_two_modules_away_is_reported_where_it_is_with_the_calls_that_reach_it(
    tmp_path: Path,
) -> None:
    root = project(
        tmp_path,
        {
            "functions/orders/app.py": HANDLER,
            "functions/orders/service.py": SERVICE,
            "functions/orders/storage.py": STORAGE,
        },
    )
    assert check(root) == FINDING


def test_json_and_sarif_carry_each_call_as_a_related_location(tmp_path: Path) -> None:
    root = project(
        tmp_path,
        {
            "functions/orders/app.py": HANDLER,
            "functions/orders/service.py": SERVICE,
            "functions/orders/storage.py": STORAGE,
        },
    )
    (finding,) = json.loads(check(root, "--format", "json"))
    assert (finding["path"], finding["line"]) == ("functions/orders/storage.py", 5)
    assert finding["related"] == [
        {"path": "functions/orders/app.py", "line": 5, "column": 12, "label": "call of process"},
        {
            "path": "functions/orders/service.py",
            "line": 5,
            "column": 12,
            "label": "call of connect",
        },
    ]
    (result,) = json.loads(check(root, "--format", "sarif"))["runs"][0]["results"]
    related = [
        (
            place["physicalLocation"]["artifactLocation"]["uri"],
            place["physicalLocation"]["region"]["startLine"],
        )
        for place in result["relatedLocations"]
    ]
    assert related == [("functions/orders/app.py", 5), ("functions/orders/service.py", 5)]


def test_a_module_outside_the_declared_code_root_is_not_followed(tmp_path: Path) -> None:
    """The runtime puts only the code root on sys.path: a module beside it is not importable."""
    root = project(
        tmp_path,
        {"functions/orders/app.py": HANDLER, "service.py": SERVICE, "storage.py": STORAGE},
    )
    assert check(root) == ""


def test_a_package_installed_into_the_code_root_is_not_followed(tmp_path: Path) -> None:
    root = project(
        tmp_path,
        {
            "functions/orders/app.py": HANDLER,
            "functions/orders/service/__init__.py": SERVICE,
            "functions/orders/service-1.0.dist-info/RECORD": "service/__init__.py,,\n",
            "functions/orders/storage.py": STORAGE,
        },
    )
    assert check(root) == ""


def test_a_relative_import_in_a_top_level_module_reaches_nothing(tmp_path: Path) -> None:
    """`from .service import process` in the code root's own module fails at import."""
    root = project(
        tmp_path,
        {
            "functions/orders/app.py": HANDLER.replace("from service", "from .service"),
            "functions/orders/service.py": SERVICE,
            "functions/orders/storage.py": STORAGE,
        },
    )
    assert check(root) == ""


def test_code_two_handlers_reach_is_reported_once(tmp_path: Path) -> None:
    root = project(
        tmp_path,
        {
            "functions/orders/app.py": HANDLER,
            "functions/orders/refunds.py": HANDLER.replace("lambda_handler", "refund"),
            "functions/orders/service.py": SERVICE,
            "functions/orders/storage.py": STORAGE,
        },
    )
    assert check(root) == FINDING


@pytest.mark.parametrize(
    "config",
    [
        '[tool.lambdalint]\nper-file-ignores = {"functions/orders/storage.py" = ["LAM004"]}\n',
        '[tool.lambdalint]\nextend-exclude = ["functions/orders/storage.py"]\n',
    ],
    ids=["per-file-ignores", "extend-exclude"],
)
def test_the_reached_module_s_own_ignores_and_exclusions_apply(tmp_path: Path, config: str) -> None:
    root = project(
        tmp_path,
        {
            "functions/orders/app.py": HANDLER,
            "functions/orders/service.py": SERVICE,
            "functions/orders/storage.py": STORAGE,
            "pyproject.toml": config,
        },
    )
    assert check(root) == ""


def test_a_module_several_handlers_reach_is_parsed_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Three handler files reach storage.py: it is parsed once in the process, and each
    handler's result names it among the modules it read (for the cache)."""
    import libcst

    from lambdalint.engine import FileTask, check_file

    root = write(
        tmp_path,
        {
            **{
                f"h{n}.py": HANDLER.replace("service", "storage").replace("process", "connect")
                for n in range(3)
            },
            "storage.py": STORAGE,
        },
    )
    parsed: list[str] = []
    real_parse = libcst.parse_module

    def parse(text: str) -> libcst.Module:
        parsed.append(text)
        return real_parse(text)

    monkeypatch.setattr(libcst, "parse_module", parse)
    results = [
        check_file(FileTask(root / f"h{n}.py", None, frozenset({"LAM004"}), code_roots=(root,)))
        for n in range(3)
    ]
    assert parsed.count(STORAGE) == 1
    assert [len(result.diagnostics) for result in results] == [1, 1, 1]
    assert all((root / "storage.py").resolve() in dict(result.reads) for result in results)
