"""## What it does
Reports a configured handler that does not exist: its module file is missing under
the code root, its module has no such top-level name, or the handler string has no
dot. The finding points at the configuration entry (for example the line of
`pyproject.toml` that names it).

## Why is this bad?
The runtime resolves the handler as `modname, fname = handler.rsplit(".", 1)`, imports
the module from the code root and looks the function up with `getattr`. A typo or a
moved file is not noticed at deploy time: every invocation then fails with
`Runtime.ImportModuleError` or `Runtime.HandlerNotFound`.

## Example
```toml
[tool.lambdalint]
handlers = ["orders.lambda_handlr"]
```

## Use instead
```toml
[tool.lambdalint]
handlers = ["orders.lambda_handler"]
```

## Exceptions
Only handlers that a configuration names are checked: handlers found by naming
convention exist by construction. A module that defines the name in a way the
runtime would also find (a `def`, a class, any top-level assignment) satisfies it.

## Fix
None: correct the handler string or the code root.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from lambdalint.check import Check
from lambdalint.config import HandlerSpec
from lambdalint.diagnostics import Diagnostic


class HandlerNotFound(Check):
    code = "LAM007"
    name = "handler-not-found"
    summary = "A configured handler's module or function does not exist"
    severity = "error"

    @classmethod
    def declaration_diagnostic(cls, spec: Optional[HandlerSpec], fallback: Path,
                               message: str) -> Diagnostic:
        """A finding at the configuration line that declared the handler."""
        if spec is None or spec.declared_in is None:
            return Diagnostic(fallback, 1, 1, 1, 1, cls.code, cls.name, message, cls.severity)
        line = spec.declared_line or 1
        column = _column_of(spec.declared_in, line, spec.handler)
        return Diagnostic(spec.declared_in, line, column, line, column + len(spec.handler) + 2,
                          cls.code, cls.name, message, cls.severity)


def _column_of(path: Path, line: int, text: str) -> int:
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
        return max(lines[line - 1].find(text), 1)
    except (OSError, IndexError):
        return 1
