"""CDK (Python) discovery: the functions a realistic app declares, read without running it."""

from __future__ import annotations

from pathlib import Path

from e2e import write

from lambdalint.discovery.cdk import discover
from lambdalint.discovery.model import (
    DeployedFunction,
    EventSource,
    Note,
    Reference,
    UnreadableFile,
)

APP = (Path(__file__).parent / "projects" / "cdk-app").resolve()
ORDERS = APP / "stacks" / "orders_stack.py"
PIPELINE = APP / "stacks" / "pipeline_stack.py"


def python(target: str) -> Reference:
    return Reference("python", target)


def test_the_app_declares_every_function_with_its_settings_and_triggers() -> None:
    discovery = discover(APP)

    assert discovery.notes == []
    assert discovery.functions == [
        DeployedFunction(
            name="OrdersFunction",
            source="cdk",
            declared_in=ORDERS,
            line=26,
            runtime="python3.12",
            handler="app.handler",
            code_root=APP / "functions" / "orders",
            environment={
                "TABLE_NAME": python("table.table_name"),
                "QUEUE_URL": python("self.queue.queue_url"),
                "LOG_LEVEL": "INFO",
                "POWERTOOLS_SERVICE_NAME": "orders",
            },
            events=(EventSource("SQS", python("self.queue")), EventSource("Api")),
        ),
        DeployedFunction(
            name="Thumbnails",
            source="cdk",
            declared_in=ORDERS,
            line=42,
            runtime="python3.11",
            handler="resize.lambda_handler",
            code_root=APP / "functions" / "thumbnails",
            environment={"BUCKET": python("uploads.bucket_name")},
            events=(
                EventSource(
                    "S3",
                    python("uploads"),
                    prefix="incoming/",
                    suffix=".jpg",
                    s3_events=("s3:ObjectCreated:*",),
                ),
            ),
            allows_recursion=True,
        ),
        DeployedFunction(
            name="Audit",
            source="cdk",
            declared_in=ORDERS,
            line=54,
            runtime="python3.12",
            handler="index.handler",
            inline_code="def handler(event, context):\n    print(event)\n",
            events=(
                EventSource(
                    "S3", python("uploads"), prefix="archive/", s3_events=("s3:ObjectRemoved:*",)
                ),
            ),
        ),
        DeployedFunction(
            name="Ingest",
            source="cdk",
            declared_in=PIPELINE,
            line=21,
            runtime="python3.12",
            handler="index.handler",
            code_root=APP / "services" / "ingest",
            events=(EventSource("SNS", python("alerts")),),
        ),
        DeployedFunction(
            name="Reports",
            source="cdk",
            declared_in=PIPELINE,
            line=32,
            runtime="python3.13",
            handler="handlers.daily.run",
            code_root=APP / "services" / "reports",
            events=(EventSource("FunctionUrl"),),
        ),
        DeployedFunction(
            name="Frontend",
            source="cdk",
            declared_in=PIPELINE,
            line=39,
            runtime="nodejs20.x",
            handler="index.handler",
            code_root=APP / "web",
        ),
        DeployedFunction(
            name="Renderer", source="cdk", declared_in=PIPELINE, line=43, package_type="Image"
        ),
        DeployedFunction(
            name="Configured",
            source="cdk",
            declared_in=PIPELINE,
            line=52,
            runtime="python3.12",
            notes=(
                Note(
                    PIPELINE,
                    52,
                    'Configured: handler self.node.try_get_context("handler")'
                    " cannot be read without running the app",
                ),
                Note(
                    PIPELINE,
                    53,
                    "Configured: code comes from Code.from_bucket(self.artifacts,"
                    ' "configured.zip"), not from local files; not checked',
                ),
            ),
        ),
        DeployedFunction(
            name="LegacyOrders",
            source="cdk",
            declared_in=PIPELINE,
            line=60,
            runtime="python3.12",
            handler="legacy.list_orders",
            code_root=APP / "functions" / "orders",
            events=(EventSource("ApiNonProxy"),),
        ),
        DeployedFunction(
            name="Cleanup",
            source="cdk",
            declared_in=PIPELINE,
            line=69,
            runtime="python3.12",
            handler="cleanup.run",
            code_root=APP / "functions" / "orders",
        ),
    ]
    checkable = [function.name for function in discovery.functions if function.checkable]
    assert checkable == [
        "OrdersFunction",
        "Thumbnails",
        "Audit",
        "Ingest",
        "Reports",
        "LegacyOrders",
        "Cleanup",
    ]


def test_without_cdk_json_assets_are_relative_to_the_app_file_and_file_paths_are_followed(
    tmp_path: Path,
) -> None:
    write(
        tmp_path,
        {
            "infra/stack.py": """\
import os
from os import path

from aws_cdk import aws_lambda
from aws_cdk.aws_lambda import Code, Function, Runtime

HERE = os.path.dirname(__file__)

Function(None, "Relative", runtime=Runtime("python3.10"), handler="a.handler",
         code=Code.from_asset("lambda"))
Function(None, "Joined", runtime=aws_lambda.Runtime.PYTHON_3_9, handler="b.handler",
         code=aws_lambda.Code.from_asset(path.join(HERE, "..", "src", "b")))
"""
        },
    )
    functions = discover(tmp_path).functions
    assert [(f.name, f.runtime, f.code_root) for f in functions] == [
        ("Relative", "python3.10", (tmp_path / "infra" / "lambda").resolve()),
        ("Joined", "python3.9", (tmp_path / "src" / "b").resolve()),
    ]
    assert {f.declared_in for f in functions} == {tmp_path / "infra" / "stack.py"}


def test_a_name_that_is_not_the_cdk_class_or_is_rebound_is_not_followed(tmp_path: Path) -> None:
    write(tmp_path, {"cdk.json": "{}"})
    write(
        tmp_path,
        {
            "stack.py": """\
from aws_cdk import aws_lambda as _lambda
from mylib import Function

HANDLER = "first.handler"
HANDLER = "second.handler"

Function(None, "NotCdk", handler="x.handler")


def build(scope, handler_name):
    return _lambda.Function(scope, "Built", runtime=_lambda.Runtime.PYTHON_3_12,
                            handler=HANDLER, code=_lambda.Code.from_asset(handler_name))
"""
        },
    )
    [function] = discover(tmp_path).functions
    assert (function.name, function.handler, function.code_root) == ("Built", None, None)
    assert [note.message for note in function.notes] == [
        "Built: handler HANDLER cannot be read without running the app",
        "Built: code _lambda.Code.from_asset(handler_name) cannot be read without running the app",
    ]
    assert [note.line for note in function.notes] == [12, 12]


def test_a_python_function_with_defaults_and_a_bad_index(tmp_path: Path) -> None:
    write(tmp_path, {"cdk.json": "{}"})
    write(
        tmp_path,
        {
            "stack.py": """\
from aws_cdk import aws_lambda_python_alpha as python

python.PythonFunction(None, "Defaults", entry="svc")
python.PythonFunction(None, "NotPython", entry="svc", index="main.js")
"""
        },
    )
    defaults, not_python = discover(tmp_path).functions
    assert (defaults.handler, defaults.code_root, defaults.line) == (
        "index.handler",
        (tmp_path / "svc").resolve(),
        3,
    )
    assert not_python.handler is None
    assert not_python.notes == (
        Note(
            tmp_path / "stack.py", 4, "NotPython: index 'main.js' is not a .py file; CDK rejects it"
        ),
    )


def test_a_file_that_does_not_parse_is_a_lam900_note_and_the_rest_still_loads(
    tmp_path: Path,
) -> None:
    write(tmp_path, {"broken.py": "from aws_cdk import aws_lambda\n\ndef stack(:\n    pass\n"})
    write(
        tmp_path,
        {
            "good.py": """\
from aws_cdk import aws_lambda
aws_lambda.Function(None, "Good", handler="app.handler", code=aws_lambda.Code.from_asset("."))
"""
        },
    )
    discovery = discover(tmp_path)
    assert [function.name for function in discovery.functions] == ["Good"]
    [note] = discovery.notes
    assert (note.path, note.line, type(note)) == (tmp_path / "broken.py", 3, UnreadableFile)
    assert note.message == "syntax error: invalid syntax"


def test_files_that_do_not_mention_aws_cdk_are_not_parsed(tmp_path: Path) -> None:
    write(tmp_path, {"handler.py": "def handler(event, context):\n    return (\n"})
    assert discover(tmp_path).notes == []


def test_cdk_files_that_do_not_name_a_lambda_module_are_not_parsed(tmp_path: Path) -> None:
    # a stack of buckets and queues declares no function, whatever else is wrong with it
    write(tmp_path, {"storage.py": "from aws_cdk import aws_s3\n\ndef stack(:\n    pass\n"})
    assert discover(tmp_path).notes == []


def test_rest_api_integrations_say_whether_they_are_proxies(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "cdk.json": "{}",
            "stack.py": """\
from aws_cdk import aws_apigateway as apigw
from aws_cdk import aws_lambda as _lambda

NO_PROXY = apigw.LambdaIntegrationOptions(proxy=False)
CODE = _lambda.Code.from_asset(".")
RUNTIME = _lambda.Runtime.PYTHON_3_12

default = _lambda.Function(None, "Default", runtime=RUNTIME, handler="a.handler", code=CODE)
proxied = _lambda.Function(None, "Proxied", runtime=RUNTIME, handler="b.handler", code=CODE)
mapped = _lambda.Function(None, "Mapped", runtime=RUNTIME, handler="c.handler", code=CODE)
routed = _lambda.Function(None, "Routed", runtime=RUNTIME, handler="d.handler", code=CODE)
options = _lambda.Function(None, "Options", runtime=RUNTIME, handler="e.handler", code=CODE)
computed = _lambda.Function(None, "Computed", runtime=RUNTIME, handler="f.handler", code=CODE)

api = apigw.RestApi(None, "Api")
api.root.add_method("GET", apigw.LambdaIntegration(default))
api.root.add_method("PUT", apigw.LambdaIntegration(proxied, proxy=True))
api.root.add_method("POST", apigw.LambdaIntegration(mapped, proxy=False))
apigw.LambdaRestApi(None, "Routed", handler=routed, proxy=False)  # no catch-all route; still a proxy
apigw.LambdaRestApi(None, "Options", handler=options, integration_options=NO_PROXY)
api.root.add_method("DELETE", apigw.LambdaIntegration(computed, proxy=settings.proxy))
""",
        },
    )
    assert [(f.name, [event.type for event in f.events]) for f in discover(tmp_path).functions] == [
        ("Default", ["Api"]),
        ("Proxied", ["Api"]),
        ("Mapped", ["ApiNonProxy"]),
        ("Routed", ["Api"]),
        ("Options", ["ApiNonProxy"]),
        ("Computed", ["ApiNonProxy"]),
    ]


def test_s3_notifications_record_their_event_names(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "cdk.json": "{}",
            "stack.py": """\
from aws_cdk import aws_lambda as _lambda
from aws_cdk import aws_s3 as s3
from aws_cdk import aws_s3_notifications as s3n
from aws_cdk.aws_lambda_event_sources import S3EventSource

CODE = _lambda.Code.from_asset(".")
EVENTS = [s3.EventType.OBJECT_REMOVED_DELETE, s3.EventType.OBJECT_CREATED_COPY]

bucket = s3.Bucket(None, "Uploads")
source = _lambda.Function(None, "Source", handler="a.handler", code=CODE)
source.add_event_source(S3EventSource(bucket, events=EVENTS))
created = _lambda.Function(None, "Created", handler="b.handler", code=CODE)
bucket.add_object_created_notification(s3n.LambdaDestination(created))
removed = _lambda.Function(None, "Removed", handler="c.handler", code=CODE)
bucket.add_event_notification(s3.EventType.OBJECT_REMOVED, s3n.LambdaDestination(removed))
unknown = _lambda.Function(None, "Unknown", handler="d.handler", code=CODE)
bucket.add_event_notification(event_type, s3n.LambdaDestination(unknown))
""",
        },
    )
    assert [
        (f.name, [event.s3_events for event in f.events]) for f in discover(tmp_path).functions
    ] == [
        ("Source", [("s3:ObjectRemoved:Delete", "s3:ObjectCreated:Copy")]),
        ("Created", [("s3:ObjectCreated:*",)]),
        ("Removed", [("s3:ObjectRemoved:*",)]),
        ("Unknown", [()]),
    ]


def test_cdk_v1_module_names_and_the_working_directory_are_followed(tmp_path: Path) -> None:
    # CDK v1's PythonFunction lived in aws_cdk.aws_lambda_python; `cdk synth` runs the app in
    # the folder of cdk.json, which os.getcwd() and Path.cwd() return
    write(
        tmp_path,
        {
            "cdk.json": '{"app": "python3 app.py"}\n',
            "lambda/api/app.py": "def handler(event, context):\n    return {}\n",
            "stacks/api.py": (
                "import os\nfrom pathlib import Path\n\n"
                "from aws_cdk import aws_lambda as lambda_\n"
                "from aws_cdk.aws_lambda_python import PythonFunction\n\n\n"
                "def build(scope):\n"
                "    PythonFunction(scope, 'Api', entry='lambda/api', index='app.py', handler='handler',\n"
                "                   runtime=lambda_.Runtime.PYTHON_3_9)\n"
                "    lambda_.Function(scope, 'Joined', runtime=lambda_.Runtime.PYTHON_3_9, handler='app.handler',\n"
                "                     code=lambda_.Code.from_asset(os.path.join(os.getcwd(), 'lambda/api')))\n"
                "    lambda_.Function(scope, 'Divided', runtime=lambda_.Runtime.PYTHON_3_9, handler='app.handler',\n"
                "                     code=lambda_.Code.from_asset(str(Path.cwd() / 'lambda' / 'api')))\n"
            ),
        },
    )
    found = discover(tmp_path)
    assert [
        (function.name, function.handler, function.code_root) for function in found.functions
    ] == [
        ("Api", "app.handler", (tmp_path / "lambda" / "api").resolve()),
        ("Joined", "app.handler", (tmp_path / "lambda" / "api").resolve()),
        ("Divided", "app.handler", (tmp_path / "lambda" / "api").resolve()),
    ]


def test_an_asset_folder_that_is_not_built_yet_is_not_a_finding(tmp_path: Path) -> None:
    from e2e import lambdalint

    write(
        tmp_path,
        {
            "cdk.json": '{"app": "python3 app.py"}\n',
            "app.py": (
                "from aws_cdk import aws_lambda as lambda_\n\n\n"
                "def build(scope):\n"
                "    lambda_.Function(scope, 'Ingest', runtime=lambda_.Runtime.PYTHON_3_12,\n"
                "                     handler='index.handler', code=lambda_.Code.from_asset('build/ingest'))\n"
            ),
        },
    )
    listed = lambdalint("handlers", cwd=tmp_path)
    assert listed.stdout.splitlines()[1].split()[3:7] == ["not", "checked:", "code", "folder"]
    run = lambdalint("check", cwd=tmp_path)
    assert (run.code, run.stdout) == (0, "")
