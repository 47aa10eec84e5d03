"""Where a fix adds an ``import``: the edit that rules share (LAM002's ``asyncio``, LAM005's
``os``)."""

from __future__ import annotations

import dataclasses

import libcst as cst

from lambdalint.analysis import FileContext
from lambdalint.diagnostics import Edit

_DEFINITIONS = (cst.FunctionDef, cst.ClassDef)


def names_the_module(context: FileContext, module_name: str) -> bool:
    """Whether the module's code means the module by that name, or nothing yet: neither an
    import of something else under it nor an assignment to it."""
    bindings = context.module_bindings
    imported = bindings.imports.get(module_name, module_name)
    return imported == module_name and module_name not in bindings.values


def with_import(context: FileContext, module_name: str, edits: list[Edit]) -> list[Edit]:
    """edits, and ``import module_name`` before the module's first statement after its
    docstring and ``from __future__`` imports, unless the module imports it already; merged
    into an edit that inserts at the same place, which it then precedes."""
    if context.module_bindings.imports.get(module_name) == module_name:
        return edits
    body = list(context.module.body)
    if body and _is_docstring(body[0]):
        body = body[1:]
    while body and _is_future_import(body[0]):
        body = body[1:]
    newline = context.module.default_newline
    first = body[0]  # a fix is about code, so the module has some
    # then what isort and PEP 8 leave: none before an import, two before a definition
    after = 0 if _is_import(first) else 2 if isinstance(first, _DEFINITIONS) else 1
    line = f"import {module_name}{newline}{newline * after}"
    decorators = getattr(first, "decorators", ())
    start = context.positions()[decorators[0] if decorators else first].start
    for index, edit in enumerate(edits):
        if (
            (edit.line, edit.column)
            == (edit.end_line, edit.end_column)
            == (start.line, start.column)
        ):
            merged = dataclasses.replace(edit, content=line + edit.content)
            return [*edits[:index], merged, *edits[index + 1 :]]
    return [Edit(start.line, start.column, start.line, start.column, line), *edits]


def _is_docstring(statement: cst.BaseStatement) -> bool:
    return (
        isinstance(statement, cst.SimpleStatementLine)
        and len(statement.body) == 1
        and isinstance(statement.body[0], cst.Expr)
        and isinstance(statement.body[0].value, (cst.SimpleString, cst.ConcatenatedString))
    )


def _is_import(statement: cst.BaseStatement) -> bool:
    return isinstance(statement, cst.SimpleStatementLine) and all(
        isinstance(small, (cst.Import, cst.ImportFrom)) for small in statement.body
    )


def _is_future_import(statement: cst.BaseStatement) -> bool:
    return (
        isinstance(statement, cst.SimpleStatementLine)
        and len(statement.body) == 1
        and isinstance(statement.body[0], cst.ImportFrom)
        and isinstance(statement.body[0].module, cst.Name)
        and statement.body[0].module.value == "__future__"
    )
