"""Container-image functions: the handler and code a local Dockerfile builds into the image.

The Dockerfile is read with dockerfile-parse (line continuations, the escape directive,
``ARG``/``ENV`` substitution), never built. The image runs Python handlers when its final
stage comes from a Lambda Python base image (``public.ecr.aws/lambda/python``,
``amazon/aws-lambda-python``), whose entry point loads ``CMD``'s first element from
``${LAMBDA_TASK_ROOT}``, or when its ``ENTRYPOINT``/``CMD`` runs ``python -m awslambdaric``,
which takes the handler as its argument and imports it from the working directory.

The code root is the folder of the build context whose files ``COPY``/``ADD`` put at that
task root: ``COPY app.py ${LAMBDA_TASK_ROOT}`` and ``COPY . .`` the context itself,
``COPY src/ ${LAMBDA_TASK_ROOT}/`` its ``src``. When the handler's module may come from
somewhere lambdalint cannot follow (another stage, a URL, a ``pip install`` of local code),
the function is not checked, and a note says why.
"""

from __future__ import annotations

import io
import json
import os
import posixpath
import re
import shlex
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from lambdalint.discovery.model import DeployedFunction, Note
from lambdalint.files import read_bytes
from lambdalint.paths import exists, is_dir, is_file

DEFAULT_DOCKERFILE = "Dockerfile"
LAMBDA_BASE_IMAGES = ("public.ecr.aws/lambda/", "amazon/aws-lambda-")
LAMBDA_TASK_ROOT = "/var/task"
LAMBDA_ENTRYPOINT = "lambda-entrypoint.sh"  # the base images' ENTRYPOINT, which runs CMD's handler
SHELL = ["/bin/sh", "-c"]  # how Docker runs the shell form of CMD and ENTRYPOINT
ARCHIVES = (".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tar.xz")  # ADD unpacks these
# what the Lambda base images set, so that ${LAMBDA_TASK_ROOT} in COPY resolves
LAMBDA_BASE_ENV = {"LAMBDA_TASK_ROOT": LAMBDA_TASK_ROOT, "LAMBDA_RUNTIME_DIR": "/var/runtime"}
# Lambda's runtime identifier for a base image family and tag version, where not family+version
RUNTIME_FORMATS = {"nodejs": "nodejs{}.x", "provided": "provided.{}", "go": "go{}.x"}
TAG_VERSION = re.compile(r"\d+(?:\.\d+)?|al\d+")
# pip options whose next word is their value, not a package to install
PIP_VALUE_OPTIONS = {
    "-r",
    "--requirement",
    "-c",
    "--constraint",
    "-t",
    "--target",
    "--prefix",
    "--root",
    "-i",
    "--index-url",
    "--extra-index-url",
    "-f",
    "--find-links",
    "--platform",
    "--python-version",
    "--implementation",
    "--abi",
    "--only-binary",
    "--no-binary",
    "--cache-dir",
    "--upgrade-strategy",
}


@dataclass(frozen=True)
class ImageCode:
    """What a Dockerfile deploys: the handler and code root, or why lambdalint cannot tell."""

    handler: str | None = None
    code_root: Path | None = None
    runtime: str | None = None
    unchecked: str | None = None  # why the image's code is not checked


@dataclass
class _Stage:
    name: str | None
    base: str  # the image or earlier stage it starts from, with build arguments substituted
    instructions: list[tuple[str, list[str], int]] = field(
        default_factory=list
    )  # name, words, line


@dataclass(frozen=True)
class _Copy:
    """What one COPY/ADD source puts under the task root: a context folder that lands there."""

    root: Path | None  # None: renamed on the way, so no folder of the context lands there
    entries: frozenset[str]  # the top-level module names it puts there
    text: str  # the instruction, for notes
    whole: bool = False  # all of root's content: its entries are the folder's


def command_words(value: Any) -> list[str] | None:
    """A command or entry point override as a deployment writes it: a list of strings, else None."""
    if isinstance(value, list) and value and all(isinstance(item, str) for item in value):
        return value
    return None


def image_function(
    function: DeployedFunction,
    dockerfile: Path,
    context: Path,
    project_root: Path | None,
    line: int,
    command: Sequence[str] | None = None,
    entry_point: Sequence[str] | None = None,
    working_directory: str | None = None,
    build_args: Mapping[str, str] | None = None,
) -> DeployedFunction:
    """function with the handler, code root and runtime its image's Dockerfile gives it.

    ``command``, ``entry_point`` and ``working_directory`` are the function's overrides of the
    image's CMD, ENTRYPOINT and WORKDIR; line is where the deployment names the Dockerfile (or
    the command), the function's line once its handler is known. When lambdalint cannot tell, the
    function stays an unchecked image, with a note at that line.
    """
    image = read_image(
        dockerfile, context, project_root, command, entry_point, working_directory, build_args
    )
    function = replace(function, runtime=image.runtime or function.runtime)
    if image.unchecked is not None:
        shown = Path(os.path.relpath(dockerfile, function.declared_in.parent)).as_posix()
        return replace(
            function,
            notes=(
                *function.notes,
                Note(
                    function.declared_in,
                    line,
                    f"{function.name}: the image built from {shown} is not checked:"
                    f" {image.unchecked}",
                ),
            ),
        )
    return replace(function, handler=image.handler, code_root=image.code_root, line=line)


def read_image(
    dockerfile: Path,
    context: Path,
    project_root: Path | None,
    command: Sequence[str] | None = None,
    entry_point: Sequence[str] | None = None,
    working_directory: str | None = None,
    build_args: Mapping[str, str] | None = None,
) -> ImageCode:
    """The handler and code root the image built from dockerfile in context runs; a context
    outside project_root (when given) is not checked."""
    from dockerfile_parse import DockerfileParser

    context = context.resolve()
    if project_root is not None and context != project_root and project_root not in context.parents:
        return ImageCode(unchecked="its build context lies outside the project being checked")
    try:
        source = read_bytes(dockerfile)
        # decoded as the parser would (UTF-8, line endings kept), so its errors are ours to word
        parser = DockerfileParser(
            fileobj=io.StringIO(source.decode("utf-8")),
            parent_env=dict(LAMBDA_BASE_ENV),
            build_args=dict(build_args or {}),
        )
        stages = _stages(parser)
    except FileNotFoundError:
        return ImageCode(unchecked="the Dockerfile does not exist")
    except OSError as error:
        return ImageCode(unchecked=f"the Dockerfile cannot be read: {error.strerror}")
    except UnicodeDecodeError as error:
        return ImageCode(unchecked=f"the Dockerfile is not UTF-8 ({error.reason})")
    if not stages:
        return ImageCode(unchecked="the Dockerfile has no FROM")
    chain = _chain(stages)
    return _Image(context, chain, _runtime(chain[0].base)).read(
        command, entry_point, working_directory
    )


def _stages(parser: Any) -> list[_Stage]:
    """The build stages, each instruction's words with its ARG and ENV values substituted."""
    from dockerfile_parse.parser import image_from
    from dockerfile_parse.util import WordSplitter

    stages: list[_Stage] = []
    parents = iter(parser.parent_images)
    final_envs: dict[str, dict[str, str]] = {}  # by stage name: a later stage FROM it inherits them
    inherited: dict[str, str] = {}
    for instruction, context in zip(parser.structure, parser.context_structure):
        name, value, line = (
            instruction["instruction"],
            instruction["value"],
            instruction["startline"] + 1,
        )
        envs = {**inherited, **context.envs}
        if name == "FROM":
            stage = _Stage(image_from(value)[1], next(parents, ""))
            inherited = final_envs.get(stage.base.lower(), {})
            stages.append(stage)
        elif stages and name in ("COPY", "ADD", "WORKDIR", "CMD", "ENTRYPOINT", "ENV", "RUN"):
            words = _json_words(value) if name in ("COPY", "ADD", "CMD", "ENTRYPOINT") else None
            if words is None:
                splitter = WordSplitter(value, args=context.args, envs=envs)
                # typed as yielding None too; split() only yields the words it completed
                words = [word for word in splitter.split() if word is not None]
            elif name in ("COPY", "ADD"):  # the JSON form substitutes variables in each word
                words = [
                    WordSplitter(word, args=context.args, envs=envs).dequote() for word in words
                ]
            if name in ("CMD", "ENTRYPOINT") and not value.lstrip().startswith("["):
                words = [*SHELL, *words]
            stages[-1].instructions.append((name, words, line))
        if stages and stages[-1].name:
            final_envs[stages[-1].name.lower()] = envs
    return stages


def _json_words(value: str) -> list[str] | None:
    """The words of an instruction's JSON (exec) form, or None for the shell form."""
    if not value.lstrip().startswith("["):
        return None
    try:
        words = json.loads(value)
    except ValueError:
        return None
    return words if isinstance(words, list) and all(isinstance(w, str) for w in words) else None


def _chain(stages: list[_Stage]) -> list[_Stage]:
    """The final stage and the earlier stages it is built FROM, outermost first."""
    chain = [stages[-1]]
    named = {stage.name.lower(): stage for stage in stages[:-1] if stage.name}
    while chain[0].base.lower() in named and named[chain[0].base.lower()] not in chain:
        chain.insert(0, named[chain[0].base.lower()])
    return chain


def _runtime(base: str) -> str | None:
    """``python3.12`` for ``public.ecr.aws/lambda/python:3.12``, or python:3.12-slim; else None."""
    name, _, tag = base.partition("@")[0].partition(":")
    family = name.rsplit("/", 1)[-1].removeprefix("aws-lambda-")
    if not name.startswith(LAMBDA_BASE_IMAGES) and family != "python":
        return None
    version = TAG_VERSION.match(tag or "")
    if version is None:
        return family
    return RUNTIME_FORMATS.get(family, family + "{}").format(version.group())


class _Image:
    """The final stage of a Dockerfile with the stages it is built FROM, and what it runs."""

    def __init__(self, context: Path, chain: list[_Stage], runtime: str | None) -> None:
        self.context = context
        self.chain = chain
        self.runtime = runtime
        self.base = chain[0].base
        self.is_lambda_base = self.base.startswith(LAMBDA_BASE_IMAGES)

    def _instructions(self, *names: str) -> list[tuple[str, list[str], int]]:
        return [
            instruction
            for stage in self.chain
            for instruction in stage.instructions
            if instruction[0] in names
        ]

    def _unchecked(self, why: str) -> ImageCode:
        return ImageCode(runtime=self.runtime, unchecked=why)

    def read(
        self,
        command: Sequence[str] | None,
        entry_point: Sequence[str] | None,
        working_directory: str | None,
    ) -> ImageCode:
        words, entry = self._command(command, entry_point)
        awslambdaric = next(
            (
                index
                for index, word in enumerate(words)
                if posixpath.basename(word) == "awslambdaric"
            ),
            None,
        )
        if awslambdaric is not None:  # python -m awslambdaric imports from its working directory
            handler = words[awslambdaric + 1] if awslambdaric + 1 < len(words) else None
            task_root = posixpath.normpath(
                posixpath.join(self._workdir(), working_directory or ".")
            )
        elif not self.is_lambda_base or not (self.runtime or "").startswith("python"):
            return self._unchecked(
                f"image {self.base or '?'} is not a Lambda Python base image"
                " and does not run awslambdaric"
            )
        elif entry and not any(posixpath.basename(word) == LAMBDA_ENTRYPOINT for word in entry):
            return self._unchecked(
                f"ENTRYPOINT {shlex.join(entry)} replaces the Lambda entry point"
            )
        else:
            handler = words[len(entry)] if len(words) > len(entry) else None
            task_root = LAMBDA_TASK_ROOT
        if "AWS_LAMBDA_EXEC_WRAPPER" in self._environment():
            return self._unchecked("AWS_LAMBDA_EXEC_WRAPPER decides what the image runs")
        if handler is None or handler == SHELL[0]:
            return self._unchecked('no CMD names the handler as ["module.function"]')
        return self._code(handler, task_root)

    def _command(
        self, command: Sequence[str] | None, entry_point: Sequence[str] | None
    ) -> tuple[list[str], list[str]]:
        """The words the image runs (entry point, then command) and those of its entry point."""
        entry: list[str] = []
        cmd: list[str] = []
        for name, words, _ in self._instructions("ENTRYPOINT", "CMD"):
            if name == "ENTRYPOINT":
                entry, cmd = words, []  # a new entry point drops the inherited CMD
            else:
                cmd = words
        if entry_point is not None:
            entry, cmd = list(entry_point), []
        if command is not None:
            cmd = list(command)
        return [*entry, *cmd], entry

    def _code(self, handler: str, task_root: str) -> ImageCode:
        """The context folder that holds handler's module at the task root."""
        copies, unfollowed = self._copies(task_root)
        module = handler.rsplit(".", 1)[0].replace("/", ".").split(".")[0]
        for copy in reversed(copies):  # a later copy overwrites an earlier one
            if module in copy.entries or (
                copy.whole
                and copy.root is not None
                and (is_file(copy.root / f"{module}.py") or is_dir(copy.root / module))
            ):
                if copy.root is None:
                    unfollowed.append(copy.text)
                    break
                return ImageCode(handler, copy.root, self.runtime)
        if unfollowed:
            return self._unchecked(
                f"module '{module}' of handler '{handler}' may come from"
                f" {unfollowed[0]!r}, which lambdalint cannot follow"
            )
        roots = [
            copy.root
            for copy in sorted(copies, key=lambda copy: not copy.whole)
            if copy.root is not None
        ]
        if not roots:
            return self._unchecked(f"nothing is copied from the build context into {task_root}")
        # the image lacks the module: the handler check reports it missing from the copied code
        return ImageCode(handler, roots[0], self.runtime)

    def _environment(self) -> set[str]:
        return {
            word.split("=", 1)[0] for _, words, _ in self._instructions("ENV") for word in words
        }

    def _workdir(self) -> str:
        workdir = LAMBDA_TASK_ROOT if self.is_lambda_base else "/"
        for _, words, _ in self._instructions("WORKDIR"):
            workdir = posixpath.normpath(posixpath.join(workdir, *words[:1]))
        return workdir

    def _copies(self, task_root: str) -> tuple[list[_Copy], list[str]]:
        """What each COPY/ADD puts under the task root, and the instructions lambdalint cannot
        follow there (another stage's files, URLs, archives, local code installed by pip)."""
        copies: list[_Copy] = []
        unfollowed: list[str] = []
        workdir = LAMBDA_TASK_ROOT if self.is_lambda_base else "/"
        for name, words, _ in self._instructions("WORKDIR", "RUN", "COPY", "ADD"):
            text = f"{name} {' '.join(words)}"
            paths = [word for word in words if not word.startswith("--")]
            if name == "WORKDIR":
                workdir = posixpath.normpath(posixpath.join(workdir, *words[:1]))
            elif name == "RUN" and _installs_local_code(words):
                unfollowed.append(text)
            elif len(paths) >= 2 and not paths[0].startswith(
                "<<"
            ):  # heredocs hold no context files
                destination = posixpath.normpath(posixpath.join(workdir, paths[-1]))
                if destination != task_root and not destination.startswith(
                    task_root.rstrip("/") + "/"
                ):
                    continue
                if any(word.startswith("--from") for word in words) or any(
                    "://" in source
                    or source.startswith("git@")
                    or (name == "ADD" and source.endswith(ARCHIVES))
                    for source in paths[:-1]
                ):
                    unfollowed.append(text)
                    continue
                into_folder = (
                    paths[-1].endswith("/") or len(paths) > 2 or destination in (task_root, workdir)
                )
                relative = posixpath.relpath(destination, task_root)
                for source in paths[:-1]:
                    copies += self._copy(source, relative, into_folder, text)
        return copies, unfollowed

    def _copy(self, source: str, destination: str, into_folder: bool, text: str) -> list[_Copy]:
        """What copying one source (each file a wildcard matches) to destination, relative to
        the task root, puts there; a source missing from the context fails the build instead."""
        written = source.lstrip("/")
        if any(character in written for character in "*?["):
            return [
                copy
                for match in sorted(self.context.glob(written))
                for copy in self._copy(
                    match.relative_to(self.context).as_posix(), destination, True, text
                )
            ]
        path = (self.context / written).resolve()
        if not exists(path) or (path != self.context and self.context not in path.parents):
            return []
        landing = [] if destination == "." else destination.split("/")
        if is_file(path) and (into_folder or not landing):
            landing.append(path.name)
        if not landing:  # a folder's content at the task root
            return [_Copy(path, frozenset(), text, whole=True)]
        parts = path.relative_to(self.context).parts
        entries = frozenset([_module_name(landing[0])])
        if parts[len(parts) - len(landing) :] == tuple(landing):
            return [
                _Copy(self.context.joinpath(*parts[: len(parts) - len(landing)]), entries, text)
            ]
        return [_Copy(None, entries, text)]  # renamed on the way: not a folder of the context


def _module_name(entry: str) -> str:
    return entry[:-3] if entry.endswith(".py") else entry


def _installs_local_code(words: list[str]) -> bool:
    """Whether a RUN line pip-installs a local project (``pip install .``, a wheel), which may
    put the handler's module into the image."""
    text = " ".join(words)
    for part in re.split(r"&&|\|\||;|\|", text):
        try:
            tokens = shlex.split(part)
        except ValueError:
            continue
        if "install" not in tokens or not any(
            posixpath.basename(token).startswith("pip")
            for token in tokens[: tokens.index("install")]
        ):
            continue
        arguments = iter(tokens[tokens.index("install") + 1 :])
        for token in arguments:
            if token in PIP_VALUE_OPTIONS:
                next(arguments, None)
            elif token in ("-e", "--editable") or (
                not token.startswith("-")
                and (token.startswith((".", "/", "$")) or token.endswith((".whl", ".tar.gz")))
            ):
                return True
    return False
