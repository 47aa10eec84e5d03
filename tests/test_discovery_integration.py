"""`lambdalint check` with handlers found in deployment templates, through the installed CLI."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from e2e import PLAIN_HANDLER, async_message, lambdalint, write

PROJECTS = Path(__file__).parent / "projects"
ASYNC = "async def handler(event, context):\n    pass\n"


def copy_project(name: str, tmp_path: Path) -> Path:
    return shutil.copytree(PROJECTS / name, tmp_path / name)


@pytest.mark.parametrize(
    ("project", "expected"),
    [
        (
            "sam-app",
            [
                "stacks/broken.yaml:8:1: LAM900 invalid YAML: expected ',' or ']', but got ':'",
                (
                    "template.yaml:119:16: LAM007 handler 'orders.archive.handler': module file"
                    " orders/archive.py not found under code root src"
                ),
            ],
        ),
        (
            "serverless-app",
            [
                (
                    "serverless.yml:75:14: LAM007 handler 'src/handlers/archive.handler': module file"
                    " src/handlers/archive.py not found under code root ."
                ),
                (
                    "services/legacy/serverless.yml:8:1: LAM900 invalid YAML: expected <block end>,"
                    " but found '<block mapping start>'"
                ),
            ],
        ),
        (
            "cdk-app",
            [
                (
                    "stacks/pipeline_stack.py:69:21: LAM007 handler 'cleanup.run': module file cleanup.py not"
                    " found under code root functions/orders"
                ),
            ],
        ),
        (
            "terraform-app",
            [
                "infra/broken.tf:3:1: LAM900 cannot parse Terraform file: unexpected end of file",
                (
                    "infra/jobs.tf:36:19: LAM007 handler 'jobs.purge.handler': the package holds only"
                    " src/jobs/purge.py, as module 'purge', so the handler must be purge.handler"
                ),
                (
                    "infra/modules.tf:46:19: LAM007 handler 'export.handler': module file export.py not found"
                    " under code root src/reports"
                ),
                (
                    'src/billing/invoices.py:7:10: LAM004 boto3.client("s3") is created on every invocation;'
                    " create it once at module level and reuse it"
                ),
            ],
        ),
    ],
)
def test_each_format_checks_its_declared_handlers(
    project: str, expected: list[str], tmp_path: Path
) -> None:
    run = lambdalint("check", ".", cwd=copy_project(project, tmp_path))
    assert (run.stdout.splitlines(), run.stderr, run.code) == (expected, "", 1 if expected else 0)


def test_a_declared_file_holds_only_its_declared_handlers_and_the_others_are_by_convention(
    tmp_path: Path,
) -> None:
    write(
        tmp_path,
        {
            "template.yaml": "Transform: AWS::Serverless-2016-10-31\nResources:\n"
            "  Api:\n    Type: AWS::Serverless::Function\n    Properties:\n"
            "      Runtime: python3.12\n      CodeUri: src/\n      Handler: app.handler\n"
            "  Web:\n    Type: AWS::Serverless::Function\n    Properties:\n"
            "      Runtime: nodejs20.x\n      CodeUri: web/\n      Handler: index.handler\n",
            "src/app.py": ASYNC + "\n\nasync def lambda_handler(event, context):\n    pass\n",
            "src/helpers.py": "async def lambda_handler(event, context):\n    pass\n",
            "scripts/backfill.py": ASYNC,
            "web/index.py": ASYNC,  # a Python file no declaration names, whatever deploys its folder
        },
    )
    run = lambdalint("check", ".", cwd=tmp_path)
    assert run.stdout.splitlines() == [
        f"scripts/backfill.py:1:1: {async_message('handler')}",
        f"src/app.py:1:1: {async_message('handler')}",
        f"src/helpers.py:1:1: {async_message()}",
        f"web/index.py:1:1: {async_message('handler')}",
    ]


def test_checking_a_project_from_elsewhere_reads_its_templates(tmp_path: Path) -> None:
    write(
        tmp_path / "app",
        {
            "template.yaml": "Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n"
            "      Runtime: python3.12\n      Handler: jobs.run\n",
            "jobs.py": "async def run(event, context):\n    pass\n\n\n" + PLAIN_HANDLER,
            "other.py": ASYNC,
        },
    )
    run = lambdalint("check", "app", cwd=tmp_path)
    assert run.stdout.splitlines() == [
        f"app/jobs.py:1:1: {async_message('run')}",
        f"app/other.py:1:1: {async_message('handler')}",
    ]


def test_configured_and_discovered_handlers_merge_without_duplicates(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "pyproject.toml": '[tool.lambdalint]\ncode-root = "src"\nhandlers = [\n'
            '    "app.handler",\n    "app.missing",\n]\n',
            "template.yaml": "Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n"
            "      Runtime: python3.12\n      CodeUri: src/\n      Handler: app.handler\n"
            "  Gone:\n    Type: AWS::Serverless::Function\n    Properties:\n"
            "      Runtime: python3.12\n      CodeUri: src/\n      Handler: app.missing\n",
            "src/app.py": ASYNC,
        },
    )
    run = lambdalint("check", ".", cwd=tmp_path)
    assert run.stdout.splitlines() == [
        "pyproject.toml:5:5: LAM007 handler 'app.missing': src/app.py has no top-level 'missing'",
        f"src/app.py:1:1: {async_message('handler')}",
    ]


def test_discover_empty_turns_templates_off_and_the_convention_on(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "pyproject.toml": "[tool.lambdalint]\ndiscover = []\n",
            "template.yaml": "Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n"
            "      Runtime: python3.12\n      Handler: missing.handler\n",
            "scripts/backfill.py": ASYNC,
        },
    )
    run = lambdalint("check", ".", cwd=tmp_path)
    assert run.stdout.splitlines() == [f"scripts/backfill.py:1:1: {async_message('handler')}"]


def test_discover_names_only_known_sources(tmp_path: Path) -> None:
    write(tmp_path, {"pyproject.toml": '[tool.lambdalint]\ndiscover = ["sam", "pulumi"]\n'})
    run = lambdalint("check", ".", cwd=tmp_path)
    assert (run.code, run.stdout) == (2, "")
    assert run.stderr == (
        "lambdalint: pyproject.toml:2: unknown source 'pulumi' in 'discover';"
        " expected some of sam, serverless, cdk, terraform\n"
    )


FUNCTION = (
    "  {name}:\n    Type: AWS::Serverless::Function\n    Properties:\n"
    "      Runtime: python3.12\n      CodeUri: src/\n      Handler: {handler}\n"
)


def template(*functions: tuple[str, str], extra: str = "") -> str:
    return (
        "Resources:\n"
        + "".join(FUNCTION.format(name=name, handler=handler) for name, handler in functions)
        + extra
    )


def test_what_the_runtime_cannot_load_is_lam007_at_the_handler_line(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "template.yaml": template(
                ("Builtin", "time.handler"),
                ("Preloaded", "json.handler"),
                ("Nested", "app.Handler.handle"),
                ("NoDot", "handler"),
            ),
            "src/time.py": PLAIN_HANDLER,
            "src/json.py": PLAIN_HANDLER,
            "src/app.py": "class Handler:\n    def handle(self, event, context):\n        pass\n",
        },
    )
    run = lambdalint("check", ".", cwd=tmp_path)
    assert run.stdout.splitlines() == [
        (
            "template.yaml:7:16: LAM007 handler 'time.handler': 'time' is a module built into Python,"
            " and the runtime refuses to load a handler from it (Runtime.BuiltInModuleConflict);"
            " rename the module"
        ),
        (
            "template.yaml:13:16: LAM007 handler 'json.handler': the runtime has already imported"
            " Python's own 'json' when it loads the handler, so 'json' is not the project's file"
            " (Runtime.HandlerNotFound or ImportModuleError); rename the module"
        ),
        (
            "template.yaml:19:16: LAM007 handler 'app.Handler.handle': the runtime imports"
            " 'app.Handler' as a module, but src/app.py is a module, not a package, and the runtime"
            " looks up one name on the module, never an attribute path like Handler.handle;"
            " point the handler at a module-level function"
        ),
        (
            "template.yaml:25:16: LAM007 handler 'handler' is not module.function;"
            " Lambda splits it at the last dot"
        ),
    ]


def test_wrapper_layers_check_the_handler_their_variable_names(tmp_path: Path) -> None:
    wrapped = (
        "  {name}:\n    Type: AWS::Serverless::Function\n    Properties:\n"
        "      Runtime: python3.12\n      CodeUri: src/\n      Handler: {handler}\n"
        "      Environment:\n        Variables:\n          {variable}: {real}\n"
    )
    write(
        tmp_path,
        {
            "template.yaml": template(
                ("Bare", "datadog_lambda.handler.handler"),
                extra="".join(
                    [
                        wrapped.format(
                            name="Datadog",
                            handler="datadog_lambda.handler.handler",
                            variable="DD_LAMBDA_HANDLER",
                            real="orders.create",
                        ),
                        wrapped.format(
                            name="NewRelic",
                            handler="newrelic_lambda_wrapper.handler",
                            variable="NEW_RELIC_LAMBDA_HANDLER",
                            real="orders.missing",
                        ),
                    ]
                ),
            ),
            "src/orders.py": "async def create(event, context):\n    pass\n",
        },
    )
    run = lambdalint("check", ".", cwd=tmp_path)
    assert run.stdout.splitlines() == [
        f"src/orders.py:1:1: {async_message('create')}",
        (
            "template.yaml:7:16: LAM007 handler 'datadog_lambda.handler.handler' is the Datadog"
            " wrapper, which loads the handler that DD_LAMBDA_HANDLER names, and this function does"
            " not set DD_LAMBDA_HANDLER; set it to module.function"
        ),
        (
            "template.yaml:22:1: LAM007 handler 'orders.missing' (NEW_RELIC_LAMBDA_HANDLER, loaded by"
            " the New Relic wrapper): src/orders.py has no top-level 'missing'"
        ),
    ]


INLINE = """\
Resources:
  Inline:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.12
      Handler: index.handler
      Code:
        ZipFile: |
          import boto3

          def handler(event, context):
              s3 = boto3.client("s3")
              ssm = boto3.client("ssm")  # noqa: LAM004
              return s3.list_buckets()
  WrongModule:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.12
      Handler: app.handler
      Code:
        ZipFile: "def handler(event, context):\\n    return 1\\n"
  Json:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.12
      Handler: index.handle
      Code:
        ZipFile: "import boto3\\ndef handle(event):\\n    return boto3.client('s3')\\n"
  Missing:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.12
      Handler: index.main
      Code:
        ZipFile: |
          def handler(event, context):
              pass
"""


def test_inline_code_is_module_index_with_findings_at_template_lines(tmp_path: Path) -> None:
    write(tmp_path, {"template.yaml": INLINE})
    run = lambdalint("check", ".", cwd=tmp_path)
    assert run.stdout.splitlines() == [
        (
            'template.yaml:12:20: LAM004 boto3.client("s3") is created on every invocation;'
            " create it once at module level and reuse it"
        ),
        (
            "template.yaml:19:16: LAM007 handler 'app.handler': inline code is deployed as module"
            " 'index', so the handler must be index.handler"
        ),
        (
            "template.yaml:28:1: LAM001 handler 'handle' takes 1 positional parameter but the runtime"
            " passes 2 (event, context); add a context parameter"
        ),
        (
            'template.yaml:28:12: LAM004 boto3.client("s3") is created on every invocation;'
            " create it once at module level and reuse it"
        ),
        (
            "template.yaml:33:16: LAM007 handler 'index.main': the inline code (module index) in"
            " template.yaml has no top-level 'main'"
        ),
    ]


def test_a_noqa_on_the_handler_line_silences_a_missing_inline_function(tmp_path: Path) -> None:
    """LAM007 for inline code is a finding at the declaration, silenced there like any other."""
    write(
        tmp_path,
        {
            "template.yaml": INLINE.replace(
                "Handler: index.main", "Handler: index.main  # noqa: LAM007"
            )
        },
    )
    run = lambdalint("check", ".", "--select", "LAM007", cwd=tmp_path)
    assert run.stdout.splitlines() == [
        (
            "template.yaml:19:16: LAM007 handler 'app.handler': inline code is deployed as module"
            " 'index', so the handler must be index.handler"
        )
    ]


def test_a_nested_project_reads_its_own_templates_and_the_outer_one_skips_them(
    tmp_path: Path,
) -> None:
    write(
        tmp_path,
        {
            "pyproject.toml": "[tool.lambdalint]\n",
            "template.yaml": template(("Orders", "orders.handler")),
            "src/orders.py": "async def handler(event, context):\n    pass\n",
            "services/billing/pyproject.toml": "[project]\nname = 'billing'\n\n[tool.lambdalint]\n",
            "services/billing/template.yaml": template(
                ("Charge", "charge.handler"), ("Refund", "refunds.handler")
            ),
            "services/billing/src/charge.py": ASYNC,
        },
    )
    run = lambdalint("check", ".", cwd=tmp_path)
    assert run.stdout.splitlines() == [
        "services/billing/src/charge.py:1:1: " + async_message("handler"),
        (
            "services/billing/template.yaml:13:16: LAM007 handler 'refunds.handler': module file"
            " refunds.py not found under code root services/billing/src"
        ),
        "src/orders.py:1:1: " + async_message("handler"),
    ]
    outer = lambdalint("handlers", "--format", "json", cwd=tmp_path)
    inner = lambdalint("handlers", "services/billing", "--format", "json", cwd=tmp_path)
    assert [[row["name"] for row in json.loads(run.stdout)] for run in (outer, inner)] == [
        ["Orders"],
        ["Charge", "Refund"],
    ]


GOOD = f"app.py:1:1: {async_message('handler')}"


def sam_with(bad: str) -> str:
    """A template whose second function (from line 11 on) has a setting lambdalint cannot use."""
    return (
        "Resources:\n  Good:\n    Type: AWS::Serverless::Function\n    Properties:\n"
        "      Runtime: python3.12\n      Handler: app.handler\n"
        "  Bad:\n    Type: AWS::Serverless::Function\n    Properties:\n"
        "      Runtime: python3.12\n" + bad
    )


SERVERLESS = (
    "service: orders\nprovider:\n  name: aws\n  runtime: python3.12\nfunctions:\n"
    "  good:\n    handler: app.handler\n  bad:\n"
)
TERRAFORM = """\
resource "aws_lambda_function" "good" {
  function_name = "good"
  filename      = data.archive_file.code.output_path
  handler       = "app.handler"
  runtime       = "python3.12"
}

data "archive_file" "code" {
  type        = "zip"
  source_dir  = "${path.module}"
  output_path = "${path.module}/build/code.zip"
}

resource "aws_lambda_function" "bad" {
  function_name = "bad"
  filename      = data.archive_file.code.output_path
  handler       = var.handler
  runtime       = "python3.12"
}
"""


@pytest.mark.parametrize(
    ("files", "finding", "note"),
    [
        (
            {
                "template.yaml": sam_with("      Handler: app.handler\n"),
                "stacks/broken.yaml": "Resources: [F: {Type: AWS::Lambda::Function}, a: b: c\n",
            },
            "stacks/broken.yaml:1:1: LAM900 invalid YAML: expected ',' or ']', but got ':'",
            "stacks/broken.yaml:1: invalid YAML: expected ',' or ']', but got ':'",
        ),
        (
            {"template.yaml": sam_with("      Handler: handler\n")},
            (
                "template.yaml:11:16: LAM007 handler 'handler' is not module.function; Lambda splits it at"
                " the last dot"
            ),
            None,
        ),
        (
            {
                "template.yaml": sam_with(
                    "      Handler: app.handler\n      CodeUri: ../shared/\n"
                ),
                "../shared/app.py": ASYNC,
            },
            None,
            (
                "template.yaml:12: CodeUri '../shared/' lies outside the project being checked; its"
                " code is not checked"
            ),
        ),
        (
            {"template.yaml": sam_with("      Handler: app.handler\n      CodeUri: fuctions/\n")},
            None,
            (
                "template.yaml:12: CodeUri 'fuctions/' does not exist in the repository (a build output,"
                " or not built yet); its code is not checked"
            ),
        ),
        (
            {"template.yaml": sam_with("      Handler: !Sub '${Module}.handler'\n")},
            None,
            (
                "template.yaml:11: Handler is !Sub ${Module}.handler, which lambdalint cannot resolve"
                " statically; it is not checked"
            ),
        ),
        (
            {"serverless.yml": SERVERLESS + "    handler: ${env:BAD_HANDLER}\n"},
            None,
            (
                "serverless.yml:9: handler is ${env:BAD_HANDLER}, which lambdalint cannot resolve"
                " statically; it is not checked"
            ),
        ),
        (
            {
                "serverless.yml": "plugins: [serverless-python-requirements]\npackage: {individually: true}\n"
                + SERVERLESS
                + "    handler: app.handler\n    module: billing\n"
            },
            None,
            (
                "serverless.yml:12: module 'billing' does not exist in the repository (a build output,"
                " or not built yet); its code is not checked"
            ),
        ),
        (
            {"main.tf": TERRAFORM},
            None,
            (
                "main.tf:17: aws_lambda_function.bad: handler var.handler cannot be read without"
                " running Terraform"
            ),
        ),
    ],
    ids=[
        "unparsable template",
        "handler without a dot",
        "CodeUri outside the project",
        "missing CodeUri",
        "unresolvable !Sub",
        "serverless variable",
        "missing serverless module",
        "terraform expression",
    ],
)
def test_bad_input_is_a_finding_or_a_note_and_the_rest_is_checked(
    files: dict, finding: str | None, note: str | None, tmp_path: Path
) -> None:
    project = write(
        tmp_path / "project", {"pyproject.toml": "[tool.lambdalint]\n", "app.py": ASYNC, **files}
    )
    run = lambdalint("check", ".", cwd=project)
    assert (run.stderr, run.code) == ("", 1)
    assert run.stdout.splitlines() == sorted([GOOD, *([finding] if finding else [])])
    listed = lambdalint("handlers", cwd=project)
    assert (listed.stderr, listed.code) == ("", 0)
    assert note is None or note in listed.stdout.splitlines()


def test_a_missing_globals_code_uri_is_one_note_for_every_function(tmp_path: Path) -> None:
    # a code folder that does not exist fails `sam build` before any deploy: not a finding
    write(
        tmp_path,
        {
            "template.yaml": "Globals:\n  Function:\n    CodeUri: src/\n"
            "    Runtime: python3.12\nResources:\n"
            "  A:\n    Type: AWS::Serverless::Function\n"
            "    Properties:\n      Handler: a.handler\n"
            "  B:\n    Type: AWS::Serverless::Function\n"
            "    Properties:\n      Handler: b.handler\n"
        },
    )
    run = lambdalint("check", ".", cwd=tmp_path)
    assert (run.stdout, run.code) == ("", 0)
    listed = lambdalint("handlers", cwd=tmp_path).stdout.splitlines()
    assert [line.split()[3:7] for line in listed[1:3]] == [
        ["not", "checked:", "code", "folder"]
    ] * 2
    assert listed[3:] == [
        "",
        (
            "template.yaml:3: CodeUri 'src/' does not exist in the repository"
            " (a build output, or not built yet); its code is not checked"
        ),
    ]


def test_a_handler_flag_naming_a_deployed_handler_checks_it_once(tmp_path: Path) -> None:
    write(tmp_path, {"template.yaml": template(("Fn", "app.handler")), "src/app.py": ASYNC})
    # --handler resolves against the current directory: src/, the template's code root
    run = lambdalint("check", "--handler", "app.handler", "..", cwd=tmp_path / "src")
    assert run.stdout.splitlines() == [f"app.py:1:1: {async_message('handler')}"]
