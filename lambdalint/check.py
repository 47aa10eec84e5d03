"""The base class every rule derives from: all a rule author needs is here."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, ClassVar

from lambdalint.diagnostics import Edit, Fix, Location

if TYPE_CHECKING:
    import libcst as cst

    from lambdalint.analysis import FileContext, Handler
    from lambdalint.diagnostics import Diagnostic
    from lambdalint.runner import Project


class Check:
    """One rule. Subclasses set the class attributes and write the docstring.

    The engine calls ``check_handler`` once per handler of the file, then walks
    every function the handlers reach (``self.context.reached``) in a single traversal
    shared by all rules. On each node it calls the rule's ``visit_<Node>(self, node,
    where)`` (``visit_Call`` for a ``cst.Call``), and ``leave_<Node>(self, node, where)``
    after the node's children. ``where`` is the node's cursor (``walk.Where``): the
    innermost function or lambda (``where.scope``, the scope to resolve the node's names
    in), the innermost def, the ancestors up to the reached function, and that function.
    It never changes, so a rule may keep it; no rule keeps a scope stack of its own.
    ``self.context`` holds the shared analysis of the file (imports, reachable
    functions, bindings).

    A project rule instead overrides ``check_project``, called once per project with its
    deployment model (discovery, handler map): it needs no file's code.
    """

    code: ClassVar[str]
    name: ClassVar[str]
    summary: ClassVar[str]
    severity: ClassVar[str] = "error"
    fix: ClassVar[str] = "none"  # the most its fixes may be: "safe", "unsafe" or "none"

    def __init__(self, context: FileContext) -> None:
        self.context = context
        self.reports: list[tuple[cst.CSTNode, str, tuple[Location, ...], Fix | None]] = []

    @classmethod
    def check_project(cls, project: Project) -> Iterator[Diagnostic]:
        """Findings about the project's declarations, wherever they are."""
        return iter(())

    def check_handler(self, handler: Handler) -> None:
        """Called once for every handler defined in the file."""

    def report(
        self,
        node: cst.CSTNode,
        message: str,
        related: tuple[Location, ...] = (),
        fix: Fix | None = None,
    ) -> None:
        """A finding at node; a message naming another place says ``related(i)`` for
        ``related[i]`` (lambdalint.diagnostics), never a path. ``fix`` holds edits of this
        module's code (``insert_after``...), which ``--fix`` applies."""
        self.reports.append((node, message, related, fix))

    def insert_after(self, node: cst.CSTNode, content: str) -> Edit:
        """An edit putting content right after the node's own text, its parentheses included
        (libcst places an expression inside them), not the whitespace or comma after it."""
        closing = getattr(node, "rpar", ())
        end = self.context.positions()[closing[-1] if closing else node].end
        return Edit(end.line, end.column, end.line, end.column, content)

    def replace(self, node: cst.CSTNode, content: str) -> Edit:
        """An edit putting content in place of the node's own text (its parentheses stay)."""
        span = self.context.positions()[node]
        return Edit(span.start.line, span.start.column, span.end.line, span.end.column, content)

    def insert_before(self, node: cst.CSTNode, content: str) -> Edit:
        """An edit putting content right before the node's own text, its parentheses
        included."""
        opening = getattr(node, "lpar", ())
        start = self.context.positions()[opening[0] if opening else node].start
        return Edit(start.line, start.column, start.line, start.column, content)
