"""The naming convention: which functions are handlers in a file no declaration names.

A file that no template, CDK app, Terraform file, Dockerfile or configured handler names
may still be deployed by something lambdalint does not read; its functions shaped like
Lambda handlers are checked. ``check`` and ``lambdalint handlers`` both ask
``conventional_handlers``, so the table lists exactly what is checked. It reads the file
with Python's ``ast`` (several times cheaper than libcst), behind a byte prefilter: a
file without a handler is never parsed by libcst.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import PurePath
from typing import Union

from lambdalint.source import python_tree

# What handlers name their parameters; `events` and `e` are too common in other code.
EVENT_NAMES = frozenset({"event", "evt", "_event"})
CONTEXT_NAMES = frozenset({"context", "ctx", "_context", "_ctx", "_"})
CONTEXT_TYPE = "LambdaContext"  # aws_lambda_powertools.utilities.typing, aws_lambda_typing

# Lines of which every conventional handler's file holds one, unless it names the
# LambdaContext type: a top-level def or assignment named *handler, or a def whose first
# parameter is named like an event. Every pattern starts at a line start: an unanchored
# alternative would make the regex engine try each byte (3x slower on the corpus).
HANDLER_SHAPED_LINE = re.compile(
    rb"^(?:\xef\xbb\xbf)?(?:async[ \t]+)?def[ \t]+"  # a UTF-8 BOM may open the first line
    rb"(?:\w*handler\b|\w+[ \t]*\(\s*(?:event|evt|_event)\b)"
    rb"|^(?:\xef\xbb\xbf)?\w*handler[ \t]*[:=]",
    re.MULTILINE,
)
CONTEXT_TYPE_NAMED = re.compile(rb"\bLambdaContext\b")

TEST_FOLDERS = frozenset({"tests", "test"})


@dataclass(frozen=True)
class Definition:
    """What the convention looks at in a module's last top-level binding of a name."""

    name: str
    line: int
    is_def: bool  # a def or async def; else a lambda or another value bound to the name
    # positional parameter names; None for a value whose signature is not visible
    parameters: tuple[str, ...] | None
    context_type: str | None = None  # the second parameter's annotation, last dotted name


def looks_like_handler(definition: Definition) -> bool:
    """Whether a definition has a handler's shape: ``lambda_handler``; a ``*handler`` whose
    first parameter is the event; a def taking (event, context) by name, or whose second
    parameter is a LambdaContext."""
    if definition.name == "lambda_handler":
        return True
    parameters = definition.parameters
    if not parameters:
        return False
    if definition.name.endswith("handler") and parameters[0] in EVENT_NAMES:
        return True
    if not definition.is_def or len(parameters) < 2:
        return False
    return (
        parameters[0] in EVENT_NAMES and parameters[1] in CONTEXT_NAMES
    ) or definition.context_type == CONTEXT_TYPE


def is_test_file(relative: PurePath) -> bool:
    """test_*.py, *_test.py, conftest.py, or anything in a tests/ or test/ folder, by the
    file's path from its project root (the folders above the root do not count)."""
    name = relative.name
    return (
        name.startswith("test_")
        or name.endswith("_test.py")
        or name == "conftest.py"
        or any(part in TEST_FOLDERS for part in relative.parts[:-1])
    )


def could_define_handler(source: bytes) -> bool:
    """The byte prefilter: whether the module may define a handler by convention (a superset:
    the parse decides)."""
    if b"LambdaContext" in source and CONTEXT_TYPE_NAMED.search(source):
        return True
    return HANDLER_SHAPED_LINE.search(source) is not None


def conventional_handlers(source: bytes) -> list[Definition] | None:
    """The handlers a module defines by convention, in source order; None when Python cannot
    parse it (the caller reports why).

    Of the definitions shaped like handlers, one that another of them refers to (calls,
    awaits, hands to ``asyncio.run``) is its helper, not an entry point: the sync
    ``lambda_handler`` that runs ``asyncio.run(async_handler(event, context))`` is the
    handler, its ``async_handler`` is not.
    """
    if not could_define_handler(source):
        return []
    try:
        module = python_tree(source)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None
    shaped = {
        name: node
        for name, node in _top_level_definitions(module).items()
        if looks_like_handler(_describe(name, node))
    }
    referenced: set[str] = set()
    for name, node in shaped.items():
        referenced.update(_names_used(_body(node)) - {name})
    return [
        _describe(name, node)
        for name, node in sorted(shaped.items(), key=lambda item: item[1].lineno)
        if name not in referenced
    ]


_Bound = Union[ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Assign, ast.AnnAssign]


def _top_level_definitions(module: ast.Module) -> dict[str, _Bound]:
    """The last top-level definition of each name, as the runtime's getattr sees it."""
    definitions: dict[str, _Bound] = {}
    for statement in module.body:
        if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            definitions[statement.name] = statement
        elif isinstance(statement, ast.Assign):
            for target in statement.targets:
                if isinstance(target, ast.Name):
                    definitions[target.id] = statement
        elif (
            isinstance(statement, ast.AnnAssign)
            and statement.value is not None
            and isinstance(statement.target, ast.Name)
        ):
            definitions[statement.target.id] = statement
    return definitions


def _describe(name: str, node: _Bound) -> Definition:
    if isinstance(node, ast.ClassDef):
        return Definition(name, node.lineno, is_def=False, parameters=None)
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
        arguments, is_def = node.args, True
    elif isinstance(node.value, ast.Lambda):
        arguments, is_def = node.value.args, False
    else:
        return Definition(name, node.lineno, is_def=False, parameters=None)
    positional = [*arguments.posonlyargs, *arguments.args]
    context_type = _last_name(positional[1].annotation) if len(positional) > 1 else None
    return Definition(name, node.lineno, is_def, tuple(arg.arg for arg in positional), context_type)


def _last_name(annotation: ast.expr | None) -> str | None:
    """``LambdaContext`` for ``LambdaContext``, ``typing.LambdaContext`` or ``"LambdaContext"``."""
    if isinstance(annotation, ast.Name):
        return annotation.id
    if isinstance(annotation, ast.Attribute):
        return annotation.attr
    if isinstance(annotation, ast.Constant) and isinstance(annotation.value, str):
        return annotation.value.rsplit(".", 1)[-1].strip()
    return None


def _body(node: _Bound) -> Sequence[ast.AST]:
    """What runs when the handler is called: a function's statements, a lambda's expression."""
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
        return node.body
    if isinstance(node, (ast.Assign, ast.AnnAssign)) and isinstance(node.value, ast.Lambda):
        return [node.value]
    return []


def _names_used(body: Sequence[ast.AST]) -> set[str]:
    return {
        node.id
        for statement in body
        for node in ast.walk(statement)
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load)
    }
