"""The naming convention, file by file: what no declaration names is still checked, and
`lambdalint handlers` lists exactly what `check` checks by convention."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from e2e import async_message, lambdalint, write

ASYNC = "async def {name}(event, context):\n    pass\n"

# One repository: orders/ deploys with SAM, reports/ has no template at all.
MONOREPO = {
    "pyproject.toml": "[tool.lambdalint]\n",
    "orders/template.yaml": "Transform: AWS::Serverless-2016-10-31\nResources:\n"
    "  OrdersFunction:\n    Type: AWS::Serverless::Function\n    Properties:\n"
    "      Runtime: python3.12\n      CodeUri: src/\n"
    "      Handler: app.lambda_handler\n",
    # declared: only lambda_handler is a handler here, not audit
    "orders/src/app.py": ASYNC.format(name="lambda_handler") + "\n\n" + ASYNC.format(name="audit"),
    "orders/src/tests/test_app.py": ASYNC.format(name="lambda_handler"),
    "reports/report.py": ASYNC.format(name="main"),
    "reports/jobs/nightly.py": "import asyncio\n\n\n" + ASYNC.format(name="async_handler") + "\n\n"
    "def lambda_handler(event, context):\n"
    "    return asyncio.run(async_handler(event, context))\n",
    "reports/typed.py": "from aws_lambda_powertools.utilities.typing import LambdaContext\n\n\n"
    "def handler(event: dict, context: LambdaContext) -> dict:\n"
    "    return {}\n",
    "reports/queue.py": "def process(evt, _):\n    return None\n",
    "reports/models.py": "class Controller:\n    def handle(self, event, context):\n"
    "        return None\n\n\n"
    "def make():\n    def inner(event, context):\n        return None\n\n"
    "    return inner\n",
    "reports/conftest.py": ASYNC.format(name="lambda_handler"),
    "reports/nightly_test.py": ASYNC.format(name="lambda_handler"),
    "test/events.py": ASYNC.format(name="lambda_handler"),
}

MONOREPO_TABLE = """\
NAME                  RUNTIME     HANDLER                              CODE                                    DECLARED IN                TRIGGERS  INTENT
OrdersFunction        python3.12  app.lambda_handler                   orders/src/app.py:lambda_handler        orders/template.yaml:8     -
reports.jobs.nightly  -           reports.jobs.nightly.lambda_handler  reports/jobs/nightly.py:lambda_handler  reports/jobs/nightly.py:8  -
reports.queue         -           reports.queue.process                reports/queue.py:process                reports/queue.py:1         -
reports.report        -           reports.report.main                  reports/report.py:main                  reports/report.py:1        -
reports.typed         -           reports.typed.handler                reports/typed.py:handler                reports/typed.py:4         -
"""

MONOREPO_FINDINGS = [
    f"orders/src/app.py:1:1: {async_message()}",
    f"reports/report.py:1:1: {async_message('main')}",
]


def test_a_project_without_templates_is_checked_beside_one_with_them(tmp_path: Path) -> None:
    write(tmp_path, MONOREPO)
    check = lambdalint("check", ".", cwd=tmp_path)
    assert (check.stdout.splitlines(), check.code) == (MONOREPO_FINDINGS, 1)
    handlers = lambdalint("handlers", cwd=tmp_path)
    assert (handlers.stdout, handlers.stderr, handlers.code) == (MONOREPO_TABLE, "", 0)


def test_flake8_finds_what_check_finds_by_convention(tmp_path: Path) -> None:
    write(tmp_path, MONOREPO)
    run = lambdalint("--select", "LAM", ".", cwd=tmp_path, command=[sys.executable, "-m", "flake8"])
    assert sorted(run.stdout.splitlines()) == [f"./{line}" for line in MONOREPO_FINDINGS]


def test_a_convention_row_in_json(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "pyproject.toml": "[tool.lambdalint]\n",
            "functions/resize/__init__.py": ASYNC.format(name="lambda_handler"),
        },
    )
    run = lambdalint("handlers", "--format", "json", cwd=tmp_path)
    assert json.loads(run.stdout) == [
        {
            "name": "functions.resize",
            "source": "convention",
            "runtime": None,
            "handler": "functions.resize.lambda_handler",
            "code": "functions/resize/__init__.py:lambda_handler",
            "declared_in": "functions/resize/__init__.py:1",
            "triggers": [],
            "recursion_allowed": False,
            "notes": [],
        }
    ]


def test_a_configured_handler_claims_only_its_own_file(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "pyproject.toml": '[tool.lambdalint]\nhandlers = ["app.run"]\n',
            "app.py": ASYNC.format(name="run") + "\n\n" + ASYNC.format(name="lambda_handler"),
            "worker.py": ASYNC.format(name="lambda_handler"),
        },
    )
    check = lambdalint("check", cwd=tmp_path)
    assert check.stdout.splitlines() == [
        f"app.py:1:1: {async_message('run')}",
        f"worker.py:1:1: {async_message()}",
    ]
    handlers = lambdalint("handlers", cwd=tmp_path)
    assert handlers.stdout.splitlines()[1:] == [
        "worker  -        worker.lambda_handler  worker.py:lambda_handler  worker.py:1  -"
    ]


def test_a_file_python_cannot_parse_is_reported_when_it_could_hold_a_handler(
    tmp_path: Path,
) -> None:
    write(
        tmp_path,
        {
            "pyproject.toml": "[tool.lambdalint]\n",
            "broken.py": "def lambda_handler(event, context):\n    return (1\n",
            "notes.py": "def summary(items):\n    return (1\n",
        },
    )
    check = lambdalint("check", cwd=tmp_path)
    assert check.stdout == "broken.py:2:12: LAM900 syntax error: '(' was never closed\n"
    assert lambdalint("handlers", cwd=tmp_path).stdout.splitlines()[1:] == []


def test_a_generators_template_python_cannot_parse_is_not_reported(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "pyproject.toml": "[tool.lambdalint]\n",
            "{{cookiecutter.project_name}}/hello_world/app.py": "{%- if cookiecutter.tracing == 'enabled' %}\nfrom aws_xray_sdk.core import patch_all\n"
            "{%- endif %}\n\n\ndef lambda_handler(event, context):\n    return {}\n",
            "{{cookiecutter.project_name}}/hello_world/plain.py": ASYNC.format(
                name="lambda_handler"
            ),
        },
    )
    check = lambdalint("check", cwd=tmp_path)
    # the template that parses is code as it is; the one that does not is code once rendered
    assert check.stdout.splitlines() == [
        f"{{{{cookiecutter.project_name}}}}/hello_world/plain.py:1:1: {async_message()}"
    ]


def test_a_file_saved_with_a_bom_is_checked_by_convention(tmp_path: Path) -> None:
    """Editors on Windows may start a UTF-8 file with a BOM, which Python skips: the byte
    prefilter must not take it for the start of the first line."""
    project = write(
        tmp_path,
        {
            "pyproject.toml": "[tool.lambdalint]\n",
            "app.py": b"\xef\xbb\xbf" + ASYNC.format(name="lambda_handler").encode(),
            "jobs.py": b"\xef\xbb\xbflambda_handler = lambda event: None\n",
        },
    )
    run = lambdalint("check", "--no-cache", cwd=project)
    assert run.stdout.splitlines()[0] == f"app.py:1:1: {async_message()}"
    assert run.stdout.splitlines()[1].startswith("jobs.py:1:18: LAM001 ")
