"""## What it does
Reports a declared handler the runtime cannot load: its module file is missing under
the code root, its module has no such top-level name, or the handler string has no
dot. For handlers a deployment template declares (see `docs/discovery.md`) it also
reports what the runtime's own resolution rejects: a first module name built into
Python (`time.handler`) or already imported by the runtime (`json.handler`), a handler
that names an attribute of a class (`app.Handler.handle`: point it at a module-level
function instead), inline code whose handler is
not in module `index`, a Datadog or New Relic wrapper without the environment
variable that names the real handler, and a code folder that does not exist (SAM
`CodeUri`, serverless-python-requirements' `module`). The finding points at the
declaration: the line of `pyproject.toml`, or the template's `Handler` (or `CodeUri`) line.

## Why is this bad?
The runtime resolves the handler as `modname, fname = handler.rsplit(".", 1)`, refuses
a built-in module, imports the module from the code root (a module it has already
imported wins) and looks the function up with `getattr`, one name, never a dotted path. A typo or a
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
A template function whose code is not local (S3, an image, a folder outside the project
being checked), whose runtime is not Python, or whose handler is an unresolved reference
is not checked; `lambdalint handlers` says why.

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
        column, end_column = _span_of(spec.declared_in, line, spec.handler)
        return Diagnostic(spec.declared_in, line, column, line, end_column,
                          cls.code, cls.name, message, cls.severity)


def _span_of(path: Path, line: int, text: str) -> tuple[int, int]:
    """Columns of text on the line, with its quotes when it has them; the line's start if absent."""
    try:
        written = path.read_text(encoding="utf-8", errors="replace").splitlines()[line - 1]
    except (OSError, IndexError):
        return 1, 1
    start = written.find(text)
    if start < 0:
        return 1, 1
    quote = written[start - 1] if start > 0 else ""
    quoted = quote in ("'", '"') and written[start + len(text):].startswith(quote)
    return (start, start + len(text) + 2) if quoted else (start + 1, start + len(text) + 1)
