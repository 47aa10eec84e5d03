"""## What it does
Reports a handler that deploys and then fails at invoke: a Python function whose
code is in the repository as source, but whose handler the runtime cannot load. Its
module file is missing under the code root, its module has no such top-level name, or
the handler string has no dot. For handlers a deployment template declares (see
`docs/discovery.md`) it also reports what the runtime's own resolution rejects: a first
module name built into Python (`time.handler`) or already imported by the runtime
(`json.handler`), a handler that names an attribute of a class (`app.Handler.handle`:
point it at a module-level function instead), inline code whose handler is not in module
`index`, and a Datadog or New Relic wrapper without the environment variable that names
the real handler. The finding points at the declaration: the line of `pyproject.toml`,
or the template's `Handler` line.

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

Never reported, and listed by `lambdalint handlers` with the reason instead, because
lambdalint does not check that code or the build fails before any invocation: a
non-Python runtime; code that is not source in the repository (an S3 object, a `.zip`
or `.jar`, a build output such as `target/` or `bin/Release/`, a code folder that does
not exist, a folder outside the project); a container image whose Dockerfile lambdalint
cannot follow; a handler that is a script (Lambda Web Adapter's `run.sh`, `bootstrap`);
a module a plugin generates at build time (serverless-wsgi's `wsgi_handler`); a module
missing while `AWS_LAMBDA_EXEC_WRAPPER` wraps the runtime; a handler the template only
knows at deploy time (`!Ref`, `${opt:...}`, `var.x`); and templates with cookiecutter or
Jinja placeholders. `# noqa: LAM007` on the template or `pyproject.toml` line, or
`per-file-ignores` matching that file, silences one that is intended.

## Fix
None: correct the handler string or the code root.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from lambdalint.check import Check
from lambdalint.diagnostics import Diagnostic, Location

if TYPE_CHECKING:
    from lambdalint.config import HandlerSpec
    from lambdalint.engine import MissingTarget
    from lambdalint.runner import Project


class HandlerNotFound(Check):
    code = "LAM007"
    name = "handler-not-found"
    summary = "A configured handler's module or function does not exist"
    severity = "error"

    @classmethod
    def check_project(cls, project: Project) -> Iterator[Diagnostic]:
        """Declared handlers the handler map could not resolve to a module."""
        for unresolved in project.handler_map.unresolved:
            spec = unresolved.spec
            yield cls.declaration_diagnostic(
                spec, spec.declared_in or spec.code_root, unresolved.reason, unresolved.related
            )

    @classmethod
    def missing_target(cls, missing: MissingTarget) -> Diagnostic:
        """A declared handler whose module the engine checked and found without it."""
        return cls.declaration_diagnostic(
            missing.spec, missing.path, missing.reason, missing.related
        )

    @classmethod
    def declaration_diagnostic(
        cls,
        spec: HandlerSpec | None,
        fallback: Path,
        message: str,
        related: tuple[Location, ...] = (),
    ) -> Diagnostic:
        """A finding at the configuration line that declared the handler."""
        if spec is None or spec.declared_in is None:
            return Diagnostic(
                fallback, 1, 1, 1, 1, cls.code, cls.name, message, cls.severity, related
            )
        line = spec.declared_line or 1
        column, end_column = _span_of(spec.declared_in, line, spec.handler)
        return Diagnostic(
            spec.declared_in,
            line,
            column,
            line,
            end_column,
            cls.code,
            cls.name,
            message,
            cls.severity,
            related,
        )


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
    quoted = quote in ("'", '"') and written[start + len(text) :].startswith(quote)
    return (start, start + len(text) + 2) if quoted else (start + 1, start + len(text) + 1)
