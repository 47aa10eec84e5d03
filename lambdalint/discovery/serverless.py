"""Serverless Framework services (``serverless.yml``/``serverless.yaml``): their functions.

Read: ``provider.runtime`` and each function's ``runtime`` (a service without either
runs Node.js, the framework's default), ``handler`` as written (dotted or a path:
``src/handlers/orders.create``), ``provider.environment`` merged with each function's
``environment``, ``events`` (``http``, ``httpApi``, ``s3``, ``sqs``, ``sns``, ``stream``,
``schedule``; other events keep their serverless.yml name; an ``http`` event whose
``integration`` is not ``lambda-proxy`` is ``ApiNonProxy``), ``url``, ``image`` and
``recursiveLoop`` (or ``RecursiveLoop`` set on the function's CloudFormation resource
under ``resources``).

An ``image`` that names one of ``provider.ecr.images`` is built from its ``path`` and
``file``: its handler and code come from the Dockerfile, or from the image's ``command``.

The code root is the service's folder, except for a function packaged from an artifact
(``package.artifact``: not checked) and serverless-python-requirements' ``module``
option: with ``package.individually`` and without ``layer``, the plugin moves the
module's folder to the root of the function's archive, so that folder is the code root.

``${...}`` variables never fail the load: ``${self:path}`` is followed to a literal in
the same file when it names one (with its ``, 'fallback'`` when the path is missing);
anything else (``${opt:stage}``, ``${env:X}``, ``${ssm:...}``, ``${file(...)}``) stays a
``Reference("variable", ...)`` whose target is the expression, or the whole string
when the variable is part of a longer one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

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
    as_value,
    event_names,
    loaded,
    scalar,
    shown,
    unresolved,
)

SERVICE_FILE_NAMES = {"serverless.yml", "serverless.yaml"}
DEFAULT_RUNTIME = "nodejs"  # what the framework deploys when no runtime is set
PYTHON_REQUIREMENTS_PLUGIN = "serverless-python-requirements"
EVENT_TYPES = {
    "http": "Api",
    "httpApi": "HttpApi",
    "s3": "S3",
    "sqs": "SQS",
    "sns": "SNS",
    "schedule": "Schedule",
}
# http event integrations that hand API Gateway's request to the function as a proxy event
PROXY_INTEGRATIONS = {"lambda-proxy", "aws-proxy", "aws_proxy"}
DEFAULT_S3_EVENT = "s3:ObjectCreated:*"
STREAM_TYPES = {"dynamodb": "DynamoDB", "kinesis": "Kinesis"}
INNERMOST_VARIABLE = re.compile(r"\$\{([^${}]*)\}")
MAX_VARIABLE_DEPTH = 10  # ${self:a} -> ${self:b} -> ... cycles stay opaque
# a variable used twice per level doubles the text each level: past this it stays opaque
MAX_RESOLVED_LENGTH = 10_000


def discover(root: Path, excluded: Sequence[str] = ()) -> Discovery:
    discovery = Discovery()
    services = (
        path
        for path in declaration_files(root, (".yml", ".yaml"), excluded)
        if path.name in SERVICE_FILE_NAMES
    )
    # a service without a functions section deploys none
    for path, document in loaded(services, discovery, lambda content: b"functions:" in content):
        if isinstance(document, Located):
            _Service(path, root.resolve(), document).add_to(discovery)
    return discovery


class _Service:
    def __init__(self, path: Path, root: Path, document: Located) -> None:
        self.path = path
        self.root = root
        self.document = document
        self.provider = document.section("provider")
        self.package = document.section("package")
        # each variable followed once per depth: ten levels that each use the next level
        # ten times would otherwise be 10**10 lookups
        self.variables: dict[tuple[str, int], Any] = {}

    def add_to(self, discovery: Discovery) -> None:
        if self.provider.get("name", "aws") != "aws":
            return
        functions = self._resolved(self.document.get("functions"))
        if isinstance(functions, list):  # a list of mappings, often one ${file(...)} each
            merged = Located(self.document.line_of("functions"))
            for item in functions:
                if isinstance(item, Located):
                    merged.update(item)
                    merged.key_lines.update(item.key_lines)
                else:
                    discovery.notes.append(self._unfollowed("functions", item))
            functions = merged
        if isinstance(functions, Located):
            discovery.functions += [
                self._function(str(name), config, functions.line_of(name))
                for name, config in functions.items()
                if isinstance(config, Located)
            ]
        elif functions is not None:
            discovery.notes.append(self._unfollowed("functions", functions))

    def _unfollowed(self, key: str, value: Any) -> Note:
        return Note(
            self.path,
            self.document.line_of(key),
            unresolved(key, value, "its functions are not listed"),
        )

    def _function(self, name: str, config: Located, name_line: int) -> DeployedFunction:
        notes: list[Note] = []
        is_image = "image" in config
        handler = as_value(self._resolved(config.get("handler")))
        if isinstance(handler, Reference):
            notes.append(
                self._note(
                    config.line_of("handler"), unresolved("handler", handler, "it is not checked")
                )
            )
        elif handler is None and not is_image:
            notes.append(
                self._note(
                    name_line, f"function {name} has no handler; set handler to module.function"
                )
            )
        function = DeployedFunction(
            name=name,
            source="serverless",
            declared_in=self.path,
            line=name_line if handler is None else config.line_of("handler"),
            runtime=None if is_image else self._runtime(config, notes),
            handler=handler if isinstance(handler, str) else None,
            code_root=None if is_image else self._code_root(config, notes),
            package_type="Image" if is_image else "Zip",
            environment={
                **self._environment(self.provider, notes),
                **self._environment(config, notes),
            },
            events=tuple(self._events(config)),
            allows_recursion=self._allows_recursion(name, config),
            notes=tuple(notes),
        )
        return self._image(function, config) if is_image else function

    def _image(self, function: DeployedFunction, config: Located) -> DeployedFunction:
        """An image function built from ``provider.ecr.images.<name>`` (``path``, ``file``,
        ``buildArgs``), with the handler and code its Dockerfile or ``command`` gives it."""
        image = self._resolved(config.get("image"))
        settings = image if isinstance(image, Located) else Located(config.line_of("image"))
        name = self._resolved(settings.get("name") if isinstance(image, Located) else image)
        build = (
            self.provider.section("ecr").section("images").get(name)
            if isinstance(name, str)
            else None
        )
        if not isinstance(build, Located):
            return function  # an image URI: built and pushed elsewhere
        path, file = (
            self._resolved(build.get(key, default))
            for key, default in (("path", "."), ("file", DEFAULT_DOCKERFILE))
        )
        if not isinstance(path, str) or not isinstance(file, str):
            return replace(
                function,
                notes=(
                    *function.notes,
                    self._note(
                        build.line, unresolved(f"image {name}", build, "its code is not checked")
                    ),
                ),
            )
        command, entry_point = (
            command_words(self._resolved(settings.get(key))) for key in ("command", "entryPoint")
        )
        working_directory = self._resolved(settings.get("workingDirectory"))
        build_args = {
            str(key): str(value)
            for key, value in (
                (key, self._resolved(value)) for key, value in build.section("buildArgs").items()
            )
            if isinstance(value, (str, int, float))
        }
        folder = self.path.parent / path
        line = settings.line_of("command") if command else config.line_of("image")
        return image_function(
            function,
            folder / file,
            folder,
            self.root,
            line,
            command,
            entry_point,
            working_directory if isinstance(working_directory, str) else None,
            build_args,
        )

    def _runtime(self, config: Located, notes: list[Note]) -> str | None:
        owner = config if "runtime" in config else self.provider
        runtime = as_value(self._resolved(owner.get("runtime")))
        if isinstance(runtime, Reference):
            notes.append(
                self._note(
                    owner.line_of("runtime"),
                    unresolved("runtime", runtime, "it is treated as Python"),
                )
            )
            return None
        if runtime is None:
            notes.append(
                self._note(
                    self.provider.line,
                    "no runtime is set, so the Serverless Framework"
                    " deploys the function on Node.js; it is not checked",
                )
            )
            return DEFAULT_RUNTIME
        return runtime

    def _code_root(self, config: Located, notes: list[Note]) -> Path | None:
        for package in (config.section("package"), self.package):
            if "artifact" in package:
                artifact = shown(self._resolved(package["artifact"]))
                notes.append(
                    self._note(
                        package.line_of("artifact"),
                        "the function is deployed from the"
                        f" prebuilt artifact {artifact}; its code is not checked",
                    )
                )
                return None
        module = as_value(self._resolved(config.get("module")))
        if not self._python_requirements_moves_modules() or module in (None, "."):
            return self.path.parent.resolve()
        if isinstance(module, Reference):
            notes.append(
                self._note(
                    config.line_of("module"),
                    unresolved("module", module, "its code is not checked"),
                )
            )
            return None
        folder, problem = local_folder(
            module, self.root, "module", self.path, config.line_of("module")
        )
        if problem is not None:
            notes.append(problem)
        return folder

    def _python_requirements_moves_modules(self) -> bool:
        plugins = self.document.get("plugins")
        if isinstance(plugins, Located):  # {localPath: ..., modules: [...]}
            plugins = plugins.get("modules")
        options = self.document.section("custom").section("pythonRequirements")
        return (
            isinstance(plugins, list)
            and PYTHON_REQUIREMENTS_PLUGIN in plugins
            and self._resolved(self.package.get("individually")) is True
            and not self._resolved(options.get("layer"))
        )

    def _environment(self, owner: Located, notes: list[Note]) -> dict[str, Value]:
        variables = self._resolved(owner.get("environment"))
        if variables is not None and not isinstance(variables, Located):
            notes.append(
                self._note(
                    owner.line_of("environment"),
                    unresolved("environment", variables, "its variables are unknown"),
                )
            )
            return {}
        values = {
            str(key): as_value(self._resolved(value)) for key, value in (variables or {}).items()
        }
        return {key: value for key, value in values.items() if value is not None}

    def _events(self, config: Located) -> list[EventSource]:
        events = []
        for event in _list(self._resolved(config.get("events"))):
            if isinstance(event, Located) and len(event) == 1:
                ((kind, spec),) = event.items()
                events.append(self._event(str(kind), self._resolved(spec)))
        url = self._resolved(config.get("url"))
        if url is not None and url is not False:
            events.append(EventSource("FunctionUrl"))
        return events

    def _event(self, kind: str, spec: Any) -> EventSource:
        details = spec if isinstance(spec, Located) else Located(0)
        if kind == "s3":
            rules = [
                rule
                for rule in _list(self._resolved(details.get("rules")))
                if isinstance(rule, Located)
            ]
            prefix, suffix = (
                next((as_value(self._resolved(rule[key])) for rule in rules if key in rule), None)
                for key in ("prefix", "suffix")
            )
            return EventSource(
                "S3",
                self._named(spec, "bucket"),
                prefix if isinstance(prefix, str) else None,
                suffix if isinstance(suffix, str) else None,
                event_names(self._resolved(details.get("event", DEFAULT_S3_EVENT))),
            )
        if kind == "sns":
            return EventSource("SNS", self._named(spec, "arn") or self._named(spec, "topicName"))
        if kind == "sqs":
            return EventSource("SQS", self._named(spec, "arn"))
        if kind == "stream":
            arn = self._named(spec, "arn")
            declared = (scalar(self._resolved(details.get("type"))) or "").lower()
            return EventSource(STREAM_TYPES.get(declared) or _stream_type(arn), arn)
        if (
            kind == "http"
            and (scalar(self._resolved(details.get("integration", "lambda-proxy"))) or "").lower()
            not in PROXY_INTEGRATIONS
        ):
            return EventSource("ApiNonProxy")
        return EventSource(EVENT_TYPES.get(kind, kind))

    def _named(self, spec: Any, key: str) -> Value | None:
        """An event's resource: the event's value itself when it is a string, else its key."""
        return as_value(self._resolved(spec.get(key) if isinstance(spec, Located) else spec))

    def _allows_recursion(self, name: str, config: Located) -> bool:
        if (scalar(self._resolved(config.get("recursiveLoop"))) or "").lower() == "allow":
            return True
        logical_id = name[:1].upper() + name[1:].replace("-", "Dash").replace("_", "Underscore")
        resources = self.document.section("resources")
        overrides = (resources.section("extensions"), resources.section("Resources"))
        return any(
            section.section(f"{logical_id}LambdaFunction")
            .section("Properties")
            .get("RecursiveLoop")
            == "Allow"
            for section in overrides
        )

    def _resolved(self, value: Any, depth: int = 0) -> Any:
        """value with its ``${self:...}`` variables followed; one that cannot be is a Reference."""
        if not isinstance(value, str) or "${" not in value:
            return value
        whole = INNERMOST_VARIABLE.fullmatch(value)
        if whole:
            found = self._variable(whole.group(1), depth)
            return Reference("variable", whole.group(1)) if found is None else found
        text = value
        while (match := INNERMOST_VARIABLE.search(text)) is not None:
            found = as_value(self._variable(match.group(1), depth))
            if not isinstance(found, str):
                return Reference("variable", value)
            text = text[: match.start()] + found + text[match.end() :]
            if len(text) > MAX_RESOLVED_LENGTH:
                return Reference("variable", value)
        return text if "${" not in text else Reference("variable", value)

    def _variable(self, expression: str, depth: int) -> Any:
        """What ``${expression}`` stands for, or None when only the deployment knows."""
        if (expression, depth) not in self.variables:
            self.variables[expression, depth] = self._followed(expression, depth)
        return self.variables[expression, depth]

    def _followed(self, expression: str, depth: int) -> Any:
        address, _, fallback = (part.strip() for part in expression.partition(","))
        if depth < MAX_VARIABLE_DEPTH and address.startswith("self:"):
            found: Any = self.document
            for key in filter(None, address[len("self:") :].split(".")):
                found = found.get(key) if isinstance(found, Located) else None
            found = self._resolved(found, depth + 1)
            if found is not None:
                return found
            if len(fallback) >= 2 and fallback[0] == fallback[-1] and fallback[0] in "'\"":
                return fallback[1:-1]
        return None

    def _note(self, line: int, message: str) -> Note:
        return Note(self.path, line, message)


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _stream_type(arn: Value | None) -> str:
    """DynamoDB or Kinesis, from the stream's ARN or the attribute that names it."""
    text = arn.target if isinstance(arn, Reference) else arn or ""
    if ":dynamodb:" in text or text.endswith(".StreamArn"):
        return "DynamoDB"
    return "Kinesis" if ":kinesis:" in text else "Stream"
