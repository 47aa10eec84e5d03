"""Terraform discovery: functions, their code and triggers, from HCL parsed but never run."""

from __future__ import annotations

from pathlib import Path

from e2e import write

from lambdalint.discovery.model import (
    DeployedFunction,
    EventSource,
    Note,
    Reference,
    UnreadableFile,
)
from lambdalint.discovery.terraform import discover

PROJECT = (Path(__file__).parent / "projects" / "terraform-app").resolve()
INFRA = PROJECT / "infra"
SRC = PROJECT / "src"


def terraform(expression: str) -> Reference:
    return Reference("terraform", expression)


def test_the_project_declares_every_function_with_its_code_and_triggers() -> None:
    discovery = discover(PROJECT)

    assert discovery.functions == [
        *(
            DeployedFunction(
                name=f'module.api["{route}"]',
                source="terraform",
                declared_in=INFRA / "api.tf",
                line=15,
                runtime="python3.12",
                handler=f"{route}.lambda_handler",
                code_root=SRC / "api",
            )
            for route in ("users", "teams")
        ),
        DeployedFunction(
            name="aws_lambda_function.billing",
            source="terraform",
            declared_in=INFRA / "billing.tf",
            line=29,
            runtime="python3.12",
            handler="invoices.handler",
            code_root=SRC / "billing",
        ),
        DeployedFunction(
            name="module.cleanup",
            source="terraform",
            declared_in=INFRA / "jobs.tf",
            line=6,
            runtime="python3.12",
            handler="cleanup.handler",
            code_root=SRC / "jobs" / "cleanup.py",
        ),
        DeployedFunction(
            name="module.nightly",
            source="terraform",
            declared_in=INFRA / "jobs.tf",
            line=15,
            runtime="python3.12",
            handler="nightly.run",
            code_root=SRC / "jobs" / "nightly.py",
        ),
        DeployedFunction(
            name="module.audit",
            source="terraform",
            declared_in=INFRA / "jobs.tf",
            line=24,
            runtime="python3.12",
            handler="audit.lambda_handler",
            code_root=SRC / "jobs" / "audit.py",
        ),
        DeployedFunction(
            name="module.purge",
            source="terraform",
            declared_in=INFRA / "jobs.tf",
            line=36,
            runtime="python3.12",
            handler="jobs.purge.handler",
            code_root=SRC / "jobs" / "purge.py",
        ),
        DeployedFunction(
            name="aws_lambda_function.orders",
            source="terraform",
            declared_in=INFRA / "main.tf",
            line=41,
            runtime="python3.12",
            handler="app.handler",
            code_root=SRC / "orders",
            environment={
                "TABLE_NAME": terraform("aws_dynamodb_table.orders.name"),
                "QUEUE_URL": terraform("aws_sqs_queue.orders.url"),
                "LOG_LEVEL": "INFO",
                "RETRIES": "3",
            },
            events=(
                EventSource("SQS", terraform("aws_sqs_queue.orders.arn")),
                EventSource("FunctionUrl"),
            ),
        ),
        DeployedFunction(
            name="module.reports",
            source="terraform",
            declared_in=INFRA / "modules.tf",
            line=6,
            runtime="python3.12",
            handler="index.lambda_handler",
            code_root=SRC / "reports",
            environment={"REPORT_BUCKET": "acme-reports", "STAGE": terraform("var.stage")},
            events=(EventSource("DynamoDB", terraform("aws_dynamodb_table.orders.stream_arn")),),
            notes=(
                Note(
                    INFRA / "modules.tf",
                    9,
                    "module.reports: source_path lists 2 paths; the"
                    ' first, "${path.module}/../src/reports", is'
                    " taken as the code root",
                ),
            ),
        ),
        DeployedFunction(
            name="module.legacy",
            source="terraform",
            declared_in=INFRA / "modules.tf",
            line=31,
            runtime="python3.9",
            handler="legacy.handler",
            notes=(
                Note(
                    INFRA / "modules.tf",
                    33,
                    "module.legacy: code is the prebuilt package"
                    " legacy.zip; lambdalint cannot tell which"
                    " sources it was built from",
                ),
            ),
        ),
        DeployedFunction(
            name="module.exporter",
            source="terraform",
            declared_in=INFRA / "modules.tf",
            line=46,
            runtime="python3.12",
            handler="export.handler",
            code_root=SRC / "reports",
        ),
        DeployedFunction(
            name="aws_lambda_function.archiver",
            source="terraform",
            declared_in=INFRA / "other.tf",
            line=6,
            runtime="python3.12",
            handler="archiver.handler",
            events=(
                EventSource("SNS", terraform("aws_sns_topic.alerts.arn")),
                EventSource("HttpApi"),
            ),
            notes=(
                Note(
                    INFRA / "other.tf",
                    4,
                    "aws_lambda_function.archiver: code is the S3 object"
                    ' "archiver/${var.stage}.zip" in bucket'
                    " acme-artifacts; not checked",
                ),
            ),
        ),
        DeployedFunction(
            name="aws_lambda_function.renderer",
            source="terraform",
            declared_in=INFRA / "other.tf",
            line=10,
            package_type="Image",
            notes=(
                Note(
                    INFRA / "other.tf",
                    14,
                    "aws_lambda_function.renderer: code is the"
                    ' container image "${aws_ecr_repository.renderer'
                    '.repository_url}:latest"; not checked',
                ),
            ),
        ),
        DeployedFunction(
            name="aws_lambda_function.notifier",
            source="terraform",
            declared_in=INFRA / "other.tf",
            line=21,
            runtime="nodejs20.x",
            handler="index.handler",
            notes=(
                Note(
                    INFRA / "other.tf",
                    20,
                    "aws_lambda_function.notifier: code is the prebuilt"
                    " package notifier.zip; lambdalint cannot tell"
                    " which sources it was built from",
                ),
            ),
        ),
        DeployedFunction(
            name="aws_lambda_function.dynamic",
            source="terraform",
            declared_in=INFRA / "other.tf",
            line=29,
            runtime="python3.12",
            code_root=SRC / "orders",
            notes=(
                Note(
                    INFRA / "other.tf",
                    29,
                    "aws_lambda_function.dynamic: handler"
                    " var.dynamic_handler cannot be read without"
                    " running Terraform",
                ),
                Note(
                    INFRA / "other.tf",
                    31,
                    "aws_lambda_function.dynamic: environment"
                    " var.dynamic_environment cannot be read without"
                    " running Terraform",
                ),
            ),
        ),
        DeployedFunction(
            name="aws_lambda_function.thumbnail",
            source="terraform",
            declared_in=INFRA / "thumbnails.tf",
            line=15,
            runtime="python3.11",
            handler="resize.lambda_handler",
            code_root=SRC / "thumbnail" / "resize.py",
            environment={"BUCKET": terraform("aws_s3_bucket.uploads.id")},
            events=(
                EventSource(
                    "S3",
                    terraform("aws_s3_bucket.uploads.id"),
                    prefix="incoming/",
                    suffix=".jpg",
                    s3_events=("s3:ObjectCreated:*",),
                ),
            ),
            allows_recursion=True,
        ),
    ]
    assert discovery.notes == [
        UnreadableFile(
            INFRA / "broken.tf", 3, "cannot parse Terraform file: unexpected end of file"
        ),
        Note(
            INFRA / "other.tf",
            50,
            "aws_lambda_event_source_mapping.external: the function"
            " var.external_function is not declared in this folder;"
            " its trigger is not recorded",
        ),
    ]
    checkable = [function.name for function in discovery.functions if function.checkable]
    assert checkable == [
        'module.api["users"]',
        'module.api["teams"]',
        "aws_lambda_function.billing",
        "module.cleanup",
        "module.nightly",
        "module.audit",
        "module.purge",
        "aws_lambda_function.orders",
        "module.reports",
        "module.exporter",
        "aws_lambda_function.thumbnail",
    ]


def test_literal_paths_strings_and_escapes_are_read_and_templates_stay_references(
    tmp_path: Path,
) -> None:
    write(
        tmp_path,
        {
            "fn.tf": """\
resource "aws_lambda_function" "literal" {
  function_name = "literal"
  filename      = data.archive_file.code.output_path
  handler       = "app.handler"
  runtime       = "python3.12"
  environment {
    variables = {
      "QUOTED-KEY" = "say \\"hi\\""
      TEMPLATE     = "${var.prefix}-orders"
      ESCAPED      = "$${not.interpolated}"
      ENABLED      = true
    }
  }
}

data "archive_file" "code" {
  type        = "zip"
  source_dir  = "lambda"
  output_path = "build/code.zip"
}
""",
            "lambda/app.py": "",
        },
    )
    [function] = discover(tmp_path).functions
    assert function.code_root == (tmp_path / "lambda").resolve()
    assert function.environment == {
        "QUOTED-KEY": 'say "hi"',
        "TEMPLATE": terraform('"${var.prefix}-orders"'),
        "ESCAPED": "${not.interpolated}",
        "ENABLED": "true",
    }


def test_folders_are_separate_modules_and_an_unknown_archive_is_a_note(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "a/archive.tf": """\
data "archive_file" "code" {
  type        = "zip"
  source_dir  = "${path.module}/src"
  output_path = "code.zip"
}
"""
        },
    )
    write(
        tmp_path,
        {
            "b/fn.tf": """\
resource "aws_lambda_function" "other_folder" {
  filename = data.archive_file.code.output_path
  handler  = "app.handler"
  runtime  = "python3.12"
}
"""
        },
    )
    [function] = discover(tmp_path).functions
    assert function.code_root is None
    assert function.notes == (
        Note(
            tmp_path / "b" / "fn.tf",
            2,
            "aws_lambda_function.other_folder: data.archive_file.code is not declared in b/",
        ),
    )


def test_other_modules_and_a_git_source_of_the_lambda_module(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "main.tf": """\
module "from_git" {
  source      = "git::https://github.com/terraform-aws-modules/terraform-aws-lambda.git?ref=v7.2.1"
  handler     = "main.handler"
  runtime     = "python3.12"
  source_path = { path = "${path.module}/fn" }
}

module "not_lambda" {
  source  = "terraform-aws-modules/s3-bucket/aws"
  handler = "nothing.here"
}
""",
            "fn/main.py": "",
        },
    )
    [function] = discover(tmp_path).functions
    assert (function.name, function.handler, function.code_root, function.line) == (
        "module.from_git",
        "main.handler",
        (tmp_path / "fn").resolve(),
        3,
    )


def test_an_unreadable_file_is_lam900_only_when_it_declares_a_function(tmp_path: Path) -> None:
    write(tmp_path, {"ok.tf": 'resource "aws_lambda_function" "ok" {\n  handler = "a.b"\n}\n'})
    (tmp_path / "latin1.tf").write_bytes(b'locals {\n  name = "caf\xe9"\n}\n')
    (tmp_path / "fn.tf").write_bytes(b'resource "aws_lambda_function" "x" {\n  name = "\xe9"\n}\n')
    discovery = discover(tmp_path)
    assert [function.name for function in discovery.functions] == ["aws_lambda_function.ok"]
    assert [
        (note.path.name, note.line, type(note), note.message[:50]) for note in discovery.notes
    ] == [
        ("fn.tf", 1, UnreadableFile, "cannot read Terraform file: 'utf-8' codec can't de"),
        ("latin1.tf", 1, Note, "cannot read Terraform file: 'utf-8' codec can't de"),
    ]


def test_only_folders_that_declare_a_function_are_parsed(tmp_path: Path) -> None:
    """A folder without a function is never read; in one with a function, a file that only
    declares what functions may use is a plain note when it does not parse, and a file that
    cannot matter (no archive, variable, local or trigger) is not read."""
    broken = 'resource "aws_cloudwatch_metric_alarm" "errors" {\n  threshold =\n}\n'
    write(
        tmp_path,
        {
            "network/vpc.tf": broken,
            "app/fn.tf": 'resource "aws_lambda_function" "fn" {\n  handler = "app.handler"\n'
            "  filename = data.archive_file.fn.output_path\n}\n",
            "app/alarms.tf": broken,
            "app/archive.tf": 'data "archive_file" "fn" {\n  source_dir =\n}\n',
        },
    )
    discovery = discover(tmp_path)
    assert [(note.path.name, note.line, type(note)) for note in discovery.notes] == [
        ("archive.tf", 2, Note)
    ]


def test_heredoc_terminators_with_trailing_blanks_parse_as_in_terraform(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "main.tf": 'resource "aws_iam_policy" "p" {\n  policy = <<EOF\n{}\nEOF   \n}\n'
            'resource "aws_lambda_function" "fn" {\n  handler = <<-H\n'
            '    app.handler\n    H \t\n  runtime = "python3.12"\n}\n'
        },
    )
    discovery = discover(tmp_path)
    assert discovery.notes == []
    [function] = discovery.functions
    assert (function.line, function.runtime) == (7, "python3.12")


def test_a_filename_naming_an_archive_output_is_that_archives_code(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "infra/main.tf": """\
resource "archive_file" "by_resource" {
  type        = "zip"
  source_file = "${path.root}/../handler.py"
  output_path = "${path.module}/dist/handler.zip"
}

resource "aws_lambda_function" "literal_output" {
  filename = "dist/handler.zip"
  handler  = "handler.main"
}

resource "aws_lambda_function" "by_reference" {
  filename = archive_file.by_resource.output_path
  handler  = "handler.main"
}

resource "aws_lambda_function" "missing_source" {
  filename = data.archive_file.gone.output_path
  handler  = "handler.main"
}

data "archive_file" "gone" {
  type        = "zip"
  source_dir  = "${path.module}/../not-built-yet"
  output_path = "gone.zip"
}
""",
            "handler.py": "def main(event, context):\n    pass\n",
        },
    )
    functions = discover(tmp_path).functions
    assert [(function.code_root, function.notes) for function in functions] == [
        ((tmp_path / "handler.py").resolve(), ()),
        ((tmp_path / "handler.py").resolve(), ()),
        (
            None,
            (
                Note(
                    tmp_path / "infra" / "main.tf",
                    18,
                    "aws_lambda_function.missing_source:"
                    ' data.archive_file.gone\'s source_dir "${path.module}/../not-built-yet"'
                    " does not exist; its code is not checked",
                ),
            ),
        ),
    ]


def test_for_each_over_literal_keys_declares_one_function_per_key(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "main.tf": """\
locals {
  names = local.workers
  workers = { fast = "python3.12", slow = "python3.9" }
}

resource "aws_lambda_function" "worker" {
  for_each = local.names
  handler  = "${each.key}.handle"
  runtime  = each.value
}

module "unknown_keys" {
  source   = "terraform-aws-modules/lambda/aws"
  for_each = var.queues
  handler  = "${each.key}.handle"
}
"""
        },
    )
    functions = discover(tmp_path).functions
    assert [(function.name, function.runtime, function.handler) for function in functions] == [
        ('aws_lambda_function.worker["fast"]', "python3.12", "fast.handle"),
        ('aws_lambda_function.worker["slow"]', "python3.9", "slow.handle"),
        ("module.unknown_keys", None, None),
    ]


def test_bucket_notifications_record_their_literal_event_names(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "main.tf": """\
resource "aws_lambda_function" "audit" {
  function_name = "audit"
  handler       = "audit.handler"
  runtime       = "python3.12"
}

resource "aws_s3_bucket_notification" "documents" {
  bucket = aws_s3_bucket.documents.id

  lambda_function {
    lambda_function_arn = aws_lambda_function.audit.arn
    events              = ["s3:ObjectRemoved:*", "s3:ObjectRestore:Completed"]
  }

  lambda_function {
    lambda_function_arn = aws_lambda_function.audit.arn
    events              = var.audit_events
  }
}
"""
        },
    )
    [function] = discover(tmp_path).functions
    assert [event.s3_events for event in function.events] == [
        ("s3:ObjectRemoved:*", "s3:ObjectRestore:Completed"),
        (),
    ]
