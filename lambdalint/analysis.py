"""Shared analysis of one parsed file: handlers, imports, what the handlers reach, bindings.

Computed once per file and handed to every rule, so no rule re-derives it. Only the
functions the handlers reach are walked; the rest of the module is never visited.
"""

from __future__ import annotations

import builtins
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Iterator, Mapping, Optional, Sequence, Union

import libcst as cst

from lambdalint.handlers import HandlerTarget
from lambdalint.walk import walk

if TYPE_CHECKING:
    from libcst.metadata import CodeRange

EVENT_PARAMETER_NAMES = ("event", "_event", "evt")
BUILTIN_NAMES = frozenset(dir(builtins))
Scope = Union[cst.FunctionDef, cst.Lambda]


@dataclass
class Handler:
    """A handler defined in this file: a def, an async def, a lambda, or an opaque callable."""

    name: str
    node: cst.CSTNode  # the FunctionDef, or the assignment statement
    function: Optional[cst.FunctionDef] = None
    lambda_: Optional[cst.Lambda] = None
    target: Optional[HandlerTarget] = None

    @property
    def is_async(self) -> bool:
        return self.function is not None and self.function.asynchronous is not None

    @property
    def parameters(self) -> Optional[cst.Parameters]:
        """The signature the runtime sees, or None when lambdalint cannot see it."""
        if self.function is not None:
            return self.function.params
        if self.lambda_ is not None:
            return self.lambda_.params
        return None


@dataclass
class Bindings:
    """What each name is bound to in one scope. A value of None is a binding we cannot follow."""

    values: dict[str, list[Optional[cst.BaseExpression]]] = field(default_factory=dict)
    parameters: set[str] = field(default_factory=set)
    globals: set[str] = field(default_factory=set)
    imports: dict[str, str] = field(default_factory=dict)
    referenced: set[str] = field(default_factory=set)

    def bind(self, name: str, value: Optional[cst.BaseExpression]) -> None:
        self.values.setdefault(name, []).append(value)

    def only_value(self, name: str) -> Optional[cst.BaseExpression]:
        """The value of a name bound exactly once, to an expression we can read."""
        if name in self.parameters or name in self.globals:
            return None
        values = self.values.get(name, [])
        return values[0] if len(values) == 1 else None


class _BindingCollector:
    """Collects the bindings of one scope; nested scopes contribute only their references."""

    def __init__(self, scope: cst.CSTNode, bindings: Bindings) -> None:
        self.scope = scope
        self.bindings = bindings

    def collect(self, node: cst.CSTNode) -> None:
        walk(node, self._dispatch)

    def _dispatch(self, node: cst.CSTNode) -> Optional[bool]:
        method = getattr(self, f"visit_{type(node).__name__}", None)
        return method(node) if method is not None else None

    def _nested(self, node: cst.CSTNode) -> bool:
        return node is not self.scope

    def visit_FunctionDef(self, node: cst.FunctionDef) -> bool:
        if self._nested(node):
            self.bindings.bind(node.name.value, None)
            _collect_references(node.body, self.bindings)
            return False
        for param in _all_params(node.params):
            self.bindings.parameters.add(param.name.value)
        return True

    def visit_Lambda(self, node: cst.Lambda) -> bool:
        if self._nested(node):
            _collect_references(node.body, self.bindings)
            return False
        for param in _all_params(node.params):
            self.bindings.parameters.add(param.name.value)
        return True

    def visit_ClassDef(self, node: cst.ClassDef) -> bool:
        self.bindings.bind(node.name.value, None)
        _collect_references(node.body, self.bindings)
        return False

    def visit_Name(self, node: cst.Name) -> None:
        self.bindings.referenced.add(node.value)

    def visit_Assign(self, node: cst.Assign) -> None:
        for target in node.targets:
            self._bind_target(target.target, node.value)

    def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
        self._bind_target(node.target, node.value)

    def visit_AugAssign(self, node: cst.AugAssign) -> None:
        self._bind_target(node.target, None)

    def visit_NamedExpr(self, node: cst.NamedExpr) -> None:
        self._bind_target(node.target, node.value)

    def visit_For(self, node: cst.For) -> None:
        self._bind_target(node.target, None)

    def visit_WithItem(self, node: cst.WithItem) -> None:
        if node.asname is not None:
            self._bind_target(node.asname.name, None)

    def visit_ExceptHandler(self, node: cst.ExceptHandler) -> None:
        if node.name is not None:
            self._bind_target(node.name.name, None)

    def visit_Global(self, node: cst.Global) -> None:
        self.bindings.globals.update(item.name.value for item in node.names)

    def visit_Nonlocal(self, node: cst.Nonlocal) -> None:
        self.bindings.globals.update(item.name.value for item in node.names)

    def visit_Import(self, node: cst.Import) -> None:
        for alias in node.names:
            dotted = _dotted(alias.name)
            if alias.asname is not None:
                local = alias.asname.name
                if isinstance(local, cst.Name):
                    self.bindings.imports[local.value] = dotted
            else:
                head = dotted.split(".")[0]
                self.bindings.imports[head] = head

    def visit_ImportFrom(self, node: cst.ImportFrom) -> None:
        if node.relative or node.module is None or isinstance(node.names, cst.ImportStar):
            return
        module = _dotted(node.module)
        for alias in node.names:
            name = _dotted(alias.name)
            local = alias.asname.name if alias.asname is not None else alias.name
            if isinstance(local, cst.Name):
                self.bindings.imports[local.value] = f"{module}.{name}"

    def _bind_target(self, target: cst.BaseExpression, value: Optional[cst.BaseExpression]) -> None:
        if isinstance(target, cst.Name):
            self.bindings.bind(target.value, value)
        elif isinstance(target, (cst.Tuple, cst.List)):
            for element in target.elements:
                self._bind_target(element.value, None)
        elif isinstance(target, cst.StarredElement):
            self._bind_target(target.value, None)


def _collect_references(node: cst.CSTNode, bindings: Bindings) -> None:
    def visit(child: cst.CSTNode) -> None:
        if isinstance(child, cst.Name):
            bindings.referenced.add(child.value)

    walk(node, visit)


def _all_params(params: cst.Parameters) -> Iterator[cst.Param]:
    yield from params.posonly_params
    yield from params.params
    if isinstance(params.star_arg, cst.Param):
        yield params.star_arg
    yield from params.kwonly_params
    if params.star_kwarg is not None:
        yield params.star_kwarg


def _dotted(node: cst.BaseExpression) -> str:
    if isinstance(node, cst.Name):
        return node.value
    if isinstance(node, cst.Attribute):
        return f"{_dotted(node.value)}.{node.attr.value}"
    return ""


def _module_bindings(module: cst.Module) -> Bindings:
    """Module-level bindings, including those inside top-level if/try/with blocks.

    Walks statements only, never expressions: huge module-level literals cost nothing.
    """
    bindings = Bindings()
    collector = _BindingCollector(module, bindings)
    pending: list[cst.CSTNode] = list(module.body)
    while pending:
        statement = pending.pop()
        if isinstance(statement, (cst.FunctionDef, cst.ClassDef)):
            bindings.bind(statement.name.value, None)
        elif isinstance(statement, (cst.SimpleStatementLine, cst.SimpleStatementSuite)):
            for small in statement.body:
                if not isinstance(small, cst.Expr):
                    collector.collect(small)
        else:
            if isinstance(statement, cst.For):
                collector.visit_For(statement)
            elif isinstance(statement, cst.With):
                for item in statement.items:
                    collector.visit_WithItem(item)
            pending.extend(_nested_statements(statement))
    return bindings


def _nested_statements(statement: cst.CSTNode) -> list[cst.CSTNode]:
    """The statements of a compound statement, with its elif/else/except/finally parts."""
    parts = [statement, getattr(statement, "orelse", None), getattr(statement, "finalbody", None),
             *getattr(statement, "handlers", ())]
    nested: list[cst.CSTNode] = []
    for part in parts:
        if part is None:
            continue
        if isinstance(part, cst.If) and part is not statement:
            nested.append(part)  # an elif is an If of its own
            continue
        body = getattr(part, "body", None)
        if isinstance(body, cst.IndentedBlock):
            nested.extend(body.body)
        elif isinstance(body, cst.SimpleStatementSuite):
            nested.append(body)
    return nested


class FileContext:
    """Everything rules share about one file; built once by the engine."""

    def __init__(self, module: cst.Module, path: Path,
                 extra_client_factories: Sequence[str] = ()) -> None:
        self.module = module
        self.path = path
        self.extra_client_factories = tuple(extra_client_factories)
        self.functions: dict[str, cst.FunctionDef] = {}
        self.classes: dict[str, cst.ClassDef] = {}
        for statement in module.body:
            if isinstance(statement, cst.FunctionDef):
                self.functions[statement.name.value] = statement
            elif isinstance(statement, cst.ClassDef):
                self.classes[statement.name.value] = statement
        self.module_bindings = _module_bindings(module)
        self._scope_bindings: dict[int, Bindings] = {}
        self.handlers: list[Handler] = []
        self.reached: list[Scope] = []
        self.current_function: Optional[Scope] = None
        self._positions: Optional[Mapping[cst.CSTNode, CodeRange]] = None

    def positions(self) -> Mapping[cst.CSTNode, CodeRange]:
        """Where every node is; computed once, on first use (it costs a full code generation)."""
        if self._positions is None:
            from libcst.metadata import MetadataWrapper, PositionProvider

            wrapper = MetadataWrapper(self.module, unsafe_skip_copy=True)
            self._positions = wrapper.resolve(PositionProvider)
        return self._positions

    def line_of(self, node: cst.CSTNode) -> int:
        return self.positions()[node].start.line

    # -- scopes and bindings ------------------------------------------------------------

    def bindings(self, scope: Optional[Scope]) -> Bindings:
        """Bindings of a function or lambda; module bindings for None."""
        if scope is None:
            return self.module_bindings
        key = id(scope)
        if key not in self._scope_bindings:
            bindings = Bindings()
            _BindingCollector(scope, bindings).collect(scope)
            self._scope_bindings[key] = bindings
        return self._scope_bindings[key]

    def is_local(self, name: str, scope: Optional[Scope]) -> bool:
        if scope is None:
            return False
        bindings = self.bindings(scope)
        return (name in bindings.values or name in bindings.parameters
                or name in bindings.imports) and name not in bindings.globals

    def resolve_name(self, name: str, scope: Optional[Scope]
                     ) -> Optional[tuple[cst.BaseExpression, Optional[Scope]]]:
        """The one expression a name is bound to, and the scope it lives in; None if unsure."""
        if scope is not None and self.is_local(name, scope):
            value = self.bindings(scope).only_value(name)
            return (value, scope) if value is not None else None
        value = self.module_bindings.only_value(name)
        return (value, None) if value is not None else None

    def follow(self, expression: cst.BaseExpression, scope: Optional[Scope]
               ) -> tuple[cst.BaseExpression, Optional[Scope]]:
        """Follow a name through single assignments to the expression behind it."""
        seen: set[int] = set()
        while isinstance(expression, cst.Name) and id(expression) not in seen:
            seen.add(id(expression))
            resolved = self.resolve_name(expression.value, scope)
            if resolved is None:
                break
            expression, scope = resolved
        return expression, scope

    # -- names ----------------------------------------------------------------------------

    def qualified_name(self, expression: cst.BaseExpression,
                       scope: Optional[Scope] = None) -> Optional[str]:
        """``boto3.client`` for ``b.client`` after ``import boto3 as b``; None if not an import.

        Builtins come back as ``builtins.<name>`` unless the module rebinds them.
        """
        scope = self.current_function if scope is None else scope
        if isinstance(expression, cst.Attribute):
            head = self.qualified_name(expression.value, scope)
            return f"{head}.{expression.attr.value}" if head else None
        if not isinstance(expression, cst.Name):
            return None
        name = expression.value
        if scope is not None:
            bindings = self.bindings(scope)
            if name in bindings.imports:
                return bindings.imports[name]
            if self.is_local(name, scope):
                return None
        if name in self.module_bindings.imports:
            return self.module_bindings.imports[name]
        if name in self.module_bindings.values:
            return None
        if name in BUILTIN_NAMES:
            return f"builtins.{name}"
        return None

    def local_function(self, expression: cst.BaseExpression,
                       scope: Optional[Scope] = None) -> Optional[cst.FunctionDef]:
        """The module's own top-level function a name refers to, if it does."""
        scope = self.current_function if scope is None else scope
        if not isinstance(expression, cst.Name) or self.is_local(expression.value, scope):
            return None
        function = self.functions.get(expression.value)
        if function is None or len(self.module_bindings.values.get(expression.value, [])) != 1:
            return None
        return function

    # -- handlers and reachability ----------------------------------------------------------

    def find_handlers(self, targets: Optional[Sequence[HandlerTarget]]) -> list[HandlerTarget]:
        """Fill ``handlers`` and ``reached``; return the targets this file does not define."""
        definitions = _top_level_definitions(self.module)
        missing = []
        if targets is None:
            for name, node in definitions.items():
                handler = _handler_from(name, node, None)
                if handler is not None and _is_conventional(handler):
                    self.handlers.append(handler)
        else:
            for target in targets:
                node = definitions.get(target.function)
                handler = _handler_from(target.function, node, target) if node else None
                if handler is None:
                    missing.append(target)
                else:
                    self.handlers.append(handler)
        self._compute_reach()
        return missing

    def _compute_reach(self) -> None:
        queue: list[Scope] = []
        for handler in self.handlers:
            scope = handler.function or handler.lambda_
            if scope is not None and all(scope is not seen for seen in queue):
                queue.append(scope)
        index = 0
        while index < len(queue):
            scope = queue[index]
            index += 1
            for name in sorted(self.bindings(scope).referenced):
                function = self.functions.get(name)
                if (function is not None and not self.is_local(name, scope)
                        and all(function is not seen for seen in queue)):
                    queue.append(function)
        self.reached = queue


def _top_level_definitions(module: cst.Module) -> dict[str, cst.CSTNode]:
    """The last top-level definition of each name, as the runtime's getattr would see it."""
    definitions: dict[str, cst.CSTNode] = {}
    for statement in module.body:
        if isinstance(statement, (cst.FunctionDef, cst.ClassDef)):
            definitions[statement.name.value] = statement
        elif isinstance(statement, cst.SimpleStatementLine):
            for small in statement.body:
                targets = []
                if isinstance(small, cst.Assign):
                    targets = [target.target for target in small.targets]
                elif isinstance(small, cst.AnnAssign) and small.value is not None:
                    targets = [small.target]
                for target in targets:
                    if isinstance(target, cst.Name):
                        definitions[target.value] = small
    return definitions


def _handler_from(name: str, node: cst.CSTNode, target: Optional[HandlerTarget]) -> Optional[Handler]:
    if isinstance(node, cst.FunctionDef):
        return Handler(name, node, function=node, target=target)
    if isinstance(node, (cst.Assign, cst.AnnAssign)):
        value = node.value
        if isinstance(value, cst.Lambda):
            return Handler(name, node, lambda_=value, target=target)
        return Handler(name, node, target=target)
    return Handler(name, node, target=target) if target is not None else None


def _is_conventional(handler: Handler) -> bool:
    if handler.name == "lambda_handler":
        return True
    parameters = handler.parameters
    if not handler.name.endswith("handler") or parameters is None:
        return False
    positional = [*parameters.posonly_params, *parameters.params]
    return bool(positional) and positional[0].name.value in EVENT_PARAMETER_NAMES
