"""Serverless Framework discovery: the functions of every serverless.yml, with variables kept opaque."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from e2e import write

from lambdalint.discovery import serverless
from lambdalint.discovery.model import (
    DeployedFunction,
    EventSource,
    Note,
    Reference,
    UnreadableFile,
)

PROJECT = (Path(__file__).parent / "projects" / "serverless-app").resolve()
SERVICE = PROJECT / "serverless.yml"
PAYMENTS = PROJECT / "services" / "payments" / "serverless.yaml"
NOTIFIER = PROJECT / "services" / "notifier" / "serverless.yml"
PROVIDER_ENVIRONMENT = {
    "TABLE_NAME": Reference("variable", "orders-${sls:stage}"),
    "UPLOADS_BUCKET": "acme-orders-uploads",
    "LOG_LEVEL": "INFO",
    "REGION": "eu-west-1",
}
PAYMENTS_ENVIRONMENT_NOTE = Note(
    PAYMENTS,
    16,
    "environment is ${file(./env.yml)}, which lambdalint"
    " cannot resolve statically; its variables are unknown",
)


def function(name: str, line: int, declared_in: Path = SERVICE, **settings) -> DeployedFunction:
    if declared_in == SERVICE:
        settings = {
            "runtime": "python3.12",
            "code_root": PROJECT,
            **settings,
            "environment": {**PROVIDER_ENVIRONMENT, **settings.get("environment", {})},
        }
    if declared_in == PAYMENTS:
        settings = {
            "runtime": "python3.13",
            **settings,
            "notes": (*settings.get("notes", ()), PAYMENTS_ENVIRONMENT_NOTE),
        }
    return DeployedFunction(
        name=name, source="serverless", declared_in=declared_in, line=line, **settings
    )


EXPECTED = [
    function(
        "createOrder",
        22,
        handler="src/handlers/orders.create",
        environment={
            "QUEUE_URL": Reference("Ref", "OrdersQueue"),
            "LOG_LEVEL": "DEBUG",
            "RETRIES": "3",
        },
        events=(EventSource("Api"), EventSource("HttpApi")),
    ),
    function(
        "getOrder",
        34,
        handler="src.handlers.orders.get",
        events=(EventSource("HttpApi"), EventSource("FunctionUrl")),
    ),
    # ${self:custom.archiveBucket, 'fallback'}: custom has no archiveBucket, so the fallback
    function(
        "onUpload",
        42,
        handler="src/handlers/uploads.on_upload",
        allows_recursion=True,
        environment={"ARCHIVE_BUCKET": "acme-orders-archive"},
        events=(
            EventSource(
                "S3",
                "acme-orders-uploads",
                prefix="incoming/",
                suffix=".csv",
                s3_events=("s3:ObjectCreated:*",),
            ),
        ),
    ),
    # RecursiveLoop: Allow set on its CloudFormation resource under resources.extensions
    function(
        "processQueue",
        56,
        handler="src/handlers/orders.process",
        runtime="python3.11",
        allows_recursion=True,
        events=(
            EventSource("SQS", Reference("GetAtt", "OrdersQueue.Arn")),
            EventSource(
                "SQS",
                Reference("variable", "arn:aws:sqs:${aws:region}:${aws:accountId}:order-retries"),
            ),
            EventSource("SNS", "order-alerts"),
            EventSource("DynamoDB", Reference("GetAtt", "OrdersTable.StreamArn")),
        ),
    ),
    function("cleanup", 70, handler="src/jobs/cleanup.run", events=(EventSource("Schedule"),)),
    # src/handlers/archive.py does not exist: listed as declared, the integration reports LAM007
    function("archive", 75, handler="src/handlers/archive.handler"),
    function("render-page", 78, handler="web/handler.render", runtime="nodejs20.x"),
    function("thumbnail", 81, runtime=None, code_root=None, package_type="Image"),
    function(
        "report",
        85,
        notes=(
            Note(
                SERVICE,
                85,
                "handler is ${env:REPORT_HANDLER}, which lambdalint"
                " cannot resolve statically; it is not checked",
            ),
        ),
    ),
    function(
        "export",
        88,
        handler="export.handler",
        code_root=None,
        notes=(
            Note(
                SERVICE,
                90,
                "the function is deployed from the prebuilt artifact dist/export.zip;"
                " its code is not checked",
            ),
        ),
    ),
    function(
        "notify",
        8,
        NOTIFIER,
        runtime="nodejs",
        handler="handler.notify",
        code_root=NOTIFIER.parent,
        notes=(
            Note(
                NOTIFIER,
                4,
                "no runtime is set, so the Serverless Framework deploys the function"
                " on Node.js; it is not checked",
            ),
        ),
    ),
    # serverless-python-requirements with package.individually: each module folder is its code root
    function("charge", 20, PAYMENTS, handler="app.handler", code_root=PAYMENTS.parent / "charge"),
    function(
        "refund",
        23,
        PAYMENTS,
        handler="app.handler",
        notes=(
            Note(
                PAYMENTS,
                24,
                "module 'refund' does not exist in the repository (a build output, or"
                " not built yet); its code is not checked",
                unchecked="code folder not found",
            ),
        ),
    ),
    function(
        "webhook",
        25,
        PAYMENTS,
        code_root=PAYMENTS.parent,
        events=(EventSource("Api"),),
        notes=(
            Note(PAYMENTS, 25, "function webhook has no handler; set handler to module.function"),
        ),
    ),
]


def test_the_project_s_services_declare_exactly_these_functions() -> None:
    found = serverless.discover(PROJECT)
    assert [f.name for f in found.functions] == [f.name for f in EXPECTED]
    for actual, expected in zip(found.functions, EXPECTED):
        assert actual == expected
    assert found.notes == [
        UnreadableFile(
            PROJECT / "services" / "legacy" / "serverless.yml",
            8,
            "invalid YAML: expected <block end>, but found '<block mapping start>'",
        )
    ]


def test_only_local_python_zip_functions_are_checkable() -> None:
    checkable = [f.name for f in serverless.discover(PROJECT).functions if f.checkable]
    assert checkable == [
        "createOrder",
        "getOrder",
        "onUpload",
        "processQueue",
        "cleanup",
        "archive",
        "charge",
    ]


def test_dependencies_and_excluded_folders_are_not_read(tmp_path: Path) -> None:
    project = tmp_path / "serverless-app"
    shutil.copytree(PROJECT, project)
    write(
        project,
        {
            "node_modules/serverless-offline/serverless.yml": "service: plugin\nprovider: {name: aws, runtime: python3.12}\n"
            "functions:\n  example:\n    handler: example.handler\n"
        },
    )
    names = {f.name for f in serverless.discover(project, excluded=["services/payments"]).functions}
    assert "example" not in names and "charge" not in names and "createOrder" in names


def service(tmp_path: Path, text: str) -> DeployedFunction:
    write(tmp_path, {"serverless.yml": text})
    (function,) = serverless.discover(tmp_path).functions
    return function


def test_self_variables_are_followed_through_custom_and_cloudformation_values(
    tmp_path: Path,
) -> None:
    function = service(
        tmp_path,
        """\
service: media
custom:
  stage: prod
  bucket: media-${self:custom.stage}
  queue: !GetAtt Jobs.Arn
  handlers: {resize: images/resize.handler}
  loop: ${self:custom.loop}
provider:
  name: aws
  runtime: ${self:custom.runtime, 'python3.12'}
  environment:
    BUCKET: ${self:custom.bucket}
    QUEUE: ${self:custom.queue}
    STAGE_BUCKET: ${self:custom.bucket}-${opt:stage}
    NESTED: ${self:custom.${opt:stage}.bucket}
    CYCLE: ${self:custom.loop}
    MISSING: ${self:custom.nothing}
    SECRET: ${ssm:/media/secret}
functions:
  resize:
    handler: ${self:custom.handlers.resize}
    events:
      - s3: ${self:custom.bucket}
      - sqs: ${self:custom.queue}
""",
    )
    assert (function.runtime, function.handler) == ("python3.12", "images/resize.handler")
    assert function.environment == {
        "BUCKET": "media-prod",
        "QUEUE": Reference("GetAtt", "Jobs.Arn"),
        "STAGE_BUCKET": Reference("variable", "${self:custom.bucket}-${opt:stage}"),
        "NESTED": Reference("variable", "${self:custom.${opt:stage}.bucket}"),
        "CYCLE": Reference("variable", "self:custom.loop"),
        "MISSING": Reference("variable", "self:custom.nothing"),
        "SECRET": Reference("variable", "ssm:/media/secret"),
    }
    assert function.events == (
        EventSource("S3", "media-prod", s3_events=("s3:ObjectCreated:*",)),
        EventSource("SQS", Reference("GetAtt", "Jobs.Arn")),
    )


@pytest.mark.parametrize(
    ("event", "expected"),
    [
        (
            "sns: {arn: arn:aws:sns:eu-west-1:123456789012:alerts}",
            EventSource("SNS", "arn:aws:sns:eu-west-1:123456789012:alerts"),
        ),
        ("sns: {topicName: alerts}", EventSource("SNS", "alerts")),
        (
            "stream: arn:aws:kinesis:eu-west-1:123456789012:stream/clicks",
            EventSource("Kinesis", "arn:aws:kinesis:eu-west-1:123456789012:stream/clicks"),
        ),
        (
            "stream: {type: kinesis, arn: !GetAtt Clicks.Arn}",
            EventSource("Kinesis", Reference("GetAtt", "Clicks.Arn")),
        ),
        (
            "stream: !GetAtt Orders.StreamArn",
            EventSource("DynamoDB", Reference("GetAtt", "Orders.StreamArn")),
        ),
        (
            "s3: {bucket: photos, rules: [{suffix: .png}]}",
            EventSource("S3", "photos", suffix=".png", s3_events=("s3:ObjectCreated:*",)),
        ),
        (
            "s3: {bucket: photos, event: 's3:ObjectRemoved:*'}",
            EventSource("S3", "photos", s3_events=("s3:ObjectRemoved:*",)),
        ),
        ("s3: {bucket: photos, event: '${self:custom.event}'}", EventSource("S3", "photos")),
        ("http: GET /status", EventSource("Api")),
        ("http: {path: status, method: get, integration: lambda-proxy}", EventSource("Api")),
        ("http: {path: status, method: get, integration: lambda}", EventSource("ApiNonProxy")),
        ("http: {path: status, method: get, integration: AWS}", EventSource("ApiNonProxy")),
        ("websocket: $connect", EventSource("websocket")),
    ],
)
def test_each_event_form_names_its_trigger(
    tmp_path: Path, event: str, expected: EventSource
) -> None:
    function = service(
        tmp_path,
        "provider: {name: aws, runtime: python3.12}\nfunctions:\n"
        f"  worker:\n    handler: app.handler\n    events:\n      - {event}\n",
    )
    assert function.events == (expected,)


def test_the_requirements_plugin_module_applies_only_when_the_plugin_moves_it(
    tmp_path: Path,
) -> None:
    write(tmp_path, {"charge/app.py": "def handler(event, context):\n    return None\n"})
    base = (
        "provider: {name: aws, runtime: python3.12}\n"
        "functions:\n  charge:\n    handler: app.handler\n    module: charge\n"
    )
    moved = "plugins: [serverless-python-requirements]\npackage: {individually: true}\n"
    assert service(tmp_path, moved + base).code_root == tmp_path / "charge"
    assert service(tmp_path, base).code_root == tmp_path
    assert service(tmp_path, "package: {individually: true}\n" + base).code_root == tmp_path
    in_a_layer = moved + "custom: {pythonRequirements: {layer: true}}\n"
    assert service(tmp_path, in_a_layer + base).code_root == tmp_path


def test_functions_from_files_are_noted_not_followed(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "serverless.yml": "service: split\nprovider: {name: aws, runtime: python3.12}\n"
            "functions:\n  - ${file(./functions/api.yml)}\n"
            "  - local:\n      handler: local.handler\n"
        },
    )
    found = serverless.discover(tmp_path)
    assert [(f.name, f.line, f.handler) for f in found.functions] == [("local", 6, "local.handler")]
    assert found.notes == [
        Note(
            tmp_path / "serverless.yml",
            3,
            "functions is ${file(./functions/api.yml)},"
            " which lambdalint cannot resolve statically; its functions are not listed",
        )
    ]


def test_other_providers_and_broken_files_do_not_stop_the_rest(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "azure/serverless.yml": "service: a\nprovider: {name: azure, runtime: python3.8}\n"
            "functions:\n  f:\n    handler: app.handler\n",
            "broken/serverless.yaml": "service: b\nprovider: {name: aws\nfunctions:\n",
            "nofunctions/serverless.yml": "service: d\nprovider: {name: aws\n",
            "python/serverless.yml": "service: c\nprovider: {name: aws, runtime: python3.12}\n"
            "functions:\n  f:\n    handler: app.handler\n",
            "unsafe/serverless.yml": "service: !!python/object/apply:os.getcwd []\nfunctions:\n",
        },
    )
    found = serverless.discover(tmp_path)
    assert [(f.declared_in.parent.name, f.name) for f in found.functions] == [("python", "f")]
    assert [(n.path.parent.name, n.line, type(n)) for n in found.notes] == [
        ("broken", 3, UnreadableFile),
        ("unsafe", 1, UnreadableFile),
    ]
