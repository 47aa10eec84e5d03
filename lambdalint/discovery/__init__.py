"""Sources of handler declarations: ``[tool.lambdalint] handlers`` and deployment formats.

Each deployment format is one module here (``sam``, ``serverless``, ``cdk``, ``terraform``)
with ``discover(root, excluded) -> Discovery``; ``discover`` below runs the ones a
project enables, and ``declared_handlers`` merges their checkable functions with the
configured handlers.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import replace
from importlib import import_module
from pathlib import Path

from lambdalint.config import Config, HandlerSpec
from lambdalint.data.runtime_modules import WRAPPER_HANDLERS
from lambdalint.discovery import pyproject
from lambdalint.discovery.declarations import DECLARATION_SUFFIXES, one_walk, oversized_files
from lambdalint.discovery.model import DeployedFunction, Discovery, Note, Reference
from lambdalint.files import Tree, too_large
from lambdalint.paths import exists


def discover(
    root: Path,
    sources: Sequence[str],
    excluded: Sequence[str] = (),
    tree: Tree | None = None,
    max_file_size: int | None = None,
) -> Discovery:
    """Every function the enabled sources declare under root, in source order; ``tree``, a
    walk of root the caller already has (``declarations.project_tree``), spares another.
    A file above max_file_size bytes is not read: a note says so (a Python file's, when it
    is checked by convention, is the run's)."""
    found = Discovery()
    if not sources:
        return found
    with one_walk(root, excluded, tree, max_file_size):
        for name in sources:
            part = import_module(f"lambdalint.discovery.{name}").discover(root, excluded)
            found.functions += part.functions
            found.notes += part.notes
        if max_file_size is not None:
            suffixes = tuple(suffix for suffix in DECLARATION_SUFFIXES if suffix != ".py")
            found.notes += [
                Note(path, 1, too_large(size, max_file_size))
                for path, size in oversized_files(root, suffixes, excluded)
            ]
    return found


def declared_handlers(
    config: Config,
    deployed: Sequence[DeployedFunction] = (),
    command_line: Sequence[HandlerSpec] = (),
) -> list[HandlerSpec]:
    """The configured handlers (pyproject.toml's, then ``--handler``'s), then each checkable
    deployed function's, without duplicates.

    A handler both configured and deployed keeps its configuration entry (where a LAM007
    is reported); one that several functions deploy from the same code stays one handler
    (checked once) that carries every function's triggers and environment.
    """
    seen: dict[_Identity, HandlerSpec] = {}
    discovered = [spec for spec in map(deployed_spec, deployed) if spec is not None]
    for spec in [*pyproject.handlers(config), *command_line, *discovered]:
        first = seen.setdefault(_identity(spec), spec)
        if first is not spec:
            seen[_identity(spec)] = replace(first, deployments=first.deployments + spec.deployments)
    return list(seen.values())


_Identity = tuple[object, ...]


def _identity(spec: HandlerSpec) -> _Identity:
    """Same handler string and code root; inline code is its own module, one per function."""
    if spec.deployment is not None and spec.deployment.inline_code is not None:
        return (spec.handler, spec.declared_in, spec.declared_line)
    return (spec.handler, spec.code_root)


def why_unchecked(function: DeployedFunction) -> str | None:
    """Why lambdalint does not check a deployed function's code, or None when it does."""
    if not function.is_python:
        return f"not checked: {function.runtime}"
    if function.package_type == "Image" and function.code_root is None:
        return "not checked: image"  # no Dockerfile lambdalint can follow: its notes say why
    if function.handler is None:
        return "not checked: no handler"
    if function.code_root is None and function.inline_code is None:
        reason = next(
            (note.unchecked for note in function.notes if note.unchecked), "no local code"
        )
        return f"not checked: {reason}"
    if function.code_root is not None and not exists(function.code_root):
        # a build output not built yet, whichever source named it: the build fails first
        return "not checked: code folder not found"
    wrapper = WRAPPER_HANDLERS.get(function.handler)
    if wrapper is not None and isinstance(function.environment.get(wrapper[1]), Reference):
        return f"not checked: {wrapper[1]} unresolved"
    return None


def deployed_spec(function: DeployedFunction) -> HandlerSpec | None:
    """The handler the runtime loads for a deployed function, when lambdalint can check it.

    Behind a wrapper layer that is the handler its environment variable names.
    """
    handler = function.handler
    if why_unchecked(function) is not None or handler is None:  # it is None for no handler
        return None
    wrapper = WRAPPER_HANDLERS.get(handler)
    real = function.environment.get(wrapper[1]) if wrapper else None
    code_root = function.code_root or function.declared_in.parent
    return HandlerSpec(
        real if isinstance(real, str) else handler,
        code_root.resolve(),
        function.declared_in,
        function.line,
        deployments=(function,),
    )


def inline_placement(function: DeployedFunction) -> tuple[tuple[int, ...], int]:
    """The template line of each line of a function's inline code, and its indentation.

    A YAML block scalar or a triple-quoted Python string holds the code verbatim, one
    template line per code line; any other string (JSON's, one line with ``\\n``
    escapes) puts every code line on the template line that holds its first line.
    """
    code = (function.inline_code or "").splitlines() or [""]
    try:
        template = function.declared_in.read_text(
            encoding="utf-8-sig", errors="replace"
        ).splitlines()
    except OSError:
        template = []
    first = next((index for index, line in enumerate(code) if line.strip()), 0)
    verbatim = list(_verbatim_starts(template, code, first))
    if verbatim:
        start, indent = min(verbatim, key=lambda found: abs(found[0] - function.line))
        return tuple(range(start, start + len(code))), indent
    escaped = json.dumps(code[first].strip())[1:-1]
    holding = [
        number for number, line in enumerate(template, start=1) if escaped and escaped in line
    ]
    line = (
        min(holding, key=lambda number: abs(number - function.line)) if holding else function.line
    )
    return (line,) * len(code), 0


def _verbatim_starts(template: list[str], code: list[str], first: int) -> Iterator[tuple[int, int]]:
    """1-based template lines where the code starts verbatim, each with its indentation."""
    for number, line in enumerate(template):
        indent = len(line) - len(code[first])
        if not code[first] or not line.endswith(code[first]) or line[:indent].strip():
            continue
        start = number - first
        if (
            start >= 0
            and start + len(code) <= len(template)
            and all(
                template[start + offset] == " " * indent + text
                or (not text.strip() and not template[start + offset].strip())
                or (offset == 0 and template[start].endswith(text))  # the opening quote's line
                for offset, text in enumerate(code)
            )
        ):
            yield start + 1, indent
