"""Shared analysis of one parsed file: handlers, imports, what the handlers reach, bindings.

Computed once per file and handed to every rule, so no rule re-derives it. Only the
functions the handlers reach are walked; the rest of the module is never visited.

Names are looked up in a *scope*: a function, a lambda, or the module itself (pass
``context.module``). Every lookup answers None when it is unsure what a name holds.
"""

from __future__ import annotations

import builtins
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar, Union

import libcst as cst

from lambdalint.source import literal_value
from lambdalint.walk import is_kind, walk

if TYPE_CHECKING:
    from libcst.metadata import CodeRange

    from lambdalint.discovery.model import DeployedFunction
    from lambdalint.handlers import HandlerTarget

BUILTIN_NAMES = frozenset(dir(builtins))
Function = Union[cst.FunctionDef, cst.Lambda]
FUNCTION_NODES = (cst.FunctionDef, cst.Lambda)
Scope = Union[cst.FunctionDef, cst.Lambda, cst.Module]
COMPREHENSIONS = (cst.ListComp, cst.SetComp, cst.DictComp, cst.GeneratorExp)
# Nodes whose body has names of its own: what they bind is invisible to the code around them.
NESTED_SCOPES = (cst.FunctionDef, cst.Lambda, cst.ClassDef, *COMPREHENSIONS)
_DEFINITIONS = frozenset({cst.FunctionDef, cst.Lambda, cst.ClassDef})
_Definition = TypeVar("_Definition", cst.FunctionDef, cst.ClassDef)


@dataclass
class Handler:
    """A handler defined in this file: a def, an async def, a lambda, or an opaque callable."""

    name: str
    node: cst.CSTNode  # the FunctionDef, or the assignment statement
    function: cst.FunctionDef | None = None
    lambda_: cst.Lambda | None = None
    target: HandlerTarget | None = None
    # for an instance of the module's class (``handler = Handler()``): that class, whose
    # ``__call__`` is ``function``, called with the instance as its first argument
    owner: cst.ClassDef | None = None

    @property
    def is_async(self) -> bool:
        return self.function is not None and self.function.asynchronous is not None

    @property
    def parameters(self) -> cst.Parameters | None:
        """The signature the runtime sees, or None when lambdalint cannot see it."""
        if self.function is not None and self.owner is not None:
            params = self.function.params  # the instance fills the first parameter
            if params.posonly_params:
                return params.with_changes(posonly_params=params.posonly_params[1:])
            return params.with_changes(params=params.params[1:])
        if self.function is not None:
            return self.function.params
        if self.lambda_ is not None:
            return self.lambda_.params
        return None

    @property
    def deployments(self) -> tuple[DeployedFunction, ...]:
        """The functions deployment templates declare for it (triggers, environment)."""
        spec = self.target.spec if self.target is not None else None
        return spec.deployments if spec is not None else ()


@dataclass
class Bindings:
    """What each name is bound to in one scope. A value of None is a binding we cannot follow."""

    values: dict[str, list[cst.BaseExpression | None]] = field(default_factory=dict)
    parameters: set[str] = field(default_factory=set)
    globals: set[str] = field(default_factory=set)  # declared global or nonlocal here
    imports: dict[str, str] = field(default_factory=dict)
    referenced: set[str] = field(default_factory=set)
    # Bound by a def, lambda, class or comprehension inside the scope: a use of the name in
    # the scope's code may mean that binding instead.
    nested: set[str] = field(default_factory=set)
    star_import: bool = False  # `from x import *` may bind any name
    star_sources: list[tuple[str, int]] = field(default_factory=list)  # each x and its level
    # `from .x import f` binds f to ("x.f", 1): the dotted name and how many packages up
    relative_imports: dict[str, tuple[str, int]] = field(default_factory=dict)
    # `x.f`, `a.b.c` (and `a.b`): attribute chains of plain names the scope's code reads
    dotted: set[str] = field(default_factory=set)
    # `Service`, `models.Service`: what the scope's own code calls (``spelled_name``), the
    # code of the defs, lambdas and classes inside it aside
    calls: set[str] = field(default_factory=set)

    def bind(self, name: str, value: cst.BaseExpression | None) -> None:
        self.values.setdefault(name, []).append(value)

    def only_value(self, name: str) -> cst.BaseExpression | None:
        """The value of a name bound exactly once, to an expression we can read."""
        if (
            name in self.parameters
            or name in self.globals
            or name in self.imports
            or self.star_import
        ):
            return None
        values = self.values.get(name, [])
        return values[0] if len(values) == 1 else None


class _BindingCollector:
    """Collects the bindings of one scope in one walk of it.

    What nested scopes bind goes to ``nested``; each nested def and lambda is recorded with
    the function or lambda (or module) whose names it sees. In the module, the bodies of
    defs and classes and bare expression statements (docstrings, big literals) are skipped.
    Code that never runs (after a return, under ``if False``) binds and references nothing,
    so what only it calls is not reached.
    """

    def __init__(self, scope: Scope, bindings: Bindings, enclosing: dict[int, Scope]) -> None:
        self.scope = scope
        self.bindings = bindings
        self.enclosing = enclosing
        self.frames: list[cst.CSTNode] = [scope]  # the scopes around the visited node
        self.definitions = 0  # of the frames, the defs, lambdas and classes inside the scope
        self.labels: set[int] = set()  # `obj.helper`, `f(helper=1)`: names that reference nothing

    def collect(self) -> None:
        walk(self.scope, self._visit, self._leave, live=True)

    def _visit(self, node: cst.CSTNode) -> bool | None:
        # type(), not isinstance(): every node of the file passes here, and isinstance() on
        # libcst's (ABC) classes costs a Python-level call per miss
        kind = type(node)
        if type(node) is cst.Name:
            if id(node) not in self.labels:
                self.bindings.referenced.add(node.value)
            return None
        if type(node) is cst.Attribute:
            self.labels.add(id(node.attr))
            chain = _name_chain(node)
            if chain is not None:
                self.bindings.dotted.add(chain)
        elif type(node) is cst.Arg and node.keyword is not None:
            self.labels.add(id(node.keyword))
        elif type(node) is cst.Call and not self.definitions:
            self.bindings.calls.add(spelled_name(node.func))
        at_module_level = len(self.frames) == 1 and type(self.scope) is cst.Module
        if at_module_level and kind is cst.Expr:
            return False
        method = getattr(self, f"visit_{kind.__name__}", None)
        if method is not None:
            method(node)
        if node is self.scope or kind not in NESTED_SCOPES:
            return None
        if kind in FUNCTION_NODES:
            # class bodies and comprehensions are not scopes a function's free names see
            self.enclosing[id(node)] = next(
                frame
                for frame in reversed(self.frames)
                if isinstance(frame, (*FUNCTION_NODES, cst.Module))
            )
        if at_module_level and isinstance(node, (cst.FunctionDef, cst.ClassDef)):
            return False  # a function's bindings are its own, collected on demand
        self.frames.append(node)
        if kind in _DEFINITIONS:
            self.definitions += 1
        return None

    def _leave(self, node: cst.CSTNode) -> None:
        if node is not self.scope and node is self.frames[-1]:
            self.frames.pop()
            if type(node) in _DEFINITIONS:
                self.definitions -= 1

    def _bind(
        self, name: str, value: cst.BaseExpression | None, owner: cst.CSTNode | None = None
    ) -> None:
        if (owner or self.frames[-1]) is self.scope:
            self.bindings.bind(name, value)
        else:
            self.bindings.nested.add(name)

    def _bind_target(
        self,
        target: cst.BaseExpression,
        value: cst.BaseExpression | None,
        owner: cst.CSTNode | None = None,
    ) -> None:
        if isinstance(target, cst.Name):
            self._bind(target.value, value, owner)
        elif isinstance(target, (cst.Tuple, cst.List)):
            for element in target.elements:
                self._bind_target(element.value, None, owner)
        elif isinstance(target, cst.StarredElement):
            self._bind_target(target.value, None, owner)

    def _bind_declared(self, names: Sequence[cst.NameItem]) -> None:
        declared = {item.name.value for item in names}
        if self.frames[-1] is self.scope:
            self.bindings.globals.update(declared)
        else:
            self.bindings.nested.update(declared)

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        if node is not self.scope:
            self._bind(node.name.value, None)

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        self._bind(node.name.value, None)

    def visit_Param(self, node: cst.Param) -> None:
        if self.frames[-1] is self.scope:
            self.bindings.parameters.add(node.name.value)
        else:
            self.bindings.nested.add(node.name.value)

    def visit_Assign(self, node: cst.Assign) -> None:
        for target in node.targets:
            self._bind_target(target.target, node.value)

    def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
        self._bind_target(node.target, node.value)

    def visit_AugAssign(self, node: cst.AugAssign) -> None:
        self._bind_target(node.target, None)

    def visit_NamedExpr(self, node: cst.NamedExpr) -> None:
        # := in a comprehension binds in the function around it
        owner = next(
            frame for frame in reversed(self.frames) if not isinstance(frame, COMPREHENSIONS)
        )
        self._bind_target(node.target, node.value, owner)

    def visit_For(self, node: cst.For) -> None:
        self._bind_target(node.target, None)

    def visit_CompFor(self, node: cst.CompFor) -> None:
        self._bind_target(node.target, None)

    def visit_Del(self, node: cst.Del) -> None:
        self._bind_target(node.target, None)

    def visit_WithItem(self, node: cst.WithItem) -> None:
        if node.asname is not None:
            self._bind_target(node.asname.name, None)

    def visit_ExceptHandler(self, node: cst.ExceptHandler | cst.ExceptStarHandler) -> None:
        if node.name is not None:
            self._bind_target(node.name.name, None)

    visit_ExceptStarHandler = visit_ExceptHandler

    def visit_MatchAs(self, node: cst.MatchAs | cst.MatchStar) -> None:
        if node.name is not None:
            self._bind_target(node.name, None)

    visit_MatchStar = visit_MatchAs

    def visit_MatchMapping(self, node: cst.MatchMapping) -> None:
        if node.rest is not None:
            self._bind_target(node.rest, None)

    def visit_Global(self, node: cst.Global) -> None:
        self._bind_declared(node.names)

    def visit_Nonlocal(self, node: cst.Nonlocal) -> None:
        self._bind_declared(node.names)

    def visit_Import(self, node: cst.Import) -> None:
        for alias in node.names:
            dotted = _dotted(alias.name)
            local = alias.asname.name if alias.asname is not None else None
            if local is None:
                self._import(dotted.split(".")[0], dotted.split(".")[0])
            elif isinstance(local, cst.Name):
                self._import(local.value, dotted)

    def visit_ImportFrom(self, node: cst.ImportFrom) -> None:
        module = _dotted(node.module) if node.module is not None else ""
        level = len(node.relative)
        if isinstance(node.names, cst.ImportStar):
            self.bindings.star_import = True
            self.bindings.star_sources.append((module, level))
            return
        for alias in node.names:
            local = alias.asname.name if alias.asname is not None else alias.name
            if not isinstance(local, cst.Name):
                continue
            imported = f"{module}.{_dotted(alias.name)}" if module else _dotted(alias.name)
            # a relative import binds the name too, to nothing lambdalint can qualify
            self._import(local.value, None if level else imported)
            if level and self.frames[-1] is self.scope:
                self.bindings.relative_imports[local.value] = (imported, level)

    def _import(self, name: str, qualified: str | None) -> None:
        if self.frames[-1] is not self.scope:
            self.bindings.nested.add(name)
        elif qualified is None:
            self.bindings.bind(name, None)
        else:
            self.bindings.imports[name] = qualified


def _dotted(node: cst.BaseExpression) -> str:
    if isinstance(node, cst.Name):
        return node.value
    if isinstance(node, cst.Attribute):
        return f"{_dotted(node.value)}.{node.attr.value}"
    return ""


def variables(node: cst.CSTNode) -> list[cst.Name]:
    """The Name nodes under node that spell variables (not an attribute's own name or a
    keyword argument's)."""
    found: list[cst.Name] = []
    labels: set[int] = set()

    def visit(child: cst.CSTNode) -> None:
        if isinstance(child, cst.Attribute):
            labels.add(id(child.attr))
        elif isinstance(child, cst.Arg) and child.keyword is not None:
            labels.add(id(child.keyword))
        elif isinstance(child, cst.Name) and id(child) not in labels:
            found.append(child)

    walk(node, visit)
    return found


def spelled_name(node: cst.BaseExpression) -> str:
    """``db.connect`` for that attribute chain of names, ``connect`` for a name, else ""."""
    if isinstance(node, cst.Name):
        return node.value
    if isinstance(node, cst.Attribute):
        head = spelled_name(node.value)
        return f"{head}.{node.attr.value}" if head else ""
    return ""


def _name_chain(node: cst.Attribute, limit: int = 8) -> str | None:
    """``a.b.c`` for an attribute chain of plain names at most ``limit`` deep, else None."""
    parts = [node.attr.value]
    value = node.value
    while isinstance(value, cst.Attribute) and len(parts) < limit:
        parts.append(value.attr.value)
        value = value.value
    if not isinstance(value, cst.Name):
        return None
    parts.append(value.value)
    return ".".join(reversed(parts))


def _declared_global(module: cst.Module) -> frozenset[str]:
    """Names any function or method of the module declares ``global``; statements only."""
    names: set[str] = set()

    def visit(node: cst.CSTNode) -> bool:
        if type(node) is cst.Global:
            names.update(item.name.value for item in node.names)
            return False
        return not is_kind(node, cst.BaseExpression)

    walk(module, visit)
    return frozenset(names)


def _own_returns_and_yields(function: cst.FunctionDef) -> tuple[list[cst.Return], bool]:
    returns: list[cst.Return] = []
    yields = False

    def visit(node: cst.CSTNode) -> bool:
        nonlocal yields
        kind = type(node)
        if type(node) is cst.Return:  # not kind: type() narrows only when spelled here
            returns.append(node)
        yields = yields or kind is cst.Yield
        return node is function or kind not in (cst.FunctionDef, cst.Lambda, cst.ClassDef)

    walk(function, visit, live=True)
    return returns, yields


class FileContext:
    """Everything rules share about one file; built once by the engine."""

    def __init__(
        self,
        module: cst.Module,
        path: Path,
        extra_client_factories: Sequence[str] = (),
        source: str | None = None,
    ) -> None:
        self.module = module
        self.path = path
        self.source = source  # the text the module was parsed from, for positions()
        self.extra_client_factories = tuple(extra_client_factories)
        self.functions: dict[str, cst.FunctionDef] = {}
        self.classes: dict[str, cst.ClassDef] = {}
        for statement in module.body:
            if isinstance(statement, cst.FunctionDef):
                self.functions[statement.name.value] = statement
            elif isinstance(statement, cst.ClassDef):
                self.classes[statement.name.value] = statement
        self._enclosing: dict[int, Scope] = {}  # nested def or lambda -> the scope around it
        self.module_bindings = Bindings()
        _BindingCollector(module, self.module_bindings, self._enclosing).collect()
        self._scope_bindings: dict[int, Bindings] = {}
        self._rebound_globally: frozenset[str] | None = None
        self.handlers: list[Handler] = []
        self.reached: list[Function] = []
        # for a module the handlers of another reach (lambdalint.reach): that module's context
        self.reached_from: FileContext | None = None
        # each reached function another module's code calls first: that module's context, the
        # calling function and the name it calls it by (lambdalint.reach's first step to it)
        self.entered_by: dict[int, tuple[FileContext, Function, str]] = {}
        # the other direction: by (id of a reached function, name it calls), the function of
        # another module that call reaches first, with that module's context
        self.calls_out: dict[tuple[int, str], tuple[FileContext, Function]] = {}
        self._positions: Mapping[cst.CSTNode, CodeRange] | None = None
        self._returns_and_yields: dict[int, tuple[list[cst.Return], bool]] = {}

    def positions(self) -> Mapping[cst.CSTNode, CodeRange]:
        """Where every node is, each computed on first use (lambdalint.positions)."""
        if self._positions is None:
            from lambdalint.positions import Positions

            self._positions = Positions(self.module, self.source)
        return self._positions

    def line_of(self, node: cst.CSTNode) -> int:
        return self.positions()[node].start.line

    # -- scopes and bindings ------------------------------------------------------------

    def bindings(self, scope: Scope) -> Bindings:
        """Bindings of a function, a lambda or the module; computed once, on first use."""
        if type(scope) is cst.Module:
            return self.module_bindings
        key = id(scope)
        if key not in self._scope_bindings:
            bindings = Bindings()
            _BindingCollector(scope, bindings, self._enclosing).collect()
            self._scope_bindings[key] = bindings
        return self._scope_bindings[key]

    def is_local(self, name: str, scope: Scope) -> bool:
        """Whether a function or lambda binds the name itself (never true for the module)."""
        if type(scope) is cst.Module:
            return False
        bindings = self.bindings(scope)
        return (
            name in bindings.values or name in bindings.parameters or name in bindings.imports
        ) and name not in bindings.globals

    def is_parameter(self, name: str, function: Function) -> bool:
        """Whether the name, anywhere in the function's code, surely holds its parameter."""
        bindings = self.bindings(function)
        return name in bindings.parameters and not any(
            name in names
            for names in (bindings.values, bindings.globals, bindings.imports, bindings.nested)
        )

    def home(self, name: str, scope: Scope) -> Scope | None:
        """The scope whose binding a name used in ``scope``'s code refers to: the innermost
        function or lambda that binds it, else the module. None when unsure: a nested def,
        lambda, class or comprehension binds it too, or a nested scope is not known."""
        current: Scope | None = scope
        while current is not None:
            if name in self.bindings(current).nested:
                return None
            if type(current) is cst.Module or self.is_local(name, current):
                return current
            current = self._enclosing.get(id(current))
        return None

    def resolve_name(self, name: str, scope: Scope) -> tuple[cst.BaseExpression, Scope] | None:
        """The one expression a name used in ``scope`` is bound to, and the scope it lives in.

        None if unsure: a parameter, a name bound more than once (a ``match`` capture, a
        loop, a ``global`` assignment in any function, a ``nonlocal`` one in a nested
        function all count), or one a nested scope binds too.
        """
        home = self.home(name, scope)
        if home is None or (type(home) is cst.Module and name in self.rebound_globally()):
            return None
        value = self.bindings(home).only_value(name)
        return (value, home) if value is not None else None

    def follow(
        self, expression: cst.BaseExpression, scope: Scope
    ) -> tuple[cst.BaseExpression, Scope]:
        """Follow a name through single assignments to the expression behind it.

        Stops at the first name it cannot follow and returns that name.
        """
        seen: set[int] = set()
        while isinstance(expression, cst.Name) and id(expression) not in seen:
            seen.add(id(expression))
            resolved = self.resolve_name(expression.value, scope)
            if resolved is None:
                break
            expression, scope = resolved
        return expression, scope

    def rebound_globally(self) -> frozenset[str]:
        """Module names some function may rebind: their module-level value may change."""
        if self._rebound_globally is None:
            # most modules never say "global": their text spares the walk
            unsaid = self.source is not None and "global" not in self.source
            self._rebound_globally = frozenset() if unsaid else _declared_global(self.module)
        return self._rebound_globally

    def returns_and_yields(self, function: cst.FunctionDef) -> tuple[list[cst.Return], bool]:
        """The function's own return statements (not those of functions nested in it) and
        whether it yields; found once per module, for every rule."""
        key = id(function)
        if key not in self._returns_and_yields:
            self._returns_and_yields[key] = _own_returns_and_yields(function)
        return self._returns_and_yields[key]

    # -- names ----------------------------------------------------------------------------

    def qualified_name(self, expression: cst.BaseExpression, scope: Scope) -> str | None:
        """``boto3.client`` for ``b.client`` after ``import boto3 as b``; None if not an import.

        Builtins come back as ``builtins.<name>`` unless the module rebinds them.
        """
        if isinstance(expression, cst.Attribute):
            head = self.qualified_name(expression.value, scope)
            return f"{head}.{expression.attr.value}" if head else None
        if not isinstance(expression, cst.Name):
            return None
        name = expression.value
        home = self.home(name, scope)
        if home is None:
            return None
        bindings = self.bindings(home)
        if name in bindings.imports:
            return bindings.imports[name]
        if (
            type(home) is cst.Module
            and name in BUILTIN_NAMES
            and name not in bindings.values
            and not bindings.star_import
            and name not in self.rebound_globally()
        ):
            return f"builtins.{name}"
        return None

    def local_function(
        self, expression: cst.BaseExpression, scope: Scope
    ) -> cst.FunctionDef | None:
        """The module's own top-level function a name refers to, if it surely does."""
        return self._module_definition(expression, scope, self.functions)

    def local_class(self, expression: cst.BaseExpression, scope: Scope) -> cst.ClassDef | None:
        """The module's own top-level class a name refers to, if it surely does."""
        return self._module_definition(expression, scope, self.classes)

    def module_function(self, name: str) -> cst.FunctionDef | None:
        """The top-level function the module surely binds to name, as an import sees it."""
        return self._defined(name, self.functions)

    def module_class(self, name: str) -> cst.ClassDef | None:
        """The top-level class the module surely binds to name, as an import sees it."""
        return self._defined(name, self.classes)

    def method(self, owner: cst.ClassDef, name: str) -> cst.FunctionDef | None:
        """The method a top-level class defines once under name; its code sees the module's
        names (a class body is no scope for it)."""
        found = [
            statement
            for statement in owner.body.body
            if isinstance(statement, cst.FunctionDef) and statement.name.value == name
        ]
        if len(found) != 1:
            return None
        self._enclosing.setdefault(id(found[0]), self.module)
        return found[0]

    def imported(self, name: str, scope: Scope) -> tuple[str, int] | None:
        """What an imported name used in ``scope`` names: ``("x.f", 0)`` after ``from x import
        f`` or ``import x.f as f``, ``("x", 0)`` after ``import x``, ``("x.f", 1)`` after
        ``from .x import f`` (the level counts the dots). None if it may hold anything else."""
        home = self.home(name, scope)
        if home is None or (
            type(home) is cst.Module
            and (name in self.rebound_globally() or self.module_bindings.star_import)
        ):
            return None
        bindings = self.bindings(home)
        if name in bindings.imports and name not in bindings.values:
            return bindings.imports[name], 0
        if name in bindings.relative_imports and len(bindings.values.get(name, [])) == 1:
            return bindings.relative_imports[name]
        return None

    def star_imported(self, name: str, scope: Scope) -> tuple[str, int] | None:
        """What a name used in ``scope`` names when only the module's one star import can
        bind it (``from helpers import *``): ``("helpers.name", 0)``; None otherwise."""
        bindings = self.module_bindings
        if (
            len(bindings.star_sources) != 1
            or not isinstance(self.home(name, scope), cst.Module)
            or name in bindings.values
            or name in bindings.imports
            or name in bindings.globals
            or name in self.rebound_globally()
            or name in BUILTIN_NAMES
        ):
            return None
        module, level = bindings.star_sources[0]
        return (f"{module}.{name}" if module else name), level

    def exports(self, name: str) -> bool:
        """Whether ``from <this module> import *`` binds name: it is in ``__all__`` (a literal
        list or tuple of strings), or there is no ``__all__`` and it is public."""
        values = self.module_bindings.values.get("__all__")
        if values is None:
            return not name.startswith("_")
        listed = values[0] if len(values) == 1 else None
        if not isinstance(listed, (cst.List, cst.Tuple)):
            return False
        names = [
            literal_value(element.value.value)
            for element in listed.elements
            if isinstance(element.value, cst.SimpleString)
        ]
        return len(names) == len(listed.elements) and name in names

    def _module_definition(
        self, expression: cst.BaseExpression, scope: Scope, definitions: Mapping[str, _Definition]
    ) -> _Definition | None:
        if not isinstance(expression, cst.Name) or not isinstance(
            self.home(expression.value, scope), cst.Module
        ):
            return None
        return self._defined(expression.value, definitions)

    def _defined(self, name: str, definitions: Mapping[str, _Definition]) -> _Definition | None:
        if (
            name in self.rebound_globally()
            or len(self.module_bindings.values.get(name, [])) != 1
            or name in self.module_bindings.imports
            or self.module_bindings.star_import
        ):
            return None
        return definitions.get(name)

    # -- handlers and reachability ----------------------------------------------------------

    def find_handlers(self, targets: Sequence[HandlerTarget]) -> list[HandlerTarget]:
        """Fill ``handlers`` and ``reached``; return the targets this file does not define."""
        definitions = _top_level_definitions(self.module)
        missing = []
        for target in targets:
            node = definitions.get(target.function)
            if node is None:
                missing.append(target)
            else:
                self.handlers.append(
                    self._callable_instance(target.function, node, target)
                    or _handler_from(target.function, node, target)
                )
        self._compute_reach()
        return missing

    def _callable_instance(
        self, name: str, node: cst.CSTNode, target: HandlerTarget
    ) -> Handler | None:
        """``handler = Handler()``: an instance of the module's class, which the runtime calls
        through the class's ``__call__``."""
        if not isinstance(node, (cst.Assign, cst.AnnAssign)) or not isinstance(
            node.value, cst.Call
        ):
            return None
        func = node.value.func
        owner = self.module_class(func.value) if isinstance(func, cst.Name) else None
        method = self.method(owner, "__call__") if owner is not None else None
        if owner is None or method is None:
            return None
        return Handler(name, node, function=method, target=target, owner=owner)

    def _compute_reach(self) -> None:
        queue: list[Function] = []
        for handler in self.handlers:
            scope = handler.function or handler.lambda_
            if scope is not None and all(scope is not seen for seen in queue):
                queue.append(scope)
        index = 0
        while index < len(queue):
            scope = queue[index]
            index += 1
            for _, function in self.called_here(scope):
                if all(function is not seen for seen in queue):
                    queue.append(function)
        self.reached = queue

    def called_here(self, scope: Function) -> Iterator[tuple[str, cst.FunctionDef]]:
        """The module's top-level functions a function refers to by a name it does not bind."""
        for name in sorted(self.bindings(scope).referenced):
            function = self.functions.get(name)
            if function is not None and not self.is_local(name, scope):
                yield name, function


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


def _handler_from(name: str, node: cst.CSTNode, target: HandlerTarget) -> Handler:
    if isinstance(node, cst.FunctionDef):
        return Handler(name, node, function=node, target=target)
    if isinstance(node, (cst.Assign, cst.AnnAssign)) and isinstance(node.value, cst.Lambda):
        return Handler(name, node, lambda_=node.value, target=target)
    return Handler(name, node, target=target)
