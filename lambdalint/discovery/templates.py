"""Deployment templates (YAML or JSON) loaded as plain data that remembers its lines.

YAML goes through PyYAML's SafeLoader, extended with CloudFormation's short tags
(``!Ref``, ``!GetAtt``, ``!Sub``...). A tag never constructs a Python object: an
intrinsic function, short (``!GetAtt Queue.Arn``) or long (``{"Fn::GetAtt": [...]}``),
becomes a ``Reference``, or the plain string it surely evaluates to (``!Sub`` without
variables, ``!Join`` of strings). ``!!python/object`` and other non-standard global
tags are load errors. Dates stay the strings they were written as.

Every mapping is a ``Located`` dict: the 1-based line it starts on and the line of each
key, exact in both formats (JSON goes through the json module's pure-Python scanner,
whose object hook sees each value's offset).
"""

from __future__ import annotations

import bisect
import json
import json.decoder
import json.scanner
import re
from collections.abc import Callable, Hashable, Iterable, Iterator
from pathlib import Path
from typing import Any

import yaml

from lambdalint.discovery.model import Discovery, Note, Reference, UnreadableFile, Value
from lambdalint.files import read_bytes


class Located(dict[Any, Any]):  # keys and values as YAML or JSON read them
    """A mapping from a template, with the line it starts on and the line of each key."""

    __slots__ = ("key_lines", "line")

    def __init__(self, line: int) -> None:
        super().__init__()
        self.line = line
        self.key_lines: dict[Any, int] = {}

    def line_of(self, key: Any) -> int:
        return self.key_lines.get(key, self.line)

    def section(self, key: str) -> Located:
        """The mapping under key, or an empty one at the key's line when it is not a mapping."""
        value = self.get(key)
        return value if isinstance(value, Located) else Located(self.line_of(key))


class TemplateError(Exception):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


def load_template(path: Path, content: bytes, exact_errors: bool = True) -> Any:
    """The document in path's content: YAML, or JSON for a ``.json`` file (or a ``.template``
    that starts with ``{``). Raises TemplateError, in PyYAML's words unless ``exact_errors``
    is off (then libyaml's, which needs no second parse)."""
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise TemplateError(1, f"this file is not UTF-8 ({error.reason})") from None
    is_json = path.suffix == ".json" or (
        path.suffix == ".template" and text.lstrip().startswith("{")
    )
    return load_json(text) if is_json else load_yaml(text, exact_errors)


def loaded(
    paths: Iterable[Path], discovery: Discovery, declares: Callable[[bytes], bool]
) -> Iterator[tuple[Path, Any]]:
    """Each path whose bytes ``declares`` accepts (a byte look before any parsing), with its
    document; each file is read once. A file that does not load is a LAM900 note instead, or
    a plain note when it is a generator's template (cookiecutter, Jinja) that only becomes
    YAML once rendered: the deployment tool never sees it as it is."""
    for path in paths:
        try:
            content = read_bytes(path)
        except OSError:
            continue  # the walk saw it a moment ago: gone or unreadable, nothing to declare
        if not declares(content):
            continue
        try:
            # a generator's template fails to load as it is: its note needs no exact words
            yield path, load_template(path, content, not is_generator_template(path, content))
        except TemplateError as error:
            if is_generator_template(path, content):
                discovery.notes.append(
                    Note(
                        path,
                        error.line,
                        f"{error.message}; the file holds"
                        " template placeholders ({{ }} or {% %}) and is read"
                        " only once rendered; not checked",
                    )
                )
            else:
                discovery.notes.append(UnreadableFile(path, error.line, error.message))


GENERATOR_PLACEHOLDER = re.compile(rb"\{\{.*?\}\}|\{%.*?%\}")


def is_generator_template(path: Path, content: bytes | None = None) -> bool:
    """A file with cookiecutter/Jinja placeholders, in its path or its content (read from
    path when not given)."""
    if GENERATOR_PLACEHOLDER.search(str(path).encode("utf-8", "replace")):
        return True
    try:
        return GENERATOR_PLACEHOLDER.search(content or read_bytes(path)) is not None
    except OSError:
        return False


def load_yaml(text: str, exact_errors: bool = True) -> Any:
    try:
        return yaml.load(text, Loader=FastTemplateLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as error:
        if not exact_errors:
            raise _template_error(error, text) from None
    except (yaml.YAMLError, RecursionError):
        pass
    # say why in PyYAML's own words and lines, which libyaml's differ from
    try:
        return yaml.load(text, Loader=TemplateLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as error:
        raise _template_error(error) from None
    except yaml.YAMLError as error:
        raise TemplateError(1, f"invalid YAML: {error}") from None
    except RecursionError:
        raise TemplateError(1, "invalid YAML: nested too deeply") from None


def _template_error(error: yaml.MarkedYAMLError, text: str = "") -> TemplateError:
    """PyYAML's error as a TemplateError; libyaml's (with ``text``) names the character it
    stops at as PyYAML does."""
    mark = error.problem_mark or error.context_mark
    reason = error.problem or error.context or "invalid YAML"
    if mark is not None and reason == LIBYAML_STRAY_CHARACTER:
        lines = text.splitlines()
        line = lines[mark.line] if mark.line < len(lines) else ""
        if mark.column < len(line):
            reason = f"found character {line[mark.column]!r} that cannot start any token"
    return TemplateError(mark.line + 1 if mark else 1, f"invalid YAML: {reason}")


LIBYAML_STRAY_CHARACTER = "found character that cannot start any token"


_Scanner = Callable[[str, int], tuple[Any, int]]  # (value, end) at an offset
# CPython's pure-Python object parser and scanner: undocumented, so typeshed leaves them out
_JSON_OBJECT: Callable[..., tuple[list[tuple[str, Any]], int]]
_JSON_OBJECT = json.decoder.JSONObject  # type: ignore[attr-defined]
_PY_MAKE_SCANNER: Callable[[json.JSONDecoder], _Scanner]
_PY_MAKE_SCANNER = json.scanner.py_make_scanner  # type: ignore[attr-defined]


class _HookedDecoder(json.JSONDecoder):
    """The attributes the pure-Python scanner reads, which JSONDecoder sets without declaring."""

    parse_object: Callable[..., tuple[Any, int]]
    scan_once: _Scanner


def load_json(text: str) -> Any:
    line_starts = [0] + [i + 1 for i, char in enumerate(text) if char == "\n"]

    def line_at(offset: int) -> int:
        return bisect.bisect_right(line_starts, offset)

    def parse_object(
        s_and_end: tuple[str, int],
        strict: bool,
        scan_once: _Scanner,
        object_hook: object,
        object_pairs_hook: object,
        memo: dict[str, str] | None = None,
    ) -> tuple[Any, int]:
        value_offsets: list[int] = []

        def scan_value(string: str, offset: int) -> tuple[Any, int]:
            value_offsets.append(offset)
            return scan_once(string, offset)

        pairs, end = _JSON_OBJECT(s_and_end, strict, scan_value, None, list, memo)
        mapping = Located(line_at(s_and_end[1] - 1))
        for (key, value), offset in zip(pairs, value_offsets):
            mapping[key] = value
            # only blanks and ":" lie between the key's closing quote and its value
            mapping.key_lines[key] = line_at(text.rindex('"', 0, text.rindex(":", 0, offset)))
        return _intrinsic_or_mapping(mapping), end

    decoder = _HookedDecoder()
    decoder.parse_object = parse_object
    decoder.scan_once = _PY_MAKE_SCANNER(decoder)  # the C scanner has no parse_object hook
    try:
        return decoder.decode(text)
    except json.JSONDecodeError as error:
        raise TemplateError(error.lineno, f"invalid JSON: {error.msg}") from None
    except RecursionError:
        raise TemplateError(1, "invalid JSON: nested too deeply") from None


class TemplateLoader(yaml.SafeLoader):
    """SafeLoader with CloudFormation's tags and line-carrying mappings."""

    def construct_located(self, node: yaml.MappingNode) -> Any:
        self.flatten_mapping(node)  # YAML merge keys (<<)
        mapping = Located(node.start_mark.line + 1)
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=True)
            if not isinstance(key, Hashable):
                raise yaml.constructor.ConstructorError(
                    None, None, "a mapping key must be a scalar", key_node.start_mark
                )
            mapping[key] = self.construct_object(value_node, deep=True)
            mapping.key_lines[key] = key_node.start_mark.line + 1
        return _intrinsic_or_mapping(mapping)

    def construct_timestamp(self, node: yaml.ScalarNode) -> str:
        """A date stays the text it was written as."""
        return self.construct_scalar(node)

    def construct_tagged(
        self, tag_suffix: str, node: yaml.ScalarNode | yaml.SequenceNode | yaml.MappingNode
    ) -> Any:
        """``!GetAtt Queue.Arn`` is ``{"Fn::GetAtt": "Queue.Arn"}``; an unknown local tag
        (``!Rain::Embed``) becomes an opaque Reference the same way."""
        argument: Any  # whatever the template holds there
        if isinstance(node, yaml.ScalarNode):
            argument = self.construct_scalar(node)
        elif isinstance(node, yaml.SequenceNode):
            argument = self.construct_sequence(node, deep=True)
        else:
            argument = self.construct_located(node)
        return intrinsic(tag_suffix, argument)


TemplateLoader.add_constructor("tag:yaml.org,2002:map", TemplateLoader.construct_located)
TemplateLoader.add_constructor("tag:yaml.org,2002:timestamp", TemplateLoader.construct_timestamp)
TemplateLoader.add_multi_constructor("!", TemplateLoader.construct_tagged)


# a base chosen at import time, which mypy cannot follow
class FastTemplateLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """The same construction over libyaml's parser where PyYAML has it: several times faster,
    with the same nodes and marks."""

    yaml_constructors = TemplateLoader.yaml_constructors
    yaml_multi_constructors = TemplateLoader.yaml_multi_constructors
    construct_located = TemplateLoader.construct_located
    construct_tagged = TemplateLoader.construct_tagged


def _intrinsic_or_mapping(mapping: Located) -> Any:
    """The long form of an intrinsic function is a mapping with one Ref or Fn:: key."""
    if len(mapping) == 1:
        ((key, argument),) = mapping.items()
        if key == "Ref" or (isinstance(key, str) and key.startswith("Fn::")):
            return intrinsic(key, argument)
    return mapping


def intrinsic(name: str, argument: Any) -> Any:
    """A CloudFormation intrinsic function (``Fn::Sub`` or ``Sub``) as a Reference, or the
    string it surely evaluates to."""
    kind = name[len("Fn::") :] if name.startswith("Fn::") else name
    if kind == "GetAtt" and isinstance(argument, list):
        return Reference("GetAtt", ".".join(_text(part) for part in argument))
    if kind == "Sub":
        template = argument[0] if isinstance(argument, list) and argument else argument
        if isinstance(template, str) and "${" not in template.replace("${!", ""):
            return template.replace("${!", "${")  # ${!Name} is the escape for a literal ${Name}
        return Reference("Sub", _text(template))
    if kind == "Join" and isinstance(argument, list) and len(argument) == 2:
        delimiter, parts = argument
        if isinstance(delimiter, str) and isinstance(parts, list):
            if all(isinstance(part, str) for part in parts):
                return delimiter.join(parts)
            return Reference("Join", delimiter.join(_text(part) for part in parts))
    if kind == "Select" and isinstance(argument, list) and len(argument) == 2:
        index, items = argument
        if isinstance(items, list) and str(index).isdigit() and int(index) < len(items):
            chosen = items[int(index)]
            if isinstance(chosen, (str, Reference)):
                return chosen
    if kind == "If" and isinstance(argument, list) and argument:
        return Reference("If", _text(argument[0]))  # which branch applies is a deploy-time fact
    if (
        kind == "Transform"
        and isinstance(argument, dict)
        and argument.get("Name") == "AWS::Include"
    ):
        parameters = argument.get("Parameters")
        location = parameters.get("Location") if isinstance(parameters, dict) else None
        if isinstance(location, str):
            return Reference("Include", location)  # a file whose content takes its place
    if kind == "FindInMap" and isinstance(argument, list):
        return Reference("FindInMap", ".".join(_text(part) for part in argument))
    return Reference(kind, _text(argument))


def _text(value: Any) -> str:
    """A short rendering of an intrinsic's argument, in !Sub's ${} syntax for references.

    Nested lists are not expanded: YAML aliases could make them exponentially long.
    """
    if isinstance(value, list):
        return ", ".join(_scalar_text(item) for item in value)
    return _scalar_text(value)


def _scalar_text(value: Any) -> str:
    if isinstance(value, Reference):
        return (
            "${" + value.target + "}"
            if value.kind in ("Ref", "GetAtt")
            else "${" + str(value) + "}"
        )
    if isinstance(value, (list, dict)):
        return "…"
    return scalar(value) or ""


def scalar(value: Any) -> str | None:
    """A YAML scalar as the string the deployment tool passes on (``true``, ``8080``)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (str, int, float)):
        return str(value)
    return None


def unresolved(setting: str, value: Any, consequence: str) -> str:
    """The note for a setting whose value only the deployment knows."""
    return f"{setting} is {shown(value)}, which lambdalint cannot resolve statically; {consequence}"


def shown(value: Any) -> str:
    """A setting's value as the template writes it, for messages: ``!Ref Queue``, ``${env:X}``."""
    value = as_value(value)
    if isinstance(value, Reference) and value.kind == "variable":
        return value.target if "${" in value.target else "${" + value.target + "}"
    if isinstance(value, Reference):
        return f"!{value.kind} {value.target}"
    return "a structure" if value is None else value


def event_names(value: Any) -> tuple[str, ...]:
    """S3 notification event names, written as one or a list; () unless all are literals."""
    names = value if isinstance(value, list) else [value]
    if names and all(isinstance(name, str) for name in names):
        return tuple(names)
    return ()


def as_value(value: Any) -> Value | None:
    """A setting's value as the model keeps it: a string, a Reference, or None for anything else."""
    return value if isinstance(value, Reference) else scalar(value)
