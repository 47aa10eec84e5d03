"""AWS SAM and CloudFormation templates: the Lambda functions they declare.

A template is any YAML/JSON file that names ``AWS::Serverless::Function`` or
``AWS::Lambda::Function`` (a byte search decides before any parsing, so a file that
declares no function is never parsed, and never an error). Read:
``AWS::Serverless::Function`` (with ``Globals.Function``: Runtime, Handler, CodeUri,
Environment, FunctionUrlConfig, RecursiveLoop) and
``AWS::Lambda::Function`` (``Code`` as a local folder, ``ZipFile``, or S3); a missing
CodeUri or Code is the template's folder, as in ``sam build``. An image function
(``PackageType: Image``) built from ``Metadata`` (``DockerContext``, ``Dockerfile``) gets its
handler and code from the Dockerfile, or from ``ImageConfig.Command`` when it overrides CMD.
Triggers come from a SAM function's ``Events`` and ``FunctionUrlConfig``, and for either kind
from the resources that point at it: ``AWS::Lambda::EventSourceMapping``,
``AWS::Lambda::Url``, an ``AWS::S3::Bucket``'s notification configuration and SNS
subscriptions.
A ``!Ref`` to a parameter with a default is resolved for Runtime, Handler and CodeUri;
everything else unresolved stays a ``Reference``.
"""

from __future__ import annotations

import io
import re
import tokenize
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any, Callable

from lambdalint.discovery.code_roots import local_folder
from lambdalint.discovery.declarations import declaration_files
from lambdalint.discovery.dockerfile import DEFAULT_DOCKERFILE, command_words, image_function
from lambdalint.discovery.model import (
    DeployedFunction,
    Discovery,
    EventSource,
    Note,
    Reference,
    Value,
)
from lambdalint.discovery.templates import (
    Located,
    TemplateError,
    as_value,
    event_names,
    load_template,
    loaded,
    scalar,
    unresolved,
)
from lambdalint.files import read_bytes

SERVERLESS_FUNCTION = "AWS::Serverless::Function"
LAMBDA_FUNCTION = "AWS::Lambda::Function"
FUNCTION_TYPES = (SERVERLESS_FUNCTION.encode(), LAMBDA_FUNCTION.encode())
# ".template" is CloudFormation's classic name; a JSON or YAML document either way
TEMPLATE_SUFFIXES = (".yaml", ".yml", ".json", ".template")
INHERITED_FROM_GLOBALS = {
    "Runtime",
    "Handler",
    "CodeUri",
    "Environment",
    "FunctionUrlConfig",
    "RecursiveLoop",
}

# The property of a SAM event that names the resource it comes from.
EVENT_RESOURCE_PROPERTY = {
    "S3": "Bucket",
    "SQS": "Queue",
    "SNS": "Topic",
    "DynamoDB": "Stream",
    "Kinesis": "Stream",
    "MSK": "Stream",
    "MQ": "Broker",
    "DocumentDB": "Cluster",
    "Api": "RestApiId",
    "HttpApi": "ApiId",
}
# What an event source mapping reads from, by the type of the resource its ARN names.
MAPPED_SOURCE_TYPES = {
    "AWS::SQS::Queue": "SQS",
    "AWS::DynamoDB::Table": "DynamoDB",
    "AWS::Kinesis::Stream": "Kinesis",
    "AWS::MSK::Cluster": "MSK",
    "AWS::AmazonMQ::Broker": "MQ",
    "AWS::DocDB::DBCluster": "DocumentDB",
}
ARN_SERVICE_TYPES = {
    "sqs": "SQS",
    "dynamodb": "DynamoDB",
    "kinesis": "Kinesis",
    "kafka": "MSK",
    "mq": "MQ",
    "rds": "DocumentDB",
}


# APIs whose OpenAPI body may wire functions itself: the property holding the body inline
# (or an AWS::Include of a local file), and the one naming a local file.
OPENAPI_BODIES = {
    "AWS::Serverless::Api": ("DefinitionBody", "DefinitionUri"),
    "AWS::ApiGateway::RestApi": ("Body", "BodyS3Location"),
}
INTEGRATION = "x-amazon-apigateway-integration"
# ${GetOrder.Arn} in an integration uri: !Sub, or a Join or GetAtt written out by _text
INVOKED_ARN = re.compile(r"\$\{([A-Za-z0-9]+)\.Arn\}")
LITERAL_FUNCTION_ARN = re.compile(r":function:([A-Za-z0-9_-]+)")


def discover(root: Path, excluded: Sequence[str] = ()) -> Discovery:
    discovery = Discovery()
    candidates = declaration_files(root, TEMPLATE_SUFFIXES, excluded)
    for path, document in loaded(candidates, discovery, _names_a_function):
        if isinstance(document, Located) and isinstance(document.get("Resources"), Located):
            discovery.functions += _Template(path, root.resolve(), document).functions()
    return discovery


def _names_a_function(content: bytes) -> bool:
    """Only a file that names a function type can declare one."""
    return any(marker in content for marker in FUNCTION_TYPES)


class _Template:
    def __init__(self, path: Path, root: Path, document: Located) -> None:
        self.path = path
        self.root = root
        self.resources: Located = document["Resources"]
        self.globals = document.section("Globals").section("Function")
        self.parameters = document.section("Parameters")
        self.non_proxy: dict[str, set[str]] = {}  # API -> functions it wires as non-proxy

    def functions(self) -> list[DeployedFunction]:
        triggers = self._triggers_declared_elsewhere()
        self.non_proxy = self._non_proxy_wiring()
        return [
            self._function(name, resource, triggers.get(name, []))
            for name, resource in self.resources.items()
            if isinstance(resource, Located)
            and resource.get("Type") in (SERVERLESS_FUNCTION, LAMBDA_FUNCTION)
        ]

    def _function(
        self, name: str, resource: Located, triggers: list[EventSource]
    ) -> DeployedFunction:
        is_sam = resource["Type"] == SERVERLESS_FUNCTION
        properties = resource.section("Properties")
        is_image = properties.get("PackageType") == "Image"
        inherited = INHERITED_FROM_GLOBALS if is_sam else set()
        if is_image:  # an image's Runtime and Handler come from the image, whatever Globals say
            inherited = inherited - {"Runtime", "Handler"}

        def setting(key: str) -> tuple[Any, int]:
            owner = self.globals if key not in properties and key in inherited else properties
            return owner.get(key), owner.line_of(key)

        notes: list[Note] = []
        runtime, runtime_line = setting("Runtime")
        runtime = self._resolved(runtime)
        if isinstance(runtime, Reference):
            notes.append(
                self._note(runtime_line, unresolved("Runtime", runtime, "it is treated as Python"))
            )
        handler, handler_line = setting("Handler")
        handler = self._resolved(handler)
        if isinstance(handler, Reference):
            notes.append(
                self._note(handler_line, unresolved("Handler", handler, "it is not checked"))
            )
        elif handler is None and not is_image:
            notes.append(
                self._note(
                    self.resources.line_of(name),
                    f"function {name} has no Handler;"
                    " Lambda cannot invoke it: set Handler to module.function",
                )
            )
        code_root = inline_code = None
        if not is_image:
            code_root, inline_code = self._code(properties, setting, is_sam, notes)
        events = [*self._sam_events(name, properties), *triggers] if is_sam else triggers
        if is_sam and setting("FunctionUrlConfig")[0] is not None:
            events.append(EventSource("FunctionUrl"))
        function = DeployedFunction(
            name=name,
            source="sam",
            declared_in=self.path,
            line=self.resources.line_of(name) if handler is None else handler_line,
            runtime=runtime if isinstance(runtime, str) else None,
            handler=handler if isinstance(handler, str) else None,
            code_root=code_root,
            package_type="Image" if is_image else "Zip",
            inline_code=inline_code,
            environment=_environment(self.globals, properties)
            if is_sam
            else _environment(properties),
            events=tuple(events),
            allows_recursion=setting("RecursiveLoop")[0] == "Allow",
            notes=tuple(notes),
        )
        return self._image(function, resource, properties) if is_image else function

    def _image(
        self, function: DeployedFunction, resource: Located, properties: Located
    ) -> DeployedFunction:
        """An image function with the handler and code its Dockerfile gives it, as `sam build`
        builds it from ``Metadata`` (``DockerContext``, ``Dockerfile``, ``DockerBuildArgs``),
        with ``ImageConfig``'s ``Command``, ``EntryPoint`` and ``WorkingDirectory``."""
        metadata = resource.section("Metadata")
        if "DockerContext" not in metadata:
            return function  # built elsewhere: ImageUri names an image in a registry
        config = properties.section("ImageConfig")
        context, dockerfile = (
            self._resolved(metadata.get(key, default))
            for key, default in (("DockerContext", None), ("Dockerfile", DEFAULT_DOCKERFILE))
        )
        overrides = {key: command_words(config.get(key)) for key in ("Command", "EntryPoint")}
        unreadable = [
            (owner, key)
            for owner, key, readable in (
                (metadata, "DockerContext", isinstance(context, str)),
                (metadata, "Dockerfile", isinstance(dockerfile, str)),
                *(
                    (config, key, key not in config or words is not None)
                    for key, words in overrides.items()
                ),
            )
            if not readable
        ]
        if unreadable:
            owner, key = unreadable[0]
            return replace(
                function,
                notes=(
                    *function.notes,
                    self._note(
                        owner.line_of(key),
                        unresolved(key, owner.get(key), "its code is not checked"),
                    ),
                ),
            )
        folder = self.path.parent / str(context)
        line = (
            config.line_of("Command")
            if overrides["Command"]
            else metadata.line_of("Dockerfile" if "Dockerfile" in metadata else "DockerContext")
        )
        working_directory = self._resolved(config.get("WorkingDirectory"))
        build_args = {
            str(key): text
            for key, value in metadata.section("DockerBuildArgs").items()
            if (text := scalar(value)) is not None
        }
        return image_function(
            function,
            folder / str(dockerfile),
            folder,
            self.root,
            line,
            overrides["Command"],
            overrides["EntryPoint"],
            working_directory if isinstance(working_directory, str) else None,
            build_args,
        )

    def _resolved(self, value: Any) -> Value | None:
        """A setting's value, with ``!Ref Parameter`` replaced by the parameter's default."""
        if isinstance(value, Reference) and value.kind == "Ref":
            default = as_value(self.parameters.section(value.target).get("Default"))
            if isinstance(default, str):
                return default
        return as_value(value)

    def _code(
        self,
        properties: Located,
        setting: Callable[[str], tuple[Any, int]],
        is_sam: bool,
        notes: list[Note],
    ) -> tuple[Path | None, str | None]:
        """The function's local code folder, or its inline source; neither without local code."""
        if is_sam and "InlineCode" in properties:
            return None, self._inline(properties, "InlineCode", notes)
        key = "CodeUri" if is_sam else "Code"
        written, line = setting(key)
        if isinstance(written, Located) and "ZipFile" in written:
            return None, self._inline(written, "ZipFile", notes)
        # a local folder, as `sam build` and `aws cloudformation package` read it ("." by default)
        written = "." if written is None else self._resolved(written)
        if isinstance(written, str) and not written.startswith("s3://"):
            folder, problem = local_folder(written, self.root, key, self.path, line)
            if problem is not None:
                notes.append(problem)
            return folder, None
        if isinstance(written, Reference):
            notes.append(self._note(line, unresolved(key, written, "its code is not checked")))
        else:  # s3://bucket/key, {Bucket, Key} or {S3Bucket, S3Key}
            notes.append(
                self._note(
                    line, f"{key} names an S3 object; its code is not local and is not checked"
                )
            )
        return None, None

    def _inline(self, owner: Located, key: str, notes: list[Note]) -> str | None:
        code = owner[key]
        if isinstance(code, str):
            return code
        if (
            isinstance(code, Reference)
            and code.kind == "Sub"
            and substitutions_in_strings(code.target)
        ):
            return code.target  # each ${X} sits in a string literal: Python reads it as text
        notes.append(
            self._note(owner.line_of(key), unresolved(key, code, "its code is not checked"))
        )
        return None

    def _sam_events(self, function: str, properties: Located) -> list[EventSource]:
        events = []
        for event in properties.section("Events").values():
            if not isinstance(event, Located) or not isinstance(event.get("Type"), str):
                continue
            event_properties = event.section("Properties")
            resource = as_value(
                event_properties.get(EVENT_RESOURCE_PROPERTY.get(event["Type"], ""))
            )
            prefix, suffix = _key_filter(event_properties.section("Filter"))
            names = event_names(event_properties.get("Events")) if event["Type"] == "S3" else ()
            kind = event["Type"]
            if kind == "Api" and function in self.non_proxy.get(_logical_id(resource) or "", ()):
                kind = "ApiNonProxy"  # the API's own OpenAPI body wires it, not as a proxy
            events.append(EventSource(kind, resource, prefix, suffix, names))
        return events

    def _non_proxy_wiring(self) -> dict[str, set[str]]:
        """API -> the functions its OpenAPI body wires with a non-proxy integration
        (``x-amazon-apigateway-integration`` of ``type: aws``, whose uri names the function's
        ARN): their responses go through the integration's mapping templates."""
        wiring: dict[str, set[str]] = {}
        for name, resource in self.resources.items():
            kind = resource.get("Type") if isinstance(resource, Located) else None
            if not isinstance(kind, str) or kind not in OPENAPI_BODIES:
                continue  # a Type of any other shape (a list, say) is no API
            kinds = OPENAPI_BODIES[kind]
            body = self._openapi_body(resource.section("Properties"), *kinds)
            for path_item in body.values() if isinstance(body, Located) else ():
                for operation in path_item.values() if isinstance(path_item, Located) else ():
                    integration = (
                        operation.get(INTEGRATION) if isinstance(operation, Located) else None
                    )
                    if isinstance(integration, Located) and integration.get("type") == "aws":
                        function = self._invoked_function(integration.get("uri"))
                        if function is not None:
                            wiring.setdefault(name, set()).add(function)
        return wiring

    def _openapi_body(self, properties: Located, inline: str, uri: str) -> Any:
        """The ``paths`` of an API's OpenAPI body: inline, included, or a local file."""
        body = properties.get(inline)
        location = properties.get(uri)
        if isinstance(body, Reference) and body.kind == "Include":
            location = body.target
        if isinstance(location, str) and "://" not in location:
            try:
                path = self.path.parent / location
                body = load_template(path, read_bytes(path))
            except (OSError, TemplateError):
                return None
        return body.get("paths") if isinstance(body, Located) else None

    def _invoked_function(self, uri: Any) -> str | None:
        """The function of this template whose ARN an integration's uri names, if just one:
        ``${GetOrder.Arn}``, or a literal ARN with the FunctionName the template gives it (a
        DefinitionUri file is not substituted)."""
        if isinstance(uri, Reference):
            names = set(INVOKED_ARN.findall(uri.target))
        else:
            literal = LITERAL_FUNCTION_ARN.search(uri) if isinstance(uri, str) else None
            names = {
                name
                for name, resource in self.resources.items()
                if literal is not None
                and isinstance(resource, Located)
                and resource.section("Properties").get("FunctionName") == literal.group(1)
            }
        if len(names) != 1:
            return None
        (name,) = names
        kind = self.resources.section(name).get("Type")
        return name if kind in (SERVERLESS_FUNCTION, LAMBDA_FUNCTION) else None

    def _triggers_declared_elsewhere(self) -> dict[str, list[EventSource]]:
        """Triggers that other resources declare: mappings, URLs, bucket notifications, SNS."""
        triggers: dict[str, list[EventSource]] = {}

        def add(function: Any, event: EventSource) -> None:
            name = _logical_id(function)
            if name is not None and self.resources.section(name).get("Type") in (
                SERVERLESS_FUNCTION,
                LAMBDA_FUNCTION,
            ):
                triggers.setdefault(name, []).append(event)

        for name, resource in self.resources.items():
            if not isinstance(resource, Located):
                continue
            kind, properties = resource.get("Type"), resource.section("Properties")
            if kind == "AWS::Lambda::EventSourceMapping":
                source = as_value(properties.get("EventSourceArn"))
                add(properties.get("FunctionName"), EventSource(self._mapped_type(source), source))
            elif kind == "AWS::Lambda::Url":
                add(properties.get("TargetFunctionArn"), EventSource("FunctionUrl"))
            elif kind == "AWS::S3::Bucket":
                notifications = properties.section("NotificationConfiguration").get(
                    "LambdaConfigurations"
                )
                for notification in _mappings(notifications):
                    prefix, suffix = _key_filter(notification.section("Filter"))
                    add(
                        notification.get("Function"),
                        EventSource(
                            "S3",
                            Reference("Ref", name),
                            prefix,
                            suffix,
                            event_names(notification.get("Event")),
                        ),
                    )
            elif kind == "AWS::SNS::Subscription" and properties.get("Protocol") == "lambda":
                add(
                    properties.get("Endpoint"),
                    EventSource("SNS", as_value(properties.get("TopicArn"))),
                )
            elif kind == "AWS::SNS::Topic":
                for subscription in _mappings(properties.get("Subscription")):
                    if subscription.get("Protocol") == "lambda":
                        add(
                            subscription.get("Endpoint"), EventSource("SNS", Reference("Ref", name))
                        )
        return triggers

    def _mapped_type(self, source: Value | None) -> str:
        if isinstance(source, Reference):
            mapped = self.resources.section(_logical_id(source) or "").get("Type")
            if isinstance(mapped, str):
                return MAPPED_SOURCE_TYPES.get(mapped, "EventSourceMapping")
            return "EventSourceMapping"
        service = source.split(":")[2] if source and source.count(":") >= 2 else ""
        return ARN_SERVICE_TYPES.get(service, "EventSourceMapping")

    def _note(self, line: int, message: str) -> Note:
        return Note(self.path, line, message)


def substitutions_in_strings(code: str) -> bool:
    """Whether every ``${...}`` of a ``!Sub`` code template lies inside a Python string
    literal, so the code parses as it will run whatever the values (a ``$`` anywhere else is
    not Python: the code only exists once CloudFormation substitutes it)."""
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(code).readline))
    except (tokenize.TokenError, SyntaxError, IndentationError):
        return False
    return not any(
        token.type == tokenize.ERRORTOKEN and token.string.strip() == "$" for token in tokens
    )


def _environment(*owners: Located) -> dict[str, Value]:
    """Environment.Variables of each owner in turn; later owners win (Globals, then function)."""
    environment: dict[str, Value] = {}
    for owner in owners:
        for key, value in owner.section("Environment").section("Variables").items():
            value = as_value(value)
            if value is not None:
                environment[str(key)] = value
    return environment


def _key_filter(filter_: Located) -> tuple[str | None, str | None]:
    """The prefix and suffix of ``Filter.S3Key.Rules``, as SAM events and buckets write it."""
    rules = {
        name.lower(): rule.get("Value")
        for rule in _mappings(filter_.section("S3Key").get("Rules"))
        # only a string names a rule; str() of an aliased list could be gigabytes long
        if isinstance(name := rule.get("Name"), str)
    }
    prefix, suffix = rules.get("prefix"), rules.get("suffix")
    return (
        prefix if isinstance(prefix, str) else None,
        suffix if isinstance(suffix, str) else None,
    )


def _logical_id(value: Any) -> str | None:
    """The resource that ``!Ref X`` or ``!GetAtt X.Attribute`` names."""
    if isinstance(value, Reference) and value.kind in ("Ref", "GetAtt"):
        return value.target.split(".")[0]
    return None


def _mappings(value: Any) -> list[Located]:
    return [item for item in value if isinstance(item, Located)] if isinstance(value, list) else []
