"""What a CDK app declares, whichever language it is written in: the construct and trigger
names (as the Python CDK spells them), how ``PythonFunction`` names its handler, where asset
paths start and Lambda's runtime names. Read by ``cdk`` (Python apps) and ``cdk_typescript``."""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Callable, TypeVar

from lambdalint.data.s3_events import ANY_OBJECT_CREATED
from lambdalint.discovery.model import DeployedFunction, EventSource

N = TypeVar("N")  # a syntax node of the app's language (libcst's, tree-sitter's)
APP_CONSTRUCTION = re.compile(rb"\bApp\(")  # cdk.App(), core.App(), new App(): the app file
LAMBDA = "aws_cdk.aws_lambda."
S3_EVENT_TYPE = "aws_cdk.aws_s3.EventType."
LAMBDA_INTEGRATION = "aws_cdk.aws_apigateway.LambdaIntegration"
FUNCTION_CONSTRUCTS = {
    LAMBDA + "Function",
    LAMBDA + "SingletonFunction",
    LAMBDA + "DockerImageFunction",
    "aws_cdk.aws_lambda_python_alpha.PythonFunction",
}
EVENT_SOURCES = {
    "SqsEventSource": "SQS",
    "S3EventSource": "S3",
    "S3EventSourceV2": "S3",
    "SnsEventSource": "SNS",
    "DynamoEventSource": "DynamoDB",
    "KinesisEventSource": "Kinesis",
    "ApiEventSource": "Api",
}
# Constructs that take a function and make API Gateway or a URL invoke it: (event, argument).
# A REST API integration is a proxy unless its ``proxy`` option says otherwise.
FUNCTION_TRIGGERS = {
    "aws_cdk.aws_apigateway.LambdaRestApi": ("Api", None, "handler"),
    LAMBDA_INTEGRATION: ("Api", 0, "handler"),
    "aws_cdk.aws_apigatewayv2_integrations.HttpLambdaIntegration": ("HttpApi", 1, "handler"),
    LAMBDA + "FunctionUrl": ("FunctionUrl", None, "function"),
}
# The notification methods of a bucket that fix the event names themselves.
FIXED_NOTIFICATIONS = {
    "add_object_created_notification": (ANY_OBJECT_CREATED,),
    "add_object_removed_notification": ("s3:ObjectRemoved:*",),
}
# Runtime constants whose value does not follow FAMILY_VERSION -> familyversion.
IRREGULAR_RUNTIMES = {
    "JAVA_8_CORRETTO": "java8.al2",
    "DOTNET_CORE_3_1": "dotnetcore3.1",
    "PROVIDED": "provided",
    "PROVIDED_AL2": "provided.al2",
    "PROVIDED_AL2023": "provided.al2023",
}


def python_function(
    function: DeployedFunction,
    properties: Mapping[str, N],
    string: Callable[[N], str | None],
    path: Callable[[N], Path | None],
    unreadable: Callable[[str, N], None],
    note: Callable[[N, str], None],
) -> DeployedFunction:
    """PythonFunction, whichever language's syntax nodes hold its properties: the runtime
    calls ``<index without .py, / as .>.<handler>`` in ``entry``."""
    settings = {"index": "index.py", "handler": "handler"}
    for setting in settings:
        if setting in properties:
            value = string(properties[setting])
            if value is None:
                unreadable(setting, properties[setting])
                return function
            settings[setting] = value
    if not settings["index"].endswith(".py"):
        note(properties["index"], f"index {settings['index']!r} is not a .py file; CDK rejects it")
        return function
    module = settings["index"][:-3].replace("/", ".")
    function = replace(function, handler=f"{module}.{settings['handler']}")
    entry = path(properties["entry"]) if "entry" in properties else None
    if entry is None:
        if "entry" in properties:
            unreadable("entry", properties["entry"])
        return function
    return replace(function, code_root=entry.resolve())


def asset_base(path: Path, app_folders: Collection[Path]) -> Path:
    """The folder relative asset paths in path start from: the CDK CLI runs the app in the
    folder of ``cdk.json``; without one, ``python app.py`` runs in the app file's folder."""
    folders = path.resolve().parents
    for folder in folders:
        if (folder / "cdk.json").is_file():
            return folder
    return next((folder for folder in folders if folder in app_folders), folders[0])


def runtime_name(constant: str) -> str | None:
    """``PYTHON_3_12`` -> ``python3.12``, ``NODEJS_20_X`` -> ``nodejs20.x``: Lambda's names;
    None for ``FROM_IMAGE``, whose image tells."""
    if constant == "FROM_IMAGE":
        return None
    if constant in IRREGULAR_RUNTIMES:
        return IRREGULAR_RUNTIMES[constant]
    family, _, version = constant.lower().partition("_")
    return family if version == "latest" else family + version.replace("_", ".")


# CDK v1 modules whose v2 successor has another name (most kept theirs)
CDK_V1_MODULES = {"aws_cdk.aws_lambda_python": "aws_cdk.aws_lambda_python_alpha"}


def v2_name(qualified: str) -> str:
    """A qualified name with CDK v1's module names as v2 spells them."""
    for v1_module, v2_module in CDK_V1_MODULES.items():
        if qualified == v1_module or qualified.startswith(v1_module + "."):
            return v2_module + qualified[len(v1_module) :]
    return qualified


def with_event(function: DeployedFunction, event: EventSource | None) -> DeployedFunction:
    """The function with one more trigger, when there is one."""
    return function if event is None else replace(function, events=(*function.events, event))
