"""`lambdalint handlers`: every deployed function and what lambdalint makes of it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from e2e import lambdalint, write

PROJECTS = Path(__file__).parent / "projects"
REPO = Path(__file__).resolve().parents[1]

SAM_TABLE = """\
NAME                   RUNTIME     HANDLER                   CODE                                             DECLARED IN                       TRIGGERS          INTENT
InvoiceFunction        python3.13  index.generate            services/billing/template.yml (inline):generate  services/billing/template.yml:7   -
ChargeFunction         python3.13  handlers/charge.handle    services/billing/handlers/charge.py:handle       services/billing/template.yml:15  SQS
LegacyIngestFunction   python3.9   ingest.main               legacy/ingest.py:main                            stacks/legacy.json:9              Kinesis, S3
HealthCheckFunction    python3.12  index.handler             stacks/legacy.json (inline):handler              stacks/legacy.json:24             SNS, FunctionUrl
OrphanFunction         python3.12  -                         not checked: no handler                          stacks/legacy.json:30             -
ThumbnailFunction      python3.12  app.lambda_handler        src/thumbnails/app.py:lambda_handler             template.yaml:16                  S3
CreateOrderFunction    python3.12  orders.api.create_order   src/orders/api.py:create_order                   template.yaml:28                  Api
GetOrderFunction       python3.12  orders.api.get_order      src/orders/api.py:get_order                      template.yaml:45                  HttpApi
ProcessOrderFunction   python3.12  orders.processor.process  src/orders/processor.py:process                  template.yaml:57                  SQS, DynamoDB     recursion allowed
NightlyReportFunction  python3.11  nightly.run               functions/reports/nightly.py:run                 template.yaml:104                 Schedule, SNS
ArchiveOrderFunction   python3.12  orders.archive.handler    LAM007: module not found                         template.yaml:119                 -
FrontendFunction       nodejs20.x  index.handler             not checked: nodejs20.x                          template.yaml:125                 FunctionUrl
ResizeImageFunction    -           -                         not checked: image                               template.yaml:130                 -
PrebuiltFunction       python3.12  prebuilt.handler          not checked: no local code                       template.yaml:143                 -
ExportFunction         python3.12  export.handler            not checked: no local code                       template.yaml:151                 -
SharedFunction         python3.12  shared.handler            not checked: no local code                       template.yaml:157                 -

stacks/broken.yaml:8: invalid YAML: expected ',' or ']', but got ':'
stacks/legacy.json:30: function OrphanFunction has no Handler; Lambda cannot invoke it: set Handler to module.function
stacks/legacy.json:34: Code names an S3 object; its code is not local and is not checked
template.yaml:142: CodeUri names an S3 object; its code is not local and is not checked
template.yaml:148: CodeUri names an S3 object; its code is not local and is not checked
template.yaml:156: CodeUri '../shared' lies outside the project being checked; its code is not checked
"""


def copy_project(name: str, tmp_path: Path) -> Path:
    return shutil.copytree(PROJECTS / name, tmp_path / name)


def test_the_table_lists_every_function_and_the_notes(tmp_path: Path) -> None:
    run = lambdalint("handlers", cwd=copy_project("sam-app", tmp_path))
    assert (run.code, run.stderr) == (0, "")
    assert run.stdout == SAM_TABLE


def test_the_path_argument_names_the_project(tmp_path: Path) -> None:
    copy_project("sam-app", tmp_path)
    run = lambdalint("handlers", "sam-app", cwd=tmp_path)
    assert run.stdout.splitlines()[2].split() == [
        "ChargeFunction", "python3.13", "handlers/charge.handle",
        "sam-app/services/billing/handlers/charge.py:handle",
        "sam-app/services/billing/template.yml:15", "SQS"]


@pytest.mark.parametrize(("project", "expected"), [
    ("serverless-app", [
        ("createOrder", "src/handlers/orders.py:create"),
        ("getOrder", "src/handlers/orders.py:get"),
        ("onUpload", "src/handlers/uploads.py:on_upload"),
        ("processQueue", "src/handlers/orders.py:process"),
        ("cleanup", "src/jobs/cleanup.py:run"),
        ("archive", "LAM007: module not found"),
        ("render-page", "not checked: nodejs20.x"),
        ("thumbnail", "not checked: image"),
        ("report", "not checked: no handler"),
        ("export", "not checked: no local code"),
        ("notify", "not checked: nodejs"),
        ("charge", "services/payments/charge/app.py:handler"),
        ("refund", "not checked: no local code"),
        ("webhook", "not checked: no handler"),
    ]),
    ("cdk-app", [
        ("OrdersFunction", "functions/orders/app.py:handler"),
        ("Thumbnails", "functions/thumbnails/resize.py:lambda_handler"),
        ("Audit", "stacks/orders_stack.py (inline):handler"),
        ("Ingest", "services/ingest/index.py:handler"),
        ("Reports", "services/reports/handlers/daily.py:run"),
        ("Frontend", "not checked: nodejs20.x"),
        ("Renderer", "not checked: image"),
        ("Configured", "not checked: no handler"),
    ]),
    ("terraform-app", [
        ("aws_lambda_function.orders", "src/orders/app.py:handler"),
        ("module.reports", "src/reports/index.py:lambda_handler"),
        ("module.legacy", "not checked: no local code"),
        ("aws_lambda_function.archiver", "not checked: no local code"),
        ("aws_lambda_function.renderer", "not checked: image"),
        ("aws_lambda_function.notifier", "not checked: nodejs20.x"),
        ("aws_lambda_function.dynamic", "not checked: no handler"),
        ("aws_lambda_function.thumbnail", "src/thumbnail/resize.py:lambda_handler"),
    ]),
])
def test_json_says_where_each_function_resolves(project: str, expected: list, tmp_path: Path) -> None:
    run = lambdalint("handlers", "--format", "json", cwd=copy_project(project, tmp_path))
    assert (run.code, run.stderr) == (0, "")
    assert [(row["name"], row["code"]) for row in json.loads(run.stdout)] == expected


def test_json_rows_have_stable_keys(tmp_path: Path) -> None:
    run = lambdalint("handlers", "--format", "json", cwd=copy_project("sam-app", tmp_path))
    rows = json.loads(run.stdout)
    assert {tuple(row) for row in rows} == {(
        "name", "source", "runtime", "handler", "code", "declared_in", "triggers",
        "recursion_allowed", "notes")}
    process = next(row for row in rows if row["name"] == "ProcessOrderFunction")
    assert (process["recursion_allowed"], process["triggers"]) == (True, [
        {"type": "SQS", "resource": "GetAtt:OrdersQueue.Arn", "prefix": None, "suffix": None},
        {"type": "DynamoDB", "resource": "GetAtt:OrdersTable.StreamArn", "prefix": None,
         "suffix": None},
    ])


def test_the_readme_shows_the_examples_real_handlers_table() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    shown = readme.split("$ lambdalint handlers docs/examples/orders-app\n", 1)[1].split("```", 1)[0]
    assert shown == lambdalint("handlers", "docs/examples/orders-app", cwd=REPO).stdout


def test_a_configuration_error_exits_2(tmp_path: Path) -> None:
    write(tmp_path, {"pyproject.toml": "[tool.lambdalint]\ndiscover = 3\n"})
    run = lambdalint("handlers", cwd=tmp_path)
    assert (run.code, run.stdout, run.stderr) == (
        2, "", "lambdalint: pyproject.toml:2: 'discover' must be a list of strings\n")


def test_a_path_that_is_not_a_directory_exits_2(tmp_path: Path) -> None:
    run = lambdalint("handlers", "nowhere", cwd=tmp_path)
    assert (run.code, run.stdout, run.stderr) == (2, "", "lambdalint: nowhere: not a directory\n")
