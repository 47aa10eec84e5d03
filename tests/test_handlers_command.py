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
SharedFunction         python3.12  shared.handler            not checked: code folder not found               template.yaml:157                 -
scripts.backfill       -           scripts.backfill.handler  scripts/backfill.py:handler                      scripts/backfill.py:2             -

stacks/broken.yaml:8: invalid YAML: expected ',' or ']', but got ':'
stacks/legacy.json:30: function OrphanFunction has no Handler; Lambda cannot invoke it: set Handler to module.function
stacks/legacy.json:34: Code names an S3 object; its code is not local and is not checked
template.yaml:136: ResizeImageFunction: the image built from resize/Dockerfile is not checked: the Dockerfile does not exist
template.yaml:142: CodeUri names an S3 object; its code is not local and is not checked
template.yaml:148: CodeUri names an S3 object; its code is not local and is not checked
template.yaml:156: CodeUri '../shared' does not exist in the repository (a build output, or not built yet); its code is not checked
"""
SERVERLESS_TABLE = """\
NAME          RUNTIME     HANDLER                         CODE                                     DECLARED IN                           TRIGGERS                 INTENT
createOrder   python3.12  src/handlers/orders.create      src/handlers/orders.py:create            serverless.yml:22                     Api, HttpApi
getOrder      python3.12  src.handlers.orders.get         src/handlers/orders.py:get               serverless.yml:34                     HttpApi, FunctionUrl
onUpload      python3.12  src/handlers/uploads.on_upload  src/handlers/uploads.py:on_upload        serverless.yml:42                     S3                       recursion allowed
processQueue  python3.11  src/handlers/orders.process     src/handlers/orders.py:process           serverless.yml:56                     SQS, SQS, SNS, DynamoDB  recursion allowed
cleanup       python3.12  src/jobs/cleanup.run            src/jobs/cleanup.py:run                  serverless.yml:70                     Schedule
archive       python3.12  src/handlers/archive.handler    LAM007: module not found                 serverless.yml:75                     -
render-page   nodejs20.x  web/handler.render              not checked: nodejs20.x                  serverless.yml:78                     -
thumbnail     -           -                               not checked: image                       serverless.yml:81                     -
report        python3.12  -                               not checked: no handler                  serverless.yml:85                     -
export        python3.12  export.handler                  not checked: no local code               serverless.yml:88                     -
notify        nodejs      handler.notify                  not checked: nodejs                      services/notifier/serverless.yml:8    -
charge        python3.13  app.handler                     services/payments/charge/app.py:handler  services/payments/serverless.yaml:20  -
refund        python3.13  app.handler                     not checked: code folder not found       services/payments/serverless.yaml:23  -
webhook       python3.13  -                               not checked: no handler                  services/payments/serverless.yaml:25  Api

serverless.yml:85: handler is ${env:REPORT_HANDLER}, which lambdalint cannot resolve statically; it is not checked
serverless.yml:90: the function is deployed from the prebuilt artifact dist/export.zip; its code is not checked
services/legacy/serverless.yml:8: invalid YAML: expected <block end>, but found '<block mapping start>'
services/notifier/serverless.yml:4: no runtime is set, so the Serverless Framework deploys the function on Node.js; it is not checked
services/payments/serverless.yaml:16: environment is ${file(./env.yml)}, which lambdalint cannot resolve statically; its variables are unknown
services/payments/serverless.yaml:24: module 'refund' does not exist in the repository (a build output, or not built yet); its code is not checked
services/payments/serverless.yaml:25: function webhook has no handler; set handler to module.function
"""
CDK_TABLE = """\
NAME            RUNTIME     HANDLER                CODE                                           DECLARED IN                  TRIGGERS     INTENT
OrdersFunction  python3.12  app.handler            functions/orders/app.py:handler                stacks/orders_stack.py:26    SQS, Api
Thumbnails      python3.11  resize.lambda_handler  functions/thumbnails/resize.py:lambda_handler  stacks/orders_stack.py:42    S3           recursion allowed
Audit           python3.12  index.handler          stacks/orders_stack.py (inline):handler        stacks/orders_stack.py:54    S3
Ingest          python3.12  index.handler          services/ingest/index.py:handler               stacks/pipeline_stack.py:21  SNS
Reports         python3.13  handlers.daily.run     services/reports/handlers/daily.py:run         stacks/pipeline_stack.py:32  FunctionUrl
Frontend        nodejs20.x  index.handler          not checked: nodejs20.x                        stacks/pipeline_stack.py:39  -
Renderer        -           -                      not checked: image                             stacks/pipeline_stack.py:43  -
Configured      python3.12  -                      not checked: no handler                        stacks/pipeline_stack.py:52  -
LegacyOrders    python3.12  legacy.list_orders     functions/orders/legacy.py:list_orders         stacks/pipeline_stack.py:60  ApiNonProxy
Cleanup         python3.12  cleanup.run            LAM007: module not found                       stacks/pipeline_stack.py:69  -

stacks/pipeline_stack.py:52: Configured: handler self.node.try_get_context("handler") cannot be read without running the app
stacks/pipeline_stack.py:53: Configured: code comes from Code.from_bucket(self.artifacts, "configured.zip"), not from local files; not checked
"""
TERRAFORM_TABLE = """\
NAME                           RUNTIME     HANDLER                 CODE                                    DECLARED IN             TRIGGERS          INTENT
module.api["users"]            python3.12  users.lambda_handler    src/api/users.py:lambda_handler         infra/api.tf:15         -
module.api["teams"]            python3.12  teams.lambda_handler    src/api/teams.py:lambda_handler         infra/api.tf:15         -
aws_lambda_function.billing    python3.12  invoices.handler        src/billing/invoices.py:handler         infra/billing.tf:29     -
module.cleanup                 python3.12  cleanup.handler         src/jobs/cleanup.py:handler             infra/jobs.tf:6         -
module.nightly                 python3.12  nightly.run             src/jobs/nightly.py:run                 infra/jobs.tf:15        -
module.audit                   python3.12  audit.lambda_handler    src/jobs/audit.py:lambda_handler        infra/jobs.tf:24        -
module.purge                   python3.12  jobs.purge.handler      LAM007: module not found                infra/jobs.tf:36        -
aws_lambda_function.orders     python3.12  app.handler             src/orders/app.py:handler               infra/main.tf:41        SQS, FunctionUrl
module.reports                 python3.12  index.lambda_handler    src/reports/index.py:lambda_handler     infra/modules.tf:6      DynamoDB
module.legacy                  python3.9   legacy.handler          not checked: no local code              infra/modules.tf:31     -
module.exporter                python3.12  export.handler          LAM007: module not found                infra/modules.tf:46     -
aws_lambda_function.archiver   python3.12  archiver.handler        not checked: no local code              infra/other.tf:6        SNS, HttpApi
aws_lambda_function.renderer   -           -                       not checked: image                      infra/other.tf:10       -
aws_lambda_function.notifier   nodejs20.x  index.handler           not checked: nodejs20.x                 infra/other.tf:21       -
aws_lambda_function.dynamic    python3.12  -                       not checked: no handler                 infra/other.tf:29       -
aws_lambda_function.thumbnail  python3.11  resize.lambda_handler   src/thumbnail/resize.py:lambda_handler  infra/thumbnails.tf:15  S3                recursion allowed
src.jobs.purge                 -           src.jobs.purge.handler  src/jobs/purge.py:handler               src/jobs/purge.py:1     -

infra/broken.tf:3: cannot parse Terraform file: unexpected end of file
infra/modules.tf:9: module.reports: source_path lists 2 paths; the first, "${path.module}/../src/reports", is taken as the code root
infra/modules.tf:33: module.legacy: code is the prebuilt package legacy.zip; lambdalint cannot tell which sources it was built from
infra/other.tf:4: aws_lambda_function.archiver: code is the S3 object "archiver/${var.stage}.zip" in bucket acme-artifacts; not checked
infra/other.tf:14: aws_lambda_function.renderer: code is the container image "${aws_ecr_repository.renderer.repository_url}:latest"; not checked
infra/other.tf:20: aws_lambda_function.notifier: code is the prebuilt package notifier.zip; lambdalint cannot tell which sources it was built from
infra/other.tf:29: aws_lambda_function.dynamic: handler var.dynamic_handler cannot be read without running Terraform
infra/other.tf:31: aws_lambda_function.dynamic: environment var.dynamic_environment cannot be read without running Terraform
infra/other.tf:50: aws_lambda_event_source_mapping.external: the function var.external_function is not declared in this folder; its trigger is not recorded
"""


def copy_project(name: str, tmp_path: Path) -> Path:
    return shutil.copytree(PROJECTS / name, tmp_path / name)


@pytest.mark.parametrize(
    ("project", "table"),
    [
        ("sam-app", SAM_TABLE),
        ("serverless-app", SERVERLESS_TABLE),
        ("cdk-app", CDK_TABLE),
        ("terraform-app", TERRAFORM_TABLE),
    ],
)
def test_the_table_lists_every_function_and_the_notes(
    project: str, table: str, tmp_path: Path
) -> None:
    run = lambdalint("handlers", cwd=copy_project(project, tmp_path))
    assert (run.code, run.stderr) == (0, "")
    assert run.stdout == table


def test_the_path_argument_names_the_project(tmp_path: Path) -> None:
    copy_project("sam-app", tmp_path)
    run = lambdalint("handlers", "sam-app", cwd=tmp_path)
    assert run.stdout.splitlines()[2].split() == [
        "ChargeFunction",
        "python3.13",
        "handlers/charge.handle",
        "sam-app/services/billing/handlers/charge.py:handle",
        "sam-app/services/billing/template.yml:15",
        "SQS",
    ]


def test_json_rows_have_stable_keys(tmp_path: Path) -> None:
    run = lambdalint("handlers", "--format", "json", cwd=copy_project("sam-app", tmp_path))
    rows = json.loads(run.stdout)
    assert {tuple(row) for row in rows} == {
        (
            "name",
            "source",
            "runtime",
            "handler",
            "code",
            "declared_in",
            "triggers",
            "recursion_allowed",
            "notes",
        )
    }
    process = next(row for row in rows if row["name"] == "ProcessOrderFunction")
    assert (process["recursion_allowed"], process["triggers"]) == (
        True,
        [
            {
                "type": "SQS",
                "resource": "GetAtt:OrdersQueue.Arn",
                "prefix": None,
                "suffix": None,
                "s3_events": [],
            },
            {
                "type": "DynamoDB",
                "resource": "GetAtt:OrdersTable.StreamArn",
                "prefix": None,
                "suffix": None,
                "s3_events": [],
            },
        ],
    )
    thumbnails = next(row for row in rows if row["name"] == "ThumbnailFunction")
    assert thumbnails["triggers"] == [
        {
            "type": "S3",
            "resource": "Ref:UploadsBucket",
            "prefix": "uploads/",
            "suffix": ".jpg",
            "s3_events": ["s3:ObjectCreated:*"],
        }
    ]


def test_the_readme_shows_the_examples_real_handlers_table() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    shown = readme.split("$ lambdalint handlers docs/examples/orders-app\n", 1)[1].split("```", 1)[
        0
    ]
    assert shown == lambdalint("handlers", "docs/examples/orders-app", cwd=REPO).stdout


def test_a_configuration_error_exits_2(tmp_path: Path) -> None:
    write(tmp_path, {"pyproject.toml": "[tool.lambdalint]\ndiscover = 3\n"})
    run = lambdalint("handlers", cwd=tmp_path)
    assert (run.code, run.stdout, run.stderr) == (
        2,
        "",
        "lambdalint: pyproject.toml:2: 'discover' must be a list of strings\n",
    )


def test_a_path_that_is_not_a_directory_exits_2(tmp_path: Path) -> None:
    run = lambdalint("handlers", "nowhere", cwd=tmp_path)
    assert (run.code, run.stdout, run.stderr) == (2, "", "lambdalint: nowhere: not a directory\n")
