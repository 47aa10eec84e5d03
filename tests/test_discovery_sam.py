"""SAM and CloudFormation discovery: exactly the functions, settings and triggers a template declares."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from e2e import lambdalint, write

from lambdalint.discovery import sam
from lambdalint.discovery.model import (
    DeployedFunction,
    EventSource,
    Note,
    Reference,
    UnreadableFile,
)

PROJECT = (Path(__file__).parent / "projects" / "sam-app").resolve()
TEMPLATE = PROJECT / "template.yaml"
LEGACY = PROJECT / "stacks" / "legacy.json"
BILLING = PROJECT / "services" / "billing" / "template.yml"
GLOBAL_ENVIRONMENT = {"LOG_LEVEL": "INFO", "POWERTOOLS_SERVICE_NAME": "orders"}


def Ref(target: str) -> Reference:
    return Reference("Ref", target)


def GetAtt(target: str) -> Reference:
    return Reference("GetAtt", target)


def function(name: str, line: int, declared_in: Path = TEMPLATE, **settings) -> DeployedFunction:
    if declared_in == TEMPLATE:  # every function of the main template inherits its Globals
        settings = {
            "runtime": "python3.12",
            "code_root": PROJECT / "src",
            **settings,
            "environment": {**GLOBAL_ENVIRONMENT, **settings.get("environment", {})},
        }
    return DeployedFunction(name=name, source="sam", declared_in=declared_in, line=line, **settings)


def note(line: int, message: str, path: Path = TEMPLATE) -> Note:
    return Note(path, line, message)


EXPECTED = [
    function(
        "InvoiceFunction",
        7,
        BILLING,
        runtime="python3.13",
        handler="index.generate",
        inline_code='def generate(event, context):\n    return {"invoice": event["id"]}\n',
    ),
    function(
        "ChargeFunction",
        15,
        BILLING,
        runtime="python3.13",
        handler="handlers/charge.handle",
        code_root=BILLING.parent,  # no CodeUri: sam build packages the template's folder
        events=(EventSource("SQS", "arn:aws:sqs:eu-west-1:123456789012:charges"),),
    ),
    function(
        "LegacyIngestFunction",
        9,
        LEGACY,
        runtime="python3.9",
        handler="ingest.main",
        code_root=PROJECT / "legacy",
        environment={
            "TARGET_BUCKET": Ref("IngestBucket"),
            "STREAM": Reference("Join", "ingest:${AWS::Region}"),
        },
        events=(
            EventSource("Kinesis", GetAtt("IngestStream.Arn")),
            EventSource(
                "S3", Ref("IngestBucket"), suffix=".csv", s3_events=("s3:ObjectCreated:*",)
            ),
        ),
    ),
    function(
        "HealthCheckFunction",
        24,
        LEGACY,
        runtime="python3.12",
        handler="index.handler",
        inline_code='def handler(event, context):\n    return {"statusCode": 200, "body": "ok"}\n',
        events=(EventSource("SNS", Ref("AlarmTopic")), EventSource("FunctionUrl")),
    ),
    function(
        "OrphanFunction",
        30,
        LEGACY,
        runtime="python3.12",
        notes=(
            note(
                30,
                "function OrphanFunction has no Handler; Lambda cannot invoke it: set Handler to"
                " module.function",
                LEGACY,
            ),
            note(34, "Code names an S3 object; its code is not local and is not checked", LEGACY),
        ),
    ),
    function(
        "CreateOrderFunction",
        28,
        handler="orders.api.create_order",
        environment={
            "TABLE_NAME": Ref("OrdersTable"),
            "QUEUE_URL": Ref("OrdersQueue"),
            "MAX_ITEMS": "50",
            "DRY_RUN": "false",
        },
        events=(EventSource("Api"),),
    ),
    function(
        "GetOrderFunction",
        45,
        handler="orders.api.get_order",
        events=(EventSource("HttpApi", Ref("OrdersHttpApi")),),
    ),
    function(
        "ProcessOrderFunction",
        57,
        handler="orders.processor.process",
        allows_recursion=True,
        environment={
            "LOG_LEVEL": "DEBUG",
            "TABLE_ARN": GetAtt("OrdersTable.Arn"),
            "QUEUE_URL": Ref("OrdersQueue"),
        },
        events=(
            EventSource("SQS", GetAtt("OrdersQueue.Arn")),
            EventSource("DynamoDB", GetAtt("OrdersTable.StreamArn")),
        ),
    ),
    # Handler comes from Globals, so the handler setting's line is there
    function(
        "ThumbnailFunction",
        16,
        handler="app.lambda_handler",
        code_root=PROJECT / "src" / "thumbnails",
        environment={
            "BUCKET": Ref("UploadsBucket"),
            "OUTPUT_BUCKET": Reference("Sub", "${AWS::StackName}-thumbnails-${Stage}"),
            "REGION_NAME": "eu-west-1",
        },
        events=(
            EventSource(
                "S3",
                Ref("UploadsBucket"),
                prefix="uploads/",
                suffix=".jpg",
                s3_events=("s3:ObjectCreated:*",),
            ),
        ),
    ),
    # Runtime: !Ref ReportsRuntime, a parameter whose default is python3.11
    function(
        "NightlyReportFunction",
        104,
        runtime="python3.11",
        handler="nightly.run",
        code_root=PROJECT / "functions" / "reports",
        events=(EventSource("Schedule"), EventSource("SNS", Ref("AlertsTopic"))),
    ),
    # orders/archive.py does not exist: listed as declared, the integration reports LAM007
    function("ArchiveOrderFunction", 119, handler="orders.archive.handler"),
    function(
        "FrontendFunction",
        125,
        runtime="nodejs20.x",
        handler="index.handler",
        code_root=PROJECT / "frontend",
        events=(EventSource("FunctionUrl"),),
    ),
    # Metadata names a build context that does not exist: sam build fails, nothing to check
    function(
        "ResizeImageFunction",
        130,
        runtime=None,
        code_root=None,
        package_type="Image",
        notes=(
            note(
                136,
                "ResizeImageFunction: the image built from resize/Dockerfile is not checked:"
                " the Dockerfile does not exist",
            ),
        ),
    ),
    function(
        "PrebuiltFunction",
        143,
        handler="prebuilt.handler",
        code_root=None,
        notes=(note(142, "CodeUri names an S3 object; its code is not local and is not checked"),),
    ),
    function(
        "ExportFunction",
        151,
        handler="export.handler",
        code_root=None,
        notes=(note(148, "CodeUri names an S3 object; its code is not local and is not checked"),),
    ),
    function(
        "SharedFunction",
        157,
        handler="shared.handler",
        code_root=None,
        notes=(
            Note(
                TEMPLATE,
                156,
                "CodeUri '../shared' does not exist in the repository (a build output,"
                " or not built yet); its code is not checked",
                unchecked="code folder not found",
            ),
        ),
    ),
]


def test_the_project_s_templates_declare_exactly_these_functions() -> None:
    found = sam.discover(PROJECT)
    assert [f.name for f in found.functions] == [f.name for f in EXPECTED]
    for actual, expected in zip(found.functions, EXPECTED):
        assert actual == expected
    assert found.notes == [
        UnreadableFile(
            PROJECT / "stacks" / "broken.yaml", 8, "invalid YAML: expected ',' or ']', but got ':'"
        )
    ]


def test_only_local_python_zip_functions_are_checkable() -> None:
    checkable = [f.name for f in sam.discover(PROJECT).functions if f.checkable]
    assert checkable == [
        "InvoiceFunction",
        "ChargeFunction",
        "LegacyIngestFunction",
        "HealthCheckFunction",
        "CreateOrderFunction",
        "GetOrderFunction",
        "ProcessOrderFunction",
        "ThumbnailFunction",
        "NightlyReportFunction",
        "ArchiveOrderFunction",
    ]


def test_build_output_and_excluded_folders_are_not_read(tmp_path: Path) -> None:
    project = tmp_path / "sam-app"
    shutil.copytree(PROJECT, project)
    built = (
        "AWSTemplateFormatVersion: '2010-09-09'\n"
        "Resources:\n  Copy:\n    Type: AWS::Serverless::Function\n"
    )
    write(project, {".aws-sam/build/template.yaml": built, "cdk.out/Stack.template.json": built})
    names = {f.name for f in sam.discover(project, excluded=["services"]).functions}
    assert "Copy" not in names and "InvoiceFunction" not in names and "CreateOrderFunction" in names


def lambda_function(name: str, variables: str) -> str:
    return (
        f"  {name}:\n    Type: AWS::Lambda::Function\n    Properties:\n      Handler: app.handler\n"
        f"      Code: .\n      Environment:\n        Variables:\n{variables}"
    )


SHORT_FORMS = """\
          REF: !Ref Bucket
          GETATT: !GetAtt Queue.Arn
          GETATT_LIST: !GetAtt [Queue, Arn]
          SUB: !Sub "${AWS::StackName}-uploads"
          SUB_LITERAL: !Sub "uploads-${!Literal}"
          SUB_VARIABLES: !Sub ["${Name}-x", {Name: !Ref Stage}]
          JOIN: !Join ["-", [!Ref Stage, uploads]]
          JOIN_LITERAL: !Join ["", [a, b]]
          SELECT: !Select [1, [a, b]]
          IF: !If [IsProd, prod-bucket, dev-bucket]
          FIND: !FindInMap [Buckets, !Ref Stage, Name]
          IMPORT: !ImportValue SharedBucket
          BASE64: !Base64 text
          NOT_A_CFN_TAG: !Rain::Embed notes.txt
"""
LONG_FORMS = """\
          REF: {Ref: Bucket}
          GETATT: {Fn::GetAtt: Queue.Arn}
          GETATT_LIST: {Fn::GetAtt: [Queue, Arn]}
          SUB: {Fn::Sub: "${AWS::StackName}-uploads"}
          SUB_LITERAL: {Fn::Sub: "uploads-${!Literal}"}
          SUB_VARIABLES: {Fn::Sub: ["${Name}-x", {Name: {Ref: Stage}}]}
          JOIN: {Fn::Join: ["-", [{Ref: Stage}, uploads]]}
          JOIN_LITERAL: {Fn::Join: ["", [a, b]]}
          SELECT: {Fn::Select: [1, [a, b]]}
          IF: {Fn::If: [IsProd, prod-bucket, dev-bucket]}
          FIND: {Fn::FindInMap: [Buckets, {Ref: Stage}, Name]}
          IMPORT: {Fn::ImportValue: SharedBucket}
          BASE64: {Fn::Base64: text}
"""


def test_short_and_long_intrinsic_functions_load_as_the_same_references(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "template.yaml": "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n"
            + lambda_function("Short", SHORT_FORMS)
            + lambda_function("Long", LONG_FORMS)
        },
    )
    short, long = sam.discover(tmp_path).functions
    assert short.environment == {
        "REF": Ref("Bucket"),
        "GETATT": GetAtt("Queue.Arn"),
        "GETATT_LIST": GetAtt("Queue.Arn"),
        "SUB": Reference("Sub", "${AWS::StackName}-uploads"),
        "SUB_LITERAL": "uploads-${Literal}",
        "SUB_VARIABLES": Reference("Sub", "${Name}-x"),
        "JOIN": Reference("Join", "${Stage}-uploads"),
        "JOIN_LITERAL": "ab",
        "SELECT": "b",
        "IF": Reference("If", "IsProd"),
        "FIND": Reference("FindInMap", "Buckets.${Stage}.Name"),
        "IMPORT": Reference("ImportValue", "SharedBucket"),
        "BASE64": Reference("Base64", "text"),
        "NOT_A_CFN_TAG": Reference("Rain::Embed", "notes.txt"),
    }
    assert long.environment == {k: v for k, v in short.environment.items() if k != "NOT_A_CFN_TAG"}


def test_a_python_object_tag_constructs_nothing_and_the_template_is_unreadable(
    tmp_path: Path,
) -> None:
    marker = tmp_path / "constructed"
    write(
        tmp_path,
        {
            "template.yaml": (
                "AWSTemplateFormatVersion: '2010-09-09'\n"
                "Resources:\n"
                "  Fn:\n"
                "    Type: AWS::Lambda::Function\n"
                f"    Properties: !!python/object/apply:os.mkdir ['{marker}']\n"
            )
        },
    )
    found = sam.discover(tmp_path)
    assert not marker.exists()
    assert found.functions == []
    assert [(n.line, type(n)) for n in found.notes] == [(5, UnreadableFile)]
    assert "python/object/apply:os.mkdir" in found.notes[0].message


def test_one_broken_template_does_not_hide_the_others(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "a/template.json": '{\n  "Resources": {\n    "Fn": {"Type": "AWS::Lambda::Function",,}\n  }\n}\n',
            "b/template.yaml": b"Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Description: caf\xe9\n",
            "c/template.yaml": "Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n"
            "    Properties: {Handler: app.handler, Code: .}\n",
        },
    )
    found = sam.discover(tmp_path)
    assert [
        (n.path.relative_to(tmp_path).as_posix(), n.line, n.message, type(n)) for n in found.notes
    ] == [
        (
            "a/template.json",
            3,
            "invalid JSON: Expecting property name enclosed in double quotes",
            UnreadableFile,
        ),
        (
            "b/template.yaml",
            1,
            "this file is not UTF-8 (invalid continuation byte)",
            UnreadableFile,
        ),
    ]
    assert [(f.name, f.declared_in, f.handler) for f in found.functions] == [
        ("Fn", tmp_path / "c" / "template.yaml", "app.handler")
    ]


def test_only_files_that_can_be_templates_are_parsed(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "config/settings.yaml": "retries: [3\n",  # broken, but no template marker: never parsed
            "docs/openapi.json": '{"openapi": "3.0.0", "paths": {}}',
            "stack.yml": "Transform: AWS::Serverless-2016-10-31\nResources:\n  Fn:\n"
            "    Type: AWS::Serverless::Function\n    Properties:\n      Handler: app.handler\n",
            "template.yaml": "# a cookiecutter template, not CloudFormation\nname: '{{ cookiecutter.name }}'\n",
        },
    )
    found = sam.discover(tmp_path)
    assert found.notes == []
    assert [(f.name, f.declared_in.name, f.line, f.code_root) for f in found.functions] == [
        ("Fn", "stack.yml", 6, tmp_path)
    ]


@pytest.mark.parametrize(
    ("properties", "message", "checkable"),
    [
        (
            "CodeUri: dist/function.zip",
            (
                "CodeUri 'dist/function.zip' is a file (a built archive?), not a folder;"
                " its code is not checked"
            ),
            False,
        ),
        (
            "CodeUri: !Sub '${Stage}/src'",
            "CodeUri is !Sub ${Stage}/src, which lambdalint cannot resolve statically; its code is not checked",
            False,
        ),
        (
            "Handler: !Sub '${Module}.handler'",
            "Handler is !Sub ${Module}.handler, which lambdalint cannot resolve statically; it is not checked",
            False,
        ),
        (
            "Runtime: !Ref Runtime",
            "Runtime is !Ref Runtime, which lambdalint cannot resolve statically; it is treated as Python",
            True,
        ),
        (
            "InlineCode: !Sub 'LIMIT = ${Limit}'",
            (
                "InlineCode is !Sub LIMIT = ${Limit}, which lambdalint cannot resolve statically;"
                " its code is not checked"
            ),
            False,
        ),
    ],
)
def test_a_setting_lambdalint_cannot_follow_is_a_note_at_its_line(
    tmp_path: Path, properties: str, message: str, checkable: bool
) -> None:
    handler = "" if properties.startswith("Handler") else "      Handler: app.handler\n"
    write(
        tmp_path,
        {
            "template.yaml": "Transform: AWS::Serverless-2016-10-31\nParameters:\n  Runtime: {Type: String}\n"
            "Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n"
            f"      {properties}\n{handler}",
            "dist/function.zip": b"PK\x05\x06" + bytes(18),
        },
    )
    (function,) = sam.discover(tmp_path).functions
    assert [(note.line, note.message) for note in function.notes] == [(8, message)]
    assert function.checkable is checkable


def test_globals_give_every_sam_function_its_url_and_recursion_setting_but_not_plain_lambda(
    tmp_path: Path,
) -> None:
    write(
        tmp_path,
        {
            "template.yaml": """\
Transform: AWS::Serverless-2016-10-31
Globals:
  Function:
    Runtime: python3.12
    RecursiveLoop: Allow
    FunctionUrlConfig: {AuthType: AWS_IAM}
    Environment: {Variables: {STAGE: prod}}
Resources:
  Sam:
    Type: AWS::Serverless::Function
    Properties: {Handler: app.handler}
  Plain:
    Type: AWS::Lambda::Function
    Properties: {Handler: app.handler, Runtime: python3.12}
"""
        },
    )
    sam_function, plain = sam.discover(tmp_path).functions
    assert (sam_function.allows_recursion, sam_function.events, sam_function.environment) == (
        True,
        (EventSource("FunctionUrl"),),
        {"STAGE": "prod"},
    )
    assert (plain.allows_recursion, plain.events, plain.environment) == (False, (), {})
    assert sam_function.code_root == plain.code_root == tmp_path


def test_sub_inline_code_and_template_files_are_checked(tmp_path: Path) -> None:
    # a !Sub whose ${} sit in string literals is code Python reads as is; one with a ${} in
    # code position only exists once substituted, and is not checked
    write(
        tmp_path,
        {
            "stack.template": json.dumps(
                {
                    "Resources": {
                        "Custom": {
                            "Type": "AWS::Lambda::Function",
                            "Properties": {
                                "Runtime": "python3.12",
                                "Handler": "index.handler",
                                "Code": {
                                    "ZipFile": {
                                        "Fn::Sub": "import boto3\n\n\ndef handler(event, context):\n"
                                        "    s3 = boto3.client('s3')\n"
                                        "    return s3.list_objects(Bucket='${Bucket}')\n"
                                    }
                                },
                            },
                        },
                        "Computed": {
                            "Type": "AWS::Lambda::Function",
                            "Properties": {
                                "Runtime": "python3.12",
                                "Handler": "index.handler",
                                "Code": {"ZipFile": {"Fn::Sub": "LIMIT = ${Limit}\n"}},
                            },
                        },
                    }
                },
                indent=1,
            ),
        },
    )
    custom, computed = sam.discover(tmp_path).functions
    assert custom.inline_code is not None and "${Bucket}" in custom.inline_code
    assert (computed.inline_code, computed.checkable) == (None, False)
    run = lambdalint("check", cwd=tmp_path)
    assert [line.split(": ", 1)[1].split()[0] for line in run.stdout.splitlines()] == ["LAM004"]


def test_an_openapi_body_wiring_a_function_as_type_aws_makes_its_api_event_non_proxy(
    tmp_path: Path,
) -> None:
    case = Path(__file__).parent.parent / "rules" / "LAM008-api-response-shape" / "cases"
    shutil.copytree(case / "openapi_non_proxy_integration", tmp_path, dirs_exist_ok=True)
    events = {f.name: [e.type for e in f.events] for f in sam.discover(tmp_path).functions}
    assert events == {
        "GetOrder": ["ApiNonProxy"],  # inline DefinitionBody, !Sub ${GetOrder.Arn}
        "ListOrders": ["ApiNonProxy"],  # Fn::Transform AWS::Include of a local file
        "CancelOrder": ["ApiNonProxy"],  # DefinitionUri file, literal ARN with its FunctionName
        "ProxiedOrder": ["Api"],  # type: aws_proxy
        "UnknownIntegration": ["Api"],  # the uri names no function of the template
    }
    (tmp_path / "openapi" / "orders.yaml").unlink()  # an included file that is gone: as before
    events = {f.name: [e.type for e in f.events] for f in sam.discover(tmp_path).functions}
    assert events["ListOrders"] == ["Api"]
