"""CDK apps in TypeScript and JavaScript, and CDK asset paths: what `lambdalint handlers` lists
and what `lambdalint check` finds, on small apps shaped like real ones."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from e2e import lambdalint, write

from lambdalint.discovery.cdk import discover
from lambdalint.discovery.model import EventSource, Note, Reference

PROJECTS = Path(__file__).parent / "projects"

TYPESCRIPT_TABLE = """\
NAME            RUNTIME     HANDLER         CODE                                  DECLARED IN             TRIGGERS  INTENT
OrdersFunction  python3.12  app.handler     lambda/orders/app.py:handler          lib/orders-stack.ts:25  SQS, Api
DailyReport     python3.13  daily.run       services/reports/daily.py:run         lib/orders-stack.ts:38  S3
Setup           python3.12  setup.on_event  custom/setup.py:on_event              lib/orders-stack.ts:47  -
Cleanup         python3.12  index.handler   lib/orders-stack.ts (inline):handler  lib/orders-stack.ts:53  -
Frontend        nodejs20.x  index.handler   not checked: nodejs20.x               lib/orders-stack.ts:65  -

lib/orders-stack.ts:48: Setup: inline code read from setup.py is deployed as module index; checked as setup.py
"""
JAVASCRIPT_TABLE = """\
NAME   RUNTIME     HANDLER                   CODE                             DECLARED IN            TRIGGERS  INTENT
Hello  python3.11  hello.app.lambda_handler  src/hello/app.py:lambda_handler  lib/hello-stack.js:12  SNS
"""
SUBPACKAGE_TABLE = """\
NAME         RUNTIME     HANDLER         CODE                             DECLARED IN             TRIGGERS  INTENT
ApiFunction  python3.12  api.handler     lambda/api/api.py:handler        stacks/api/stack.py:18  HttpApi
Worker       -           worker.handler  lambda/worker/worker.py:handler  stacks/api/stack.py:22  -
"""


def copy_project(name: str, tmp_path: Path) -> Path:
    return shutil.copytree(PROJECTS / name, tmp_path / name)


@pytest.mark.parametrize(
    ("project", "table"),
    [
        ("cdk-typescript-app", TYPESCRIPT_TABLE),
        ("cdk-javascript-app", JAVASCRIPT_TABLE),
        ("cdk-python-subpackage", SUBPACKAGE_TABLE),
    ],
)
def test_the_table_lists_the_apps_functions(project: str, table: str, tmp_path: Path) -> None:
    run = lambdalint("handlers", cwd=copy_project(project, tmp_path))
    assert (run.code, run.stderr, run.stdout) == (0, "", table)


def test_the_python_handlers_a_typescript_app_deploys_are_checked(tmp_path: Path) -> None:
    run = lambdalint("check", cwd=copy_project("cdk-typescript-app", tmp_path))
    assert (run.stdout.splitlines(), run.stderr, run.code) == (
        [
            (
                "lib/orders-stack.ts:25:1: LAM007 handler 'app.handler': lambda/orders/app.py has no"
                " top-level 'handler'"
            ),
            (
                "lib/orders-stack.ts:58:1: LAM002 handler 'handler' is async def; the runtime calls it"
                " without awaiting and gets a coroutine; make it a plain def that calls asyncio.run(...)"
            ),
            (
                "services/reports/daily.py:9:5: LAM006 this function writes to bucket reportsBucket, which"
                " triggers it (S3 event of DailyReport, lib/orders-stack.ts:38); every write invokes it"
                " again: write to another bucket or filter the trigger by prefix/suffix"
            ),
        ],
        "",
        1,
    )


def test_a_javascript_app_carries_its_triggers_and_environment_to_the_rules(tmp_path: Path) -> None:
    run = lambdalint("check", cwd=copy_project("cdk-javascript-app", tmp_path))
    assert run.stdout.splitlines() == [
        (
            "src/hello/app.py:9:5: LAM006 this function publishes to topic topic, which triggers it"
            " (SNS event of Hello, lib/hello-stack.js:12); every message invokes it again: publish"
            " to another topic"
        ),
    ]


def test_without_cdk_json_asset_paths_start_from_the_app_files_folder(tmp_path: Path) -> None:
    """``python app.py`` runs in the app's folder, so a stack module in a subpackage names
    ``lambda/api`` from there, not from ``stacks/api``."""
    project = copy_project("cdk-python-subpackage", tmp_path)
    (project / "cdk.json").unlink()
    run = lambdalint("handlers", cwd=project)
    assert (run.code, run.stdout) == (0, SUBPACKAGE_TABLE)


def test_names_imports_and_literals_are_followed(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "cdk.json": "{}",
            "lib/stack.ts": """\
import { aws_lambda as lambda_, aws_lambda_event_sources as sources } from "aws-cdk-lib";
import lambdaV1 = require("@aws-cdk/aws-lambda");
import { join } from "node:path";

const HANDLER = `main.handler`;
const CODE = lambda_.Code.fromAsset(join(__dirname, "..", "src"));
const stream = props.stream;

export class Stack {
  constructor(scope: Construct, id: string) {
    const fn = new lambda_.SingletonFunction(this, "Single", {
      uuid: "1",
      runtime: new lambda_.Runtime("python3.10"),
      handler: HANDLER,
      code: CODE,
      recursiveLoop: lambda_.RecursiveLoop.ALLOW,
      events: [new sources.KinesisEventSource(stream!, { startingPosition: x })],
    });
    fn.addFunctionUrl();
    new lambdaV1.Function(this, "V1", {
      runtime: lambdaV1.Runtime.PYTHON_3_8,
      handler: "v1." + "handler",
      code: lambdaV1.Code.fromAsset(`${__dirname}/../v1`),
    });
  }
}
""",
        },
    )
    single, v1 = discover(tmp_path).functions
    assert (
        single.name,
        single.runtime,
        single.handler,
        single.code_root,
        single.events,
        single.allows_recursion,
    ) == (
        "Single",
        "python3.10",
        "main.handler",
        (tmp_path / "src").resolve(),
        (EventSource("Kinesis", Reference("typescript", "stream!")), EventSource("FunctionUrl")),
        True,
    )
    assert (v1.runtime, v1.handler, v1.code_root) == (
        "python3.8",
        "v1.handler",
        (tmp_path / "v1").resolve(),
    )


def test_what_cannot_be_read_is_a_note_and_other_constructs_are_not_functions(
    tmp_path: Path,
) -> None:
    write(
        tmp_path,
        {
            "cdk.json": "{}",
            "lib/stack.ts": """\
import * as lambda from "aws-cdk-lib/aws-lambda";
import { Function } from "./my-constructs";

let handler = "first.handler";
handler = "second.handler";

new Function(this, "NotCdk", { handler: "x.handler" });
new lambda.Function(this, "Computed", {
  runtime: lambda.Runtime.PYTHON_3_12,
  handler,
  code: lambda.Code.fromAsset(props.codePath),
  environment: { ...shared, STAGE: "prod" },
});
new lambda.Function(this, "FromBucket", {
  runtime: lambda.Runtime.PYTHON_3_12,
  handler: "app.handler",
  code: lambda.Code.fromBucket(artifacts, "app.zip"),
});
""",
        },
    )
    computed, from_bucket = discover(tmp_path).functions
    stack = tmp_path / "lib" / "stack.ts"
    assert (computed.handler, computed.code_root, computed.environment) == (
        None,
        None,
        {"STAGE": "prod"},
    )
    assert computed.notes == (
        Note(stack, 10, "Computed: handler handler cannot be read without running the app"),
        Note(
            stack,
            11,
            "Computed: code lambda.Code.fromAsset(props.codePath) cannot be read"
            " without running the app",
        ),
        Note(
            stack,
            12,
            "Computed: environment entry ...shared cannot be read without running the app",
        ),
    )
    assert from_bucket.notes == (
        Note(
            stack,
            17,
            "FromBucket: code comes from"
            ' lambda.Code.fromBucket(artifacts, "app.zip"), not from'
            " local files; not checked",
        ),
    )


def test_tests_declarations_and_dependencies_are_not_read(tmp_path: Path) -> None:
    function = """\
import * as lambda from "aws-cdk-lib/aws-lambda";
new lambda.Function(this, "F", { runtime: lambda.Runtime.PYTHON_3_12, handler: "a.handler",
  code: lambda.Code.fromAsset("src") });
"""
    write(
        tmp_path,
        {
            "test/stack.test.ts": function,
            "lib/stack.spec.ts": function,
            "lib/stack.d.ts": function,
            "node_modules/pkg/index.js": function,
            "cdk.out/asset.js": function,
            "lib/handler.ts": "export const x = 1;\n",
        },
    )
    assert discover(tmp_path).functions == []


def test_a_file_tree_sitter_cannot_read_is_a_note_not_a_finding(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "cdk.json": "{}",
            "lib/stack.ts": """\
import * as lambda from "aws-cdk-lib/aws-lambda";
new lambda.Function(this, "Kept", { runtime: lambda.Runtime.PYTHON_3_12, handler: "a.handler",
  code: lambda.Code.fromAsset("src") });
const broken = {{;
""",
        },
    )
    discovery = discover(tmp_path)
    assert [function.name for function in discovery.functions] == ["Kept"]
    assert [(note.line, type(note)) for note in discovery.notes] == [(4, Note)]


def test_props_spread_from_a_literal_are_read_and_other_spreads_hide_the_runtime(
    tmp_path: Path,
) -> None:
    write(
        tmp_path,
        {
            "cdk.json": "{}",
            "lib/stack.ts": """\
import * as lambda from "aws-cdk-lib/aws-lambda";
import { SqsEventSource } from "aws-cdk-lib/aws-lambda-event-sources";

const common = { runtime: lambda.Runtime.PYTHON_3_12, code: lambda.Code.fromAsset("src") };

class Stack {
  readonly worker = new lambda.Function(this, "Worker", { ...common, handler: "worker.handler" });

  constructor(props: Props) {
    this.worker.addEventSource(new SqsEventSource(props.queue));
    new lambda.Function(this, "Shared", { ...props.functionDefaults, handler: "index.handler" });
  }
}
""",
        },
    )
    worker, shared = discover(tmp_path).functions
    assert (worker.runtime, worker.handler, worker.code_root, worker.events) == (
        "python3.12",
        "worker.handler",
        (tmp_path / "src").resolve(),
        (EventSource("SQS", Reference("typescript", "props.queue")),),
    )
    assert (shared.runtime, shared.handler, shared.checkable) == (None, None, False)
    assert shared.notes == (
        Note(
            tmp_path / "lib" / "stack.ts",
            11,
            "Shared: props ...props.functionDefaults cannot be read without running the app",
        ),
    )
