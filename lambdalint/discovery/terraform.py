"""Functions declared in Terraform: ``aws_lambda_function`` and terraform-aws-modules' lambda.

HCL is parsed with python-hcl2 (8.x), never evaluated: a literal string is read, a
``${path.module}`` is the ``.tf`` file's folder, and any other expression stays a
``Reference("terraform", expression)``. The ``.tf`` files of one folder form one
Terraform module, so references between them (``data.archive_file.x.output_path``,
``aws_lambda_function.x.arn``) are followed across files of the same folder only.

Relative paths are read from the ``.tf`` file's folder: Terraform resolves them from the
directory it runs in, which is the root module's folder (child modules use ``path.module``).

An image function (``package_type = "Image"``) is checked when its ``image_uri`` names an
image built from a Dockerfile in the repository: terraform-aws-modules' ``docker-build``
module (``source_path``, ``docker_file_path``) or the docker provider's ``docker_image`` or
``docker_registry_image`` with a ``build`` block (``context``, ``dockerfile``), read as
``dockerfile`` reads any image; ``image_config`` (``image_config_command``... on the module)
overrides its ``CMD``. An image from a registry is not checked.

Parsing is lazy: a folder is read only when one of its files can declare a function (a
byte prefilter), and then only its files that can declare what a function refers to.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from lambdalint.discovery.declarations import declaration_files
from lambdalint.discovery.dockerfile import DEFAULT_DOCKERFILE, command_words, image_function
from lambdalint.discovery.model import (
    DeployedFunction,
    Discovery,
    EventSource,
    Note,
    Reference,
    UnreadableFile,
    Value,
)
from lambdalint.files import read_bytes
from lambdalint.paths import exists, is_file

LAMBDA_MODULE_SOURCES = re.compile(
    r"^(terraform-aws-modules/lambda/aws"
    r"|(git::)?(https://|git@)?github\.com[/:]terraform-aws-modules/terraform-aws-lambda(\.git)?)"
    r"(\?.*)?$"
)
# What an event source mapping's event_source_arn names, by resource type or ARN service.
EVENT_SOURCE_TYPES = {
    "aws_sqs_queue": "SQS",
    "aws_dynamodb_table": "DynamoDB",
    "aws_kinesis_stream": "Kinesis",
    "aws_msk_cluster": "MSK",
    "aws_mq_broker": "MQ",
    "sqs": "SQS",
    "dynamodb": "DynamoDB",
    "kinesis": "Kinesis",
    "kafka": "MSK",
    "mq": "MQ",
}
_RESOURCE_ARN = re.compile(r"^(?:data\.)?(aws_[a-z0-9_]+)\.")
_LITERAL_ARN = re.compile(r"^arn:aws[a-z-]*:([a-z0-9]+):")
_FUNCTION_ADDRESS = re.compile(r"^(aws_lambda_function\.[\w-]+|module\.[\w-]+)\.")
_ARCHIVE_OUTPUT = re.compile(r"^(?:data\.)?archive_file\.([\w-]+)\.output_path$")
_INTERPOLATION = re.compile(r"(?<!\$)\$\{|(?<!%)%\{")
# Bytes of a file that can declare a function, and of one that can declare what a function
# refers to: its archive, a variable's default, a local, a trigger.
_DECLARES_FUNCTION = re.compile(
    rb'resource\s+"?aws_lambda_function"?\s|source\s*=\s*"[^"\n]*lambda'
)
_MAY_BE_REFERENCED = re.compile(
    rb"archive_file|\bvariable\b|\blocals\b|aws_lambda_"
    rb"|aws_s3_bucket_notification|aws_sns_topic_subscription"
    rb"|docker_image|docker_registry_image|docker-build"
)
_HEREDOC_START = re.compile(r"<<-?([A-Za-z_][\w-]*)\s*$")
_NAMED_VALUE = re.compile(r"^(var|local)\.([\w-]+)$")
_TOSET = re.compile(r"^toset\((\[.*\])\)$", re.DOTALL)
_PATH_PREFIXES = ("${path.module}", "${path.root}", "${path.cwd}")
# What an image_uri can name that builds the image from local files.
_IMAGE_BUILDS = re.compile(r"\b(module|docker_image|docker_registry_image)\.([\w-]+)\.")
_DOCKER_BUILD_MODULE = re.compile(r"(?:^|/)modules/docker-build(?:\?.*)?$")
MAX_FOLLOW = 5  # references followed through other references: locals, registry images


def discover(root: Path, excluded: Sequence[str] = ()) -> Discovery:
    """Every Lambda function the ``.tf`` files under root declare."""
    discovery = Discovery()
    folders: dict[Path, list[tuple[Path, bytes]]] = {}
    for path in declaration_files(root, (".tf",), excluded):
        try:
            data = read_bytes(path)
        except OSError as error:
            discovery.notes.append(UnreadableFile(path, 1, f"cannot read Terraform file: {error}"))
            continue
        folders.setdefault(path.parent, []).append((path, data))
    for folder in folders.values():
        if not any(_DECLARES_FUNCTION.search(data) for _, data in folder):
            continue
        files = [
            loaded
            for path, data in folder
            if _DECLARES_FUNCTION.search(data) or _MAY_BE_REFERENCED.search(data)
            for loaded in [_load(path, data, discovery)]
            if loaded is not None
        ]
        _TerraformModule(root.resolve(), files, discovery).read()
    return discovery


@dataclass
class _TerraformFile:
    path: Path
    body: dict[str, Any]
    lines: list[str]

    def blocks(self, kind: str, labels: int) -> Iterator[tuple[tuple[str, ...], dict[str, Any]]]:
        """The blocks of one kind (``resource``, ``data``, ``module``) with their labels."""
        for entry in _blocks(self.body.get(kind)):
            yield from _labelled(entry, labels, ())

    def header_line(self, kind: str, labels: tuple[str, ...]) -> int:
        """The line of ``kind "label" ... {``.

        python-hcl2 8 keeps no positions in its output (its ``with_meta`` is a no-op), so
        this scans the text; Terraform forbids two blocks with the same labels.
        """
        pattern = re.compile(
            r"^\s*"
            + r"\s+".join([re.escape(kind), *(f'"?{re.escape(label)}"?' for label in labels)])
            + r"\s*\{"
        )
        for number, line in enumerate(self.lines, start=1):
            if pattern.match(line):
                return number
        return 1

    def attribute_line(self, header: int, name: str) -> int:
        """The line of ``name =`` or ``name {`` directly inside the block at header, else header.

        Braces are counted naively, which holds for formatted Terraform (``${}`` is balanced).
        """
        pattern = re.compile(rf"^\s*{re.escape(name)}\s*[={{]")
        depth = 0
        for number in range(header, len(self.lines) + 1):
            line = self.lines[number - 1]
            if depth == 1 and pattern.match(line):
                return number
            depth += line.count("{") - line.count("}")
            if depth <= 0 and number > header:
                break
        return header


def _load(path: Path, data: bytes, discovery: Discovery) -> _TerraformFile | None:
    """A parsed file, or None with a note: LAM900 when the file declares a function (its
    syntax is broken for Terraform too), a plain note when it only holds what one may use."""
    import hcl2
    from lark.exceptions import UnexpectedInput

    problem = UnreadableFile if _DECLARES_FUNCTION.search(data) else Note
    try:
        text = data.decode("utf-8")  # Terraform requires UTF-8
    except UnicodeDecodeError as error:
        discovery.notes.append(problem(path, 1, f"cannot read Terraform file: {error}"))
        return None
    options = hcl2.SerializationOptions(with_comments=False, preserve_heredocs=False)
    try:
        body = hcl2.loads(_terraform_heredocs(text), serialization_options=options)
    except UnexpectedInput as error:
        token = getattr(error, "token", None)
        if token is not None and token.type == "$END":
            reason = "unexpected end of file"
        else:
            shown = token if token is not None else getattr(error, "char", "")
            reason = f"unexpected {str(shown).strip()[:40]!r}"
        discovery.notes.append(
            problem(path, max(error.line, 1), f"cannot parse Terraform file: {reason}")
        )
        return None
    except Exception as error:  # noqa: BLE001 - one file's parser failure must not stop the rest
        discovery.notes.append(problem(path, 1, f"cannot parse Terraform file: {error}"))
        return None
    lines = text.splitlines()
    argument = _top_level_argument(body)
    if argument is not None:
        assignment = re.compile(rf"^\s*{re.escape(argument)}\s*=")
        line = next((n for n, text in enumerate(lines, 1) if assignment.match(text)), 1)
        discovery.notes.append(
            problem(
                path,
                line,
                f"cannot parse Terraform file: unsupported argument {argument!r};"
                " only blocks belong at the top level",
            )
        )
        return None
    return _TerraformFile(path, body, lines)


def _top_level_argument(body: dict[str, Any]) -> str | None:
    """The name of an argument at the top of a file (``resource = 5``), which Terraform
    refuses: python-hcl2 gives a block as a list of its instances, an argument as its value."""
    for name, value in body.items():
        if not (isinstance(value, list) and value and len(_blocks(value)) == len(value)):
            return name
    return None


def _terraform_heredocs(text: str) -> str:
    """text with heredoc terminator lines stripped of trailing blanks, which Terraform
    accepts and python-hcl2 rejects; line numbers stay as they are."""
    lines = text.split("\n")
    terminator: str | None = None
    for number, line in enumerate(lines):
        if terminator is None:
            start = _HEREDOC_START.search(line)
            terminator = start.group(1) if start else None
        elif line.strip() == terminator:
            lines[number] = line.rstrip()
            terminator = None
    return "\n".join(lines)


def _labelled(
    entry: Any, count: int, labels: tuple[str, ...]
) -> Iterator[tuple[tuple[str, ...], dict[str, Any]]]:
    if not isinstance(entry, dict):
        return
    if count == 0:
        yield labels, entry
        return
    for label, inner in entry.items():
        yield from _labelled(inner, count - 1, (*labels, _unquote(label)))


def _unquote(label: str) -> str:
    return label[1:-1] if len(label) >= 2 and label[0] == label[-1] == '"' else label


# -- values ------------------------------------------------------------------------------------


def _value(raw: Any) -> Value | None:
    """A literal as its string, an expression as a Reference; None for null, lists and objects."""
    if isinstance(raw, bool):
        return "true" if raw else "false"
    if isinstance(raw, (int, float)):
        return str(raw)
    if not isinstance(raw, str):
        return None
    expression = _expression(raw)
    if expression is not None:
        return Reference("terraform", expression)
    literal = _literal(raw)
    return literal if literal is not None else Reference("terraform", raw)


def _expression(raw: str) -> str | None:
    """The text of ``${expr}`` or of a string that is exactly ``"${expr}"``."""
    if raw.startswith("${") and raw.endswith("}"):
        return raw[2:-1]
    if raw.startswith('"${') and raw.endswith('}"') and len(_INTERPOLATION.findall(raw)) == 1:
        return raw[3:-2]
    return None


def _literal(raw: Any) -> str | None:
    """The text of a quoted string without interpolation, its escapes decoded."""
    if not (isinstance(raw, str) and len(raw) >= 2 and raw[0] == raw[-1] == '"'):
        return None
    if _INTERPOLATION.search(raw):
        return None
    try:
        text: str = json.loads(raw)  # HCL's string escapes are JSON's, plus $${ and %%{
    except ValueError:
        return None
    return text.replace("$${", "${").replace("%%{", "%{")


def _shown(raw: Any) -> str:
    if isinstance(raw, (list, dict)):  # a shape, not a value: too long to quote
        return "[...]" if isinstance(raw, list) else "{...}"
    value = _value(raw)
    return value.target if isinstance(value, Reference) else str(value)


def _path(raw: Any, folder: Path) -> Path | None:
    """A path written as a literal, with ``${path.module}`` standing for the file's folder
    (and ``${path.root}``, ``${path.cwd}`` too: the folder is taken as the root module, where
    Terraform runs, as everywhere here)."""
    if raw in _PATH_PREFIXES:
        return folder.resolve()
    if not isinstance(raw, str):
        return None
    for prefix in _PATH_PREFIXES:
        raw = raw.replace(prefix, ".")
    text = _literal(raw)
    return (folder / text).resolve() if text is not None else None


def _string(raw: Any) -> str | None:
    value = _value(raw)
    return value if isinstance(value, str) else None


def _event_names(raw: Any) -> tuple[str, ...]:
    """A notification's ``events`` list; () unless every name is a literal."""
    if not isinstance(raw, list):
        return ()
    names = tuple(name for name in map(_string, raw) if name is not None)
    return names if len(names) == len(raw) else ()


def _each(raw: Any, key: str, value: str | None) -> Any:
    """raw with ``each.key`` (and ``each.value`` when it is a string) of one instance."""
    if isinstance(raw, dict):
        return {name: _each(item, key, value) for name, item in raw.items()}
    if isinstance(raw, list):
        return [_each(item, key, value) for item in raw]
    if not isinstance(raw, str):
        return raw
    for name, text in (("each.key", key), ("each.value", value)):
        if text is None:
            continue
        quoted = json.dumps(text)
        if raw == f"${{{name}}}":
            return quoted
        raw = raw.replace(f"${{{name}}}", quoted[1:-1].replace("${", "$${"))
    return raw


def _blocks(raw: Any) -> list[dict[str, Any]]:
    """Every instance of a block (python-hcl2 lists them) or an object attribute; any other
    shape, which Terraform refuses where a block belongs (``lambda_function = "x"``), is none.
    Every read of a block goes through here: HCL is data of any shape."""
    items = raw if isinstance(raw, list) else [raw]
    return [item for item in items if isinstance(item, dict)]


def _first_block(raw: Any) -> dict[str, Any]:
    """A nested block (``environment { }``) or object attribute; the first if repeated."""
    return next(iter(_blocks(raw)), {})


def _environment(raw: Any) -> dict[str, Value] | None:
    """A map of environment variables; None when it is an expression (``var.env``)."""
    if not isinstance(raw, dict):
        return None
    values = {}
    for key, item in raw.items():
        value = _value(item)
        if not key.startswith("__") and value is not None:
            values[_unquote(key)] = value
    return values


# -- one Terraform module (a folder) -----------------------------------------------------------


@dataclass
class _Declared:
    """A function being read: the record, and where its file and block are."""

    function: DeployedFunction
    file: _TerraformFile
    header: int
    function_name: str | None = None
    notes: list[Note] = field(default_factory=list)

    def note(self, attribute: str | None, message: str) -> None:
        line = self.file.attribute_line(self.header, attribute) if attribute else self.header
        self.notes.append(Note(self.file.path, line, f"{self.function.name}: {message}"))


class _TerraformModule:
    def __init__(self, root: Path, files: list[_TerraformFile], discovery: Discovery) -> None:
        self.root = root
        self.files = files
        self.discovery = discovery
        self.declared: dict[str, _Declared] = {}
        # archive_file data sources (and the archive provider's resource of the same name)
        self.archives = {
            labels[1]: (file, block)
            for file in files
            for kind in ("data", "resource")
            for labels, block in file.blocks(kind, 2)
            if labels[0] == "archive_file"
        }
        self.variables = {
            labels[0]: block["default"]
            for file in files
            for labels, block in file.blocks("variable", 1)
            if "default" in block
        }
        self.locals = {
            name: raw
            for file in files
            for entry in _blocks(file.body.get("locals"))
            for name, raw in entry.items()
        }
        # what can build an image from local files, by address: docker-build modules, and
        # the docker provider's images
        self.image_builds: dict[tuple[str, str], tuple[_TerraformFile, dict[str, Any]]] = {}
        for file in files:
            for (name,), block in file.blocks("module", 1):
                if _DOCKER_BUILD_MODULE.search(_string(block.get("source")) or ""):
                    self.image_builds[("module", name)] = (file, block)
            for (kind, name), block in file.blocks("resource", 2):
                if kind in ("docker_image", "docker_registry_image"):
                    self.image_builds[(kind, name)] = (file, block)

    def read(self) -> None:
        for file in self.files:
            for (kind, name), block in file.blocks("resource", 2):
                if kind == "aws_lambda_function":
                    for labels, instance in self._instances((kind, name), block):
                        self._resource_function(file, labels, instance)
            for (name,), block in file.blocks("module", 1):
                if LAMBDA_MODULE_SOURCES.match(
                    _string(block.get("source")) or ""
                ) and not _only_a_layer(block):
                    for labels, instance in self._instances((name,), block):
                        self._module_function(file, labels, instance)
        for file in self.files:
            for (kind, name), block in file.blocks("resource", 2):
                self._trigger(file, kind, name, block)
        for declared in self.declared.values():
            self.discovery.functions.append(
                replace(declared.function, notes=(*declared.function.notes, *declared.notes))
            )

    # -- values known without running Terraform -------------------------------------------------

    def _named(self, raw: Any) -> Any:
        """raw, or the literal that ``var.x`` (its default) or ``local.x`` stands for."""
        for _ in range(MAX_FOLLOW):  # locals may name locals; Terraform forbids cycles
            expression = _expression(raw) if isinstance(raw, str) else None
            named = _NAMED_VALUE.match(expression or "")
            table = self.variables if named and named.group(1) == "var" else self.locals
            if named is None or named.group(2) not in table:
                return raw
            raw = table[named.group(2)]
        return raw

    def _instances(
        self, labels: tuple[str, ...], block: dict[str, Any]
    ) -> Iterator[tuple[tuple[str, ...], dict[str, Any]]]:
        """One block per ``for_each`` key when the keys are literals, else the block itself."""
        keys = self._for_each(block["for_each"]) if "for_each" in block else None
        if keys is None:
            yield labels, block
            return
        for key, value in keys.items():
            yield (*labels[:-1], f"{labels[-1]}[{json.dumps(key)}]"), _each(block, key, value)

    def _for_each(self, raw: Any) -> dict[str, str | None] | None:
        """each.key -> each.value (None unless a string) of a literal set, list or map."""
        raw = self._named(raw)
        expression = _expression(raw) if isinstance(raw, str) else None
        as_set = _TOSET.match(expression or "")
        if as_set is not None:
            try:
                raw = [json.dumps(item) for item in json.loads(as_set.group(1))]
            except ValueError:
                return None
        if isinstance(raw, list):
            items = [_literal(item) for item in raw]
            keys = [item for item in items if item is not None]
            return {key: key for key in keys} if len(keys) == len(raw) else None
        if isinstance(raw, dict):
            return {
                _unquote(key): _literal(value)
                for key, value in raw.items()
                if not key.startswith("__")
            }
        return None

    # -- functions ------------------------------------------------------------------------------

    def _declare(
        self, file: _TerraformFile, kind: str, labels: tuple[str, ...], block: dict[str, Any]
    ) -> _Declared:
        header = file.header_line(kind, tuple(label.split("[")[0] for label in labels))
        address = ".".join((kind, *labels) if kind == "module" else labels)
        declared = _Declared(
            DeployedFunction(
                name=address,
                source="terraform",
                declared_in=file.path,
                line=file.attribute_line(header, "handler"),
            ),
            file,
            header,
            function_name=_string(block.get("function_name")),
        )
        read: dict[str, str | None] = {}
        for setting in ("handler", "runtime"):
            raw = self._named(block.get(setting))
            read[setting] = _string(raw)
            if raw is not None and read[setting] is None:
                declared.note(
                    setting, f"{setting} {_shown(raw)} cannot be read without running Terraform"
                )
        declared.function = replace(
            declared.function, handler=read["handler"], runtime=read["runtime"]
        )
        if (_string(block.get("package_type")) or "Zip") == "Image" or "image_uri" in block:
            declared.function = replace(declared.function, package_type="Image")
        self.declared[declared.function.name] = declared
        return declared

    def _resource_function(
        self, file: _TerraformFile, labels: tuple[str, ...], block: dict[str, Any]
    ) -> None:
        declared = self._declare(file, "resource", labels, block)
        environment = _first_block(block.get("environment")).get("variables")
        self._set_environment(declared, environment, "environment")
        if declared.function.package_type == "Image":
            config = _first_block(block.get("image_config"))
            self._image(
                declared,
                block.get("image_uri"),
                "image_config",
                *(config.get(key) for key in ("command", "entry_point", "working_directory")),
            )
            return
        if "filename" in block:
            self._code_from_file(declared, block["filename"])
        elif "s3_bucket" in block:
            declared.note(
                "s3_bucket",
                f"code is the S3 object {_shown(block.get('s3_key'))} in"
                f" bucket {_shown(block['s3_bucket'])}; not checked",
            )

    def _code_from_file(self, declared: _Declared, raw: Any) -> None:
        """The code of ``filename``: the sources of the archive_file that builds it, if any."""
        folder = declared.file.path.parent
        raw = self._named(raw)
        expression = _expression(raw) if isinstance(raw, str) else None
        by_label = _ARCHIVE_OUTPUT.match(expression or "")
        package = _path(raw, folder)
        name = (
            by_label.group(1)
            if by_label
            else next(
                (
                    label
                    for label, (file, block) in self.archives.items()
                    if package is not None
                    and _path(self._named(block.get("output_path")), file.path.parent) == package
                ),
                None,
            )
        )
        if name is None:
            self._prebuilt(declared, "filename", raw)
            return
        if name not in self.archives:
            declared.note("filename", f"data.archive_file.{name} is not declared in {folder.name}/")
            return
        file, block = self.archives[name]
        setting = "source_dir" if "source_dir" in block else "source_file"
        if setting not in block:
            declared.note(
                "filename",
                f"the code of data.archive_file.{name} (source blocks)"
                " cannot be read without running Terraform",
            )
            return
        self._set_code(
            declared,
            "filename",
            f"data.archive_file.{name}'s {setting}",
            block[setting],
            file.path.parent,
        )

    def _set_code(
        self, declared: _Declared, attribute: str, setting: str, raw: Any, folder: Path
    ) -> None:
        """Take raw (a folder, or a file alone at the package root) as the function's code."""
        code = _path(self._named(raw), folder)
        problem = (
            "cannot be read without running Terraform"
            if code is None
            else "does not exist"
            if not exists(code)
            else "lies outside the project being checked"
            if code != self.root and self.root not in code.parents
            else "is neither a folder nor a Python file"
            if is_file(code) and code.suffix != ".py"
            else None
        )
        if problem is not None:
            declared.note(attribute, f"{setting} {_shown(raw)} {problem}; its code is not checked")
            return
        declared.function = replace(declared.function, code_root=code)

    @staticmethod
    def _prebuilt(declared: _Declared, attribute: str, package: Any) -> None:
        zip_path = _path(package, declared.file.path.parent)
        shown = zip_path.name if zip_path is not None else _shown(package)
        declared.note(
            attribute,
            f"code is the prebuilt package {shown}; lambdalint cannot tell"
            " which sources it was built from",
        )

    def _module_function(
        self, file: _TerraformFile, labels: tuple[str, ...], block: dict[str, Any]
    ) -> None:
        declared = self._declare(file, "module", labels, block)
        self._set_environment(declared, block.get("environment_variables"), "environment_variables")
        for mapping in _first_block(block.get("event_source_mapping")).values():
            if isinstance(mapping, dict) and "event_source_arn" in mapping:
                self._add_event(declared, _mapped_event(mapping["event_source_arn"]))
        if declared.function.package_type == "Image":
            self._image(
                declared,
                block.get("image_uri"),
                "image_config_command",
                *(
                    block.get(f"image_config_{key}")
                    for key in ("command", "entry_point", "working_directory")
                ),
            )
            return
        if block.get("create_package") is False:
            package = block.get("local_existing_package", block.get("s3_existing_package"))
            self._prebuilt(declared, "create_package", package)
            return
        raw = self._named(block.get("source_path"))
        paths = raw if isinstance(raw, list) else [raw]
        first = paths[0] if paths else None
        first = first.get("path") if isinstance(first, dict) else first
        if len(paths) > 1:
            declared.note(
                "source_path",
                f"source_path lists {len(paths)} paths; the first,"
                f" {_shown(first)}, is taken as the code root",
            )
        self._set_code(declared, "source_path", "source_path", first, file.path.parent)

    def _image(
        self,
        declared: _Declared,
        image_uri: Any,
        overrides: str,
        command: Any,
        entry_point: Any,
        working_directory: Any,
    ) -> None:
        """An image function's handler and code: what the Dockerfile of the local build its
        image_uri names gives it, with its command, entry point and working directory."""
        build = self._local_build(self._named(image_uri))
        if build is None:
            image = f" {_shown(image_uri)}" if image_uri is not None else ""
            declared.note("image_uri", f"code is the container image{image}; not checked")
            return
        folder, settings = build
        context = _path(self._named(settings.get("context")), folder)
        dockerfile = (
            _string(self._named(settings["dockerfile"]))
            if settings.get("dockerfile") is not None
            else DEFAULT_DOCKERFILE
        )
        if context is None or dockerfile is None:
            unread = settings.get("context") if context is None else settings.get("dockerfile")
            shown = "(none)" if unread is None else _shown(unread)
            declared.note(
                "image_uri",
                f"the build context or Dockerfile {shown} of its image"
                " cannot be read without running Terraform; not checked",
            )
            return
        words: dict[str, list[str] | None] = {}
        for name, raw in (("command", command), ("entry point", entry_point)):
            items = self._named(raw)
            texts = [
                _string(self._named(item)) for item in (items if isinstance(items, list) else [])
            ]
            words[name] = command_words(texts)
            if raw is not None and words[name] is None:
                declared.note(
                    overrides,
                    f"{name} {_shown(raw)} cannot be read without running Terraform; not checked",
                )
                return
        line = declared.file.attribute_line(
            declared.header, overrides if command is not None else "image_uri"
        )
        build_args = _environment(self._named(settings.get("build_args"))) or {}
        declared.function = image_function(
            declared.function,
            context / dockerfile,
            context,
            self.root,
            line,
            words["command"],
            words["entry point"],
            _string(self._named(working_directory)),
            {key: value for key, value in build_args.items() if isinstance(value, str)},
        )

    def _local_build(self, raw: Any) -> tuple[Path, dict[str, Any]] | None:
        """The folder and build settings (context, dockerfile, build_args) of the local build
        an image reference names by address, or whose image has that very name; a registry
        image is followed to the image it pushes."""
        for _ in range(MAX_FOLLOW):
            if not isinstance(raw, str):
                return None
            found = [
                self.image_builds[key]
                for key in _IMAGE_BUILDS.findall(raw)
                if key in self.image_builds
            ] + [
                (file, block)
                for file, block in self.image_builds.values()
                if "build" in block and self._named(block.get("name")) == raw
            ]
            if not found:
                return None
            file, block = found[0]
            if "source" in block:  # the docker-build module: its context is its source_path
                return file.path.parent, {
                    "context": block.get("source_path"),
                    "dockerfile": block.get("docker_file_path"),
                    "build_args": block.get("build_args"),
                }
            build = _first_block(block.get("build"))
            if build:  # provider 2.x named the context ``path``
                context = build.get("context", build.get("path"))
                return file.path.parent, {**build, "context": context}
            raw = block.get("name")  # a registry image pushes the image of that name
        return None

    def _set_environment(self, declared: _Declared, raw: Any, attribute: str) -> None:
        if raw is None:
            return
        environment = _environment(raw)
        if environment is None:
            declared.note(
                attribute, f"environment {_shown(raw)} cannot be read without running Terraform"
            )
            return
        declared.function = replace(declared.function, environment=environment)

    # -- triggers -------------------------------------------------------------------------------

    def _trigger(self, file: _TerraformFile, kind: str, name: str, block: dict[str, Any]) -> None:
        """Record what a trigger resource (mapping, notification, subscription, URL...) wires up."""
        if kind == "aws_lambda_event_source_mapping":
            self._attach(
                file,
                kind,
                name,
                block.get("function_name"),
                _mapped_event(block.get("event_source_arn")),
            )
        elif kind == "aws_s3_bucket_notification":
            for notification in _blocks(block.get("lambda_function")):
                self._attach(
                    file,
                    kind,
                    name,
                    notification.get("lambda_function_arn"),
                    EventSource(
                        "S3",
                        _value(block.get("bucket")),
                        _string(notification.get("filter_prefix")),
                        _string(notification.get("filter_suffix")),
                        _event_names(notification.get("events")),
                    ),
                )
        elif kind == "aws_sns_topic_subscription" and _string(block.get("protocol")) == "lambda":
            self._attach(
                file,
                kind,
                name,
                block.get("endpoint"),
                EventSource("SNS", _value(block.get("topic_arn"))),
            )
        elif kind == "aws_lambda_function_url":
            self._attach(file, kind, name, block.get("function_name"), EventSource("FunctionUrl"))
        elif (
            kind == "aws_lambda_permission"
            and _string(block.get("principal")) == "apigateway.amazonaws.com"
        ):
            api = "HttpApi" if "aws_apigatewayv2_api." in str(block.get("source_arn")) else "Api"
            self._attach(file, kind, name, block.get("function_name"), EventSource(api))
        elif (
            kind == "aws_lambda_function_recursion_config"
            and _string(block.get("recursive_loop")) == "Allow"
        ):
            declared = self._function(file, kind, name, block.get("function_name"))
            if declared is not None:
                declared.function = replace(declared.function, allows_recursion=True)

    def _attach(
        self, file: _TerraformFile, kind: str, name: str, reference: Any, event: EventSource
    ) -> None:
        declared = self._function(file, kind, name, reference)
        if declared is not None:
            self._add_event(declared, event)

    @staticmethod
    def _add_event(declared: _Declared, event: EventSource) -> None:
        declared.function = replace(declared.function, events=(*declared.function.events, event))

    def _function(
        self, file: _TerraformFile, kind: str, name: str, reference: Any
    ) -> _Declared | None:
        """The function a trigger names by address (``aws_lambda_function.x.arn``) or by name."""
        expression = _expression(reference) if isinstance(reference, str) else None
        address = _FUNCTION_ADDRESS.match(expression or "")
        if address is not None and address.group(1) in self.declared:
            return self.declared[address.group(1)]
        literal = _literal(reference)
        for declared in self.declared.values():
            if literal is not None and literal == declared.function_name:
                return declared
        self.discovery.notes.append(
            Note(
                file.path,
                file.header_line("resource", (kind, name)),
                f"{kind}.{name}: the function {_shown(reference)} is not"
                " declared in this folder; its trigger is not recorded",
            )
        )
        return None


def _only_a_layer(block: dict[str, Any]) -> bool:
    """Whether a lambda module call builds a layer or nothing, not a function."""
    return (
        block.get("create_layer") is True
        or block.get("create_function") is False
        or block.get("create") is False
    )


def _mapped_event(raw: Any) -> EventSource:
    """An event source mapping's trigger, typed by the resource or ARN it reads from."""
    value = _value(raw)
    text = value.target if isinstance(value, Reference) else (value or "")
    kind = _RESOURCE_ARN.match(text) or _LITERAL_ARN.match(text)
    return EventSource(
        EVENT_SOURCE_TYPES.get(kind.group(1), "EventSourceMapping")
        if kind
        else "EventSourceMapping",
        value,
    )
