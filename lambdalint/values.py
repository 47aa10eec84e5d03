"""What kind of value an expression is, and where its unencodable parts come from.

A bounded, conservative evaluation over the shared ``FileContext``: names are followed
only through single assignments, calls only into the module's own functions and classes
and into the known factories of ``lambdalint.data.serialization``. Anything else is
unknown, and an unknown value has no parts: the rules built on this never guess.
"""

from __future__ import annotations

import builtins
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Optional

import libcst as cst

from lambdalint.analysis import FileContext, Scope
from lambdalint.constants import argument, loop_iterable, string_value
from lambdalint.data.serialization import (
    BOTO3_SESSIONS,
    DICT_VIEWS,
    DYNAMODB_RESOURCE_FACTORIES,
    DYNAMODB_RESOURCE_READS,
    DYNAMODB_TABLE_READS,
    ELEMENT_KEEPING,
    ENCODABLE_BUILTIN_BASES,
    ENCODABLE_ENUM_BASES,
    FACTORIES,
    KEY_REJECTED_KINDS,
    KEY_REJECTED_SHAPES,
    NAMEDTUPLE_FACTORIES,
    NON_FINITE_CONSTANTS,
    NON_FINITE_SPELLINGS,
    PLAIN_ENUM_BASES,
    TRANSPARENT_CLASS_DECORATORS,
    TRANSPARENT_FUNCTION_DECORATORS,
    Kind,
)
from lambdalint.dynamodb_numbers import Numbers, describe_proof, is_int_literal, numbers_shown
from lambdalint.walk import live_statements

MAX_DEPTH = 12  # how many names, containers and calls one evaluation may go through
ARITHMETIC = (
    cst.Add,
    cst.Subtract,
    cst.Multiply,
    cst.Divide,
    cst.FloorDivide,
    cst.Modulo,
    cst.Power,
)


@dataclass(frozen=True)
class Read:
    """DynamoDB data read through the resource API: from which table, and how far into the
    response an expression has gone (``table`` -> ``response`` -> ``items`` -> ``item`` ->
    ``attribute``; a batch response goes through ``tables``, its dict of table names)."""

    table: str  # the table as the code names it: "orders", 'os.environ["TABLE"]'; "" unknown
    level: str
    key: str | None = None  # a response's items key ("Item", "Items"), an attribute's name


@dataclass(frozen=True)
class Part:
    """An unencodable piece of a value: its kind, its name, and the expression that made it."""

    kind: Kind
    description: str  # "a set", "an open file", "a DynamoDB item"
    origin: cst.CSTNode
    detail: str = ""  # said after the origin: "whose numbers are Decimal"
    # DynamoDB data, which holds a Decimal only where the module shows a number: for an item,
    # in any attribute of its table; for an attribute, in that one (see dynamodb_numbers)
    needs_number: Read | None = None


@dataclass(frozen=True)
class Value:
    """What is known about a value: its shape, whether it is unencodable, what it holds."""

    shape: str | None = None  # "dict", "list", "dynamodb table"...; None when unknown
    itself: Part | None = None  # the value is itself unencodable
    inside: tuple[Part, ...] = ()  # unencodable parts held in it, at any depth
    read: Read | None = None  # DynamoDB data: where in which table's response it comes from
    # a dict's own rejected keys: kept apart from inside, as iterating the dict (list(d),
    # [*d], d.items()) turns them into elements, which a tuple may well be
    keys: tuple[Part, ...] = ()

    @property
    def parts(self) -> tuple[Part, ...]:
        own = (self.itself, *self.keys) if self.itself else self.keys
        return (*own, *self.inside)


UNKNOWN = Value()
_ClassVerdict = Optional[str]  # "instance", "enum", "encodable", or None when unsure
_EXCEPTION_NAMES = frozenset(
    f"builtins.{name}"
    for name, value in vars(builtins).items()
    if isinstance(value, type) and issubclass(value, BaseException)
)


class ValueAnalysis:
    """Evaluates expressions of one file; results are cached for the file's lifetime."""

    def __init__(self, context: FileContext) -> None:
        self.context = context
        self._cache: dict[tuple[int, int], Value] = {}
        self._active: set[int] = set()  # functions whose return value is being evaluated
        self._class_verdicts: dict[int, _ClassVerdict] = {}
        self._numbers: Numbers | None = None  # read on the first DynamoDB part that needs it

    def value(self, expression: cst.BaseExpression, scope: Scope) -> Value:
        return self._value(expression, scope, 0)

    def shown(self, part: Part) -> Part | None:
        """The part as the module's code proves it: DynamoDB data holds a Decimal only where
        the module shows a number (lambdalint.dynamodb_numbers); None where it does not."""
        read = part.needs_number
        if read is None:
            return part
        if self._numbers is None:
            self._numbers = numbers_shown(self)
        proof = describe_proof(self._numbers, read)
        if proof is None:
            return None
        name, node = proof
        line = self.context.line_of(node)
        if read.level == "attribute":
            detail = f"holding a Decimal (line {line} shows it is a number)"
        else:
            detail = f"whose numbers are Decimal ({name!r} is one, as line {line} shows)"
        return replace(part, detail=detail)

    # -- functions ----------------------------------------------------------------------

    def returns(self, function: cst.FunctionDef) -> list[cst.Return]:
        """The function's own return statements, not those of functions nested in it."""
        return self.context.returns_and_yields(function)[0]

    def is_generator(self, function: cst.FunctionDef) -> bool:
        return self.context.returns_and_yields(function)[1]

    # -- evaluation ---------------------------------------------------------------------

    def _value(self, node: cst.BaseExpression, scope: Scope, depth: int) -> Value:
        if depth > MAX_DEPTH:
            return UNKNOWN
        key = (id(node), id(scope))
        if key not in self._cache:
            self._cache[key] = self._evaluate(node, scope, depth + 1)
        return self._cache[key]

    def _evaluate(self, node: cst.BaseExpression, scope: Scope, depth: int) -> Value:
        def parts_of(child: cst.BaseExpression) -> tuple[Part, ...]:
            return self._value(child, scope, depth).parts

        def held_by(child: cst.BaseExpression) -> tuple[Part, ...]:
            return self._value(child, scope, depth).inside

        if isinstance(node, cst.Name):
            return self._name(node, scope, depth)
        if isinstance(node, cst.Attribute):
            return self._attribute(node, scope)
        if isinstance(node, cst.Call):
            return self._call(node, scope, depth)
        if isinstance(node, cst.Subscript):
            return self._subscript(node, scope, depth)
        if isinstance(node, cst.Dict):
            inside = tuple(
                part
                for element in node.elements
                for part in (
                    parts_of(element.value)
                    if isinstance(element, cst.DictElement)
                    else held_by(element.value)
                )
            )
            keys = tuple(
                part
                for element in node.elements
                for part in (
                    self._key(element.key, scope, depth)
                    if isinstance(element, cst.DictElement)
                    else self._value(element.value, scope, depth).keys
                )
            )
            return Value("dict", inside=inside, keys=keys)
        if isinstance(node, (cst.List, cst.Tuple, cst.Set)):
            inside = tuple(
                part
                for element in node.elements
                for part in (
                    held_by(element.value)
                    if isinstance(element, cst.StarredElement)
                    else parts_of(element.value)
                )
            )
            if isinstance(node, cst.Set):
                return Value("set", Part(Kind.SET, "a set", node), inside)
            return Value("list" if isinstance(node, cst.List) else "tuple", inside=inside)
        if isinstance(node, (cst.ListComp, cst.SetComp, cst.GeneratorExp, cst.DictComp)):
            # names the comprehension binds resolve to nothing: FileContext knows they are nested
            element = node.value if isinstance(node, cst.DictComp) else node.elt
            inside = parts_of(element)
            if isinstance(node, cst.SetComp):
                return Value("set", Part(Kind.SET, "a set", node), inside)
            if isinstance(node, cst.GeneratorExp):
                return Value("generator", Part(Kind.GENERATOR, "a generator", node), inside)
            if isinstance(node, cst.DictComp):
                return Value("dict", inside=inside, keys=self._key(node.key, scope, depth))
            return Value("list", inside=inside)
        if isinstance(node, cst.Lambda):
            return Value("function", Part(Kind.CALLABLE, "a lambda", node))
        if isinstance(node, cst.Float) and math.isinf(float(node.value)):
            return _non_finite("inf", "float", node)
        if isinstance(node, (cst.SimpleString, cst.ConcatenatedString)):
            return _string(node)
        if isinstance(node, cst.UnaryOperation) and isinstance(
            node.operator, (cst.Minus, cst.Plus)
        ):
            return self._value(node.expression, scope, depth)
        if isinstance(node, cst.NamedExpr):
            return self._value(node.value, scope, depth)
        if isinstance(node, cst.BinaryOperation):
            return self._arithmetic(node, scope, depth)
        return UNKNOWN

    def _key(self, node: cst.BaseExpression, scope: Scope, depth: int) -> tuple[Part, ...]:
        """The key as a part when the encoders reject it as a dict key (a tuple, a date...)."""
        key = self._value(node, scope, depth)
        if key.shape in KEY_REJECTED_SHAPES:
            return (Part(Kind.KEY, f"a dict key that is {_a(key.shape)}", node),)
        itself = key.itself
        if (
            itself is None
            or itself.kind not in KEY_REJECTED_KINDS | {Kind.BYTES}
            or itself.needs_number is not None  # a DynamoDB attribute: a string key, mostly
        ):
            return ()
        kind = Kind.BYTES_KEY if itself.kind is Kind.BYTES else Kind.KEY
        return (Part(kind, f"a dict key that is {itself.description}", itself.origin),)

    def _name(self, node: cst.Name, scope: Scope, depth: int) -> Value:
        function = self.context.local_function(node, scope)
        if function is not None:
            return Value("function", Part(Kind.CALLABLE, f"the function {node.value}", node))
        if self.context.local_class(node, scope) is not None:
            return Value("class", Part(Kind.CALLABLE, f"the class {node.value}", node))
        resolved = self.context.resolve_name(node.value, scope)
        if resolved is not None:
            expression, home = resolved
            return self._value(expression, home, depth)
        loop_home = self.context.home(node.value, scope)
        loop = loop_iterable(self.context, node.value, loop_home) if loop_home is not None else None
        if loop is None:
            return UNKNOWN
        return _element(self._value(*loop, depth), node)

    def _attribute(self, node: cst.Attribute, scope: Scope) -> Value:
        qualified = self.context.qualified_name(node, scope)
        if qualified in NON_FINITE_CONSTANTS:
            return _non_finite(qualified.rpartition(".")[2], "float", node)
        enum_class = self.context.local_class(node.value, scope)
        if (
            enum_class is not None
            and self._verdict(enum_class, 0) == "enum"
            and node.attr.value in _enum_member_names(enum_class)
        ):
            member = f"{enum_class.name.value}.{node.attr.value}"
            return Value("enum", Part(Kind.ENUM_MEMBER, f"the plain Enum member {member}", node))
        return UNKNOWN

    def _call(self, node: cst.Call, scope: Scope, depth: int) -> Value:
        positional = [arg.value for arg in node.args if arg.keyword is None and not arg.star]
        qualified = self.context.qualified_name(node.func, scope)
        if qualified == "asyncio.run" and positional and isinstance(positional[0], cst.Call):
            # what the coroutine of one of the module's async functions returns, run to its end
            coroutine = self.context.local_function(positional[0].func, scope)
            if coroutine is not None and coroutine.asynchronous is not None:
                return self._returned_by(coroutine, positional[0], depth, awaited=True)
        if qualified is not None:
            kept: tuple[Part, ...] = ()
            if qualified in ELEMENT_KEEPING:
                kept = tuple(
                    part for arg in positional for part in self._value(arg, scope, depth).inside
                )
            if qualified == "builtins.dict":
                kept += tuple(
                    part
                    for arg in node.args
                    if arg.keyword is not None
                    for part in self._value(arg.value, scope, depth).parts
                )
            return _factory_call(node, qualified, positional, kept)
        if isinstance(node.func, cst.Attribute):
            receiver = self._value(node.func.value, scope, depth)
            if receiver.shape == "dynamodb resource" and node.func.attr.value == "Table":
                return Value("dynamodb table", read=Read(self._table_name(node), "table"))
            return _method_call(node, node.func.attr.value, receiver, positional)
        function = self.context.local_function(node.func, scope)
        if function is not None:
            return self._returned_by(function, node, depth)
        class_ = self.context.local_class(node.func, scope)
        if class_ is not None:
            return self._instance(class_, node)
        return UNKNOWN

    def _subscript(self, node: cst.Subscript, scope: Scope, depth: int) -> Value:
        container = self._value(node.value, scope, depth)
        if container.read is None or len(node.slice) != 1:
            return UNKNOWN
        index = node.slice[0].slice
        key = index.value if isinstance(index, cst.Index) else None
        return _dynamodb_step(container, key, node)

    def _arithmetic(self, node: cst.BinaryOperation, scope: Scope, depth: int) -> Value:
        """A Decimal when arithmetic surely makes one: ``Decimal(x) * 2``, ``item["count"] + 1``
        (a DynamoDB attribute plus an int is a number attribute, or a TypeError)."""
        left = self._value(node.left, scope, depth)
        right = self._value(node.right, scope, depth)
        for number, other, number_is_left in ((left, right, True), (right, left, False)):
            if _decimal_result(node, number, other, node.right if number_is_left else node.left):
                read = number.read
                detail = (
                    f"computed from the DynamoDB attribute {read.key!r}"
                    if read is not None and read.level == "attribute"
                    else ""
                )
                return Value("Decimal", Part(Kind.DECIMAL, "a Decimal", node, detail))
        return UNKNOWN

    def _table_name(self, table: cst.Call) -> str:
        """The table a ``Table(name)`` call opens, as the code spells the name."""
        name = argument(table, 0, "name")
        if name is None:
            return ""
        literal = string_value(name)
        return (
            literal
            if literal is not None
            else " ".join(self.context.module.code_for_node(name).split())
        )

    def _returned_by(
        self, function: cst.FunctionDef, call: cst.Call, depth: int, awaited: bool = False
    ) -> Value:
        """The value a call of one of the module's functions returns, when every return agrees;
        ``awaited``: what its coroutine returns once run (``asyncio.run(f(...))``)."""
        name = function.name.value
        if id(function) in self._active or not self._decorators_keep_result(function.decorators):
            return UNKNOWN
        if function.asynchronous is not None and not awaited:
            return Value("coroutine", Part(Kind.COROUTINE, f"the coroutine of {name}()", call))
        if self.is_generator(function):
            return Value("generator", Part(Kind.GENERATOR, f"the generator of {name}()", call))
        returns = self.returns(function)
        body = (
            live_statements(function.body.body)
            if isinstance(function.body, cst.IndentedBlock)
            else ()
        )
        ends_with_return = bool(body) and _ends_with_return(body[-1])
        if not returns or not ends_with_return or any(ret.value is None for ret in returns):
            return UNKNOWN
        self._active.add(id(function))
        try:
            values = [
                self._value(ret.value, function, depth) for ret in returns if ret.value is not None
            ]  # none is, as checked above
        finally:
            self._active.discard(id(function))
        if len(values) == 1 or all(value.parts for value in values):
            return values[0]
        return UNKNOWN

    def _instance(self, class_: cst.ClassDef, call: cst.Call) -> Value:
        verdict = self._verdict(class_, 0)
        name = class_.name.value
        if verdict == "instance":
            return Value("instance", Part(Kind.INSTANCE, _a(f"{name} instance"), call))
        if verdict == "enum":
            return Value("enum", Part(Kind.ENUM_MEMBER, f"a member of the plain Enum {name}", call))
        return UNKNOWN

    # -- classes ------------------------------------------------------------------------

    def _verdict(self, class_: cst.ClassDef, depth: int) -> _ClassVerdict:
        """How the runtime encodes an instance (or member) of a class of this module."""
        key = id(class_)
        if key not in self._class_verdicts:
            self._class_verdicts[key] = None  # a class that inherits from itself stays unsure
            self._class_verdicts[key] = self._judge(class_, depth)
        return self._class_verdicts[key]

    def _judge(self, class_: cst.ClassDef, depth: int) -> _ClassVerdict:
        decorators = [self._qualified_callee(d.decorator) for d in class_.decorators]
        if (
            depth > MAX_DEPTH
            or class_.keywords
            or any(name not in TRANSPARENT_CLASS_DECORATORS for name in decorators)
        ):
            return None
        # __new__ may return anything; simplejson encodes any object with _asdict as a dict
        if {"__new__", "_asdict"} & _method_names(class_):
            return None
        verdicts = set()
        for base in class_.bases:
            verdict = self._base_verdict(base.value, depth)
            if verdict is None:
                return None
            verdicts.add(verdict)
        for verdict in ("encodable", "enum"):
            if verdict in verdicts:
                return verdict
        return "instance"

    def _base_verdict(self, base: cst.BaseExpression, depth: int) -> _ClassVerdict:
        local = self.context.local_class(base, self.context.module)
        if local is not None:
            return self._verdict(local, depth + 1)
        qualified = self._qualified_callee(base)
        if qualified in PLAIN_ENUM_BASES:
            return "enum"
        if (
            qualified in ENCODABLE_ENUM_BASES
            or qualified in ENCODABLE_BUILTIN_BASES
            or qualified in NAMEDTUPLE_FACTORIES
        ):
            return "encodable"
        if qualified == "builtins.object" or qualified in _EXCEPTION_NAMES:
            return "instance"
        return None

    def _qualified_callee(self, node: cst.BaseExpression) -> str | None:
        """``dataclass`` for ``@dataclass`` and ``@dataclass(frozen=True)`` alike."""
        target = node.func if isinstance(node, cst.Call) else node
        return self.context.qualified_name(target, self.context.module)

    def _decorators_keep_result(self, decorators: Iterable[cst.Decorator]) -> bool:
        return all(
            self._qualified_callee(d.decorator) in TRANSPARENT_FUNCTION_DECORATORS
            for d in decorators
        )


def _factory_call(
    node: cst.Call, qualified: str, positional: list[cst.BaseExpression], kept: tuple[Part, ...]
) -> Value:
    """A call of an imported or builtin function: a known factory, a conversion, or unknown."""
    literal = string_value(positional[0]) if len(positional) == 1 else None
    spelling = literal.strip().lower().lstrip("+-") if literal is not None else None
    if qualified in ("builtins.float", "decimal.Decimal") and spelling in NON_FINITE_SPELLINGS:
        return _non_finite(spelling, qualified.rpartition(".")[2], node)
    if qualified in DYNAMODB_RESOURCE_FACTORIES and _is_dynamodb(node):
        return Value("dynamodb resource")
    if qualified in BOTO3_SESSIONS:
        return Value("boto3 session")
    if qualified in FACTORIES:
        kind, type_name = FACTORIES[qualified]
        return Value(type_name, Part(kind, _a(type_name), node), kept)
    shape = qualified.rpartition(".")[2]
    return Value(shape if shape in ("list", "tuple", "dict") else None, inside=kept)


def _method_call(
    node: cst.Call, method: str, receiver: Value, positional: list[cst.BaseExpression]
) -> Value:
    """A method call on a value whose shape is known: DynamoDB reads, dict views, ``.get``."""
    shape = receiver.shape
    if shape == "boto3 session" and method == "resource" and _is_dynamodb(node):
        return Value("dynamodb resource")
    reads = {
        "dynamodb table": DYNAMODB_TABLE_READS,
        "dynamodb resource": DYNAMODB_RESOURCE_READS,
    }.get(shape or "", {})
    if method in reads:
        key = reads[method]
        table = receiver.read.table if receiver.read is not None else ""
        read = "DynamoDB items" if key in ("Items", "Responses") else "a DynamoDB item"
        decimals = Part(Kind.DECIMAL, read, node, "whose numbers are Decimal", Read(table, "item"))
        return Value("dynamodb response", inside=(decimals,), read=Read(table, "response", key))
    if shape == "dict" and method in DICT_VIEWS and not positional:
        return Value(
            DICT_VIEWS[method],
            Part(Kind.ITERATOR, f"a {DICT_VIEWS[method]}", node),
            receiver.inside,
        )
    if method == "get" and positional and receiver.read is not None:
        return _dynamodb_step(receiver, positional[0], node)
    return UNKNOWN


def _dynamodb_step(container: Value, key: cst.BaseExpression | None, node: cst.CSTNode) -> Value:
    """One step into DynamoDB data, ``container[key]`` or ``container.get(key)``: a response's
    items, one item of a list, one attribute of an item."""
    read = container.read
    name = string_value(key) if key is not None else None
    if read is None or key is None:
        return UNKNOWN
    if read.level == "response" and name == read.key == "Responses":
        return Value("dict", inside=container.inside, read=Read("", "tables"))
    if read.level == "response" and name == read.key:
        level = "items" if name == "Items" else "item"
        return Value(
            "list" if level == "items" else "dict",
            inside=container.inside,
            read=Read(read.table, level),
        )
    if read.level == "tables" and name is not None:
        return Value("list", inside=container.inside, read=Read(name, "items"))
    if read.level == "items" and isinstance(key, cst.Integer):
        return _element(container, node)
    if read.level == "item" and name is not None:
        attribute = Read(read.table, "attribute", name)
        part = Part(Kind.DECIMAL, f"the DynamoDB attribute {name!r}", node, "", attribute)
        return Value(itself=part, read=attribute)
    return UNKNOWN


def _element(container: Value, node: cst.CSTNode) -> Value:
    """An element of DynamoDB items (``items[0]``, ``for item in items``): an item."""
    read = container.read
    if read is None or read.level != "items":
        return UNKNOWN
    return Value("dict", inside=container.inside, read=Read(read.table, "item"))


def _decimal_result(
    node: cst.BinaryOperation, number: Value, other: Value, other_node: cst.BaseExpression
) -> bool:
    """Whether ``number <op> other`` is surely a Decimal (or raises): a Decimal, or a DynamoDB
    attribute, with an int or a Decimal. Not ``"%s" % d``, which formats a string, nor
    ``attribute * 2`` or ``attribute % x``, which a string attribute repeats or formats."""
    itself = number.itself
    if (
        itself is None
        or itself.kind is not Kind.DECIMAL
        or not isinstance(node.operator, ARITHMETIC)
    ):
        return False
    attribute = itself.needs_number is not None
    if isinstance(node.operator, cst.Modulo) and (attribute or other_node is node.left):
        return False
    if is_int_literal(other_node):
        return not (attribute and isinstance(node.operator, cst.Multiply))
    return (
        other.itself is not None
        and other.itself.kind is Kind.DECIMAL
        and other.itself.needs_number is None
    )


def _is_dynamodb(node: cst.Call) -> bool:
    service = argument(node, 0, "service_name")
    return service is not None and string_value(service) == "dynamodb"


def _a(noun: str) -> str:
    """The indefinite article by sound: "an open file", "a UUID", "a User instance"."""
    sounds_like_you = noun.lower().startswith(("uu", "uni", "use", "usu", "uti", "eu"))
    vowel_sound = noun[0].lower() in "aeiou" and not sounds_like_you
    return f"{'an' if vowel_sound else 'a'} {noun}"


def _non_finite(spelling: str, type_name: str, node: cst.CSTNode) -> Value:
    description = f"a NaN {type_name}" if "nan" in spelling else f"an infinite {type_name}"
    return Value(type_name, Part(Kind.NON_FINITE, description, node))


def _string(node: cst.SimpleString | cst.ConcatenatedString) -> Value:
    first: cst.BaseString = node
    while isinstance(first, cst.ConcatenatedString):
        first = first.left
    if isinstance(first, cst.SimpleString) and "b" in first.prefix.lower():
        return Value("bytes", Part(Kind.BYTES, "a bytes literal", node))
    return Value("str")


def _class_body(class_: cst.ClassDef) -> Sequence[cst.BaseStatement]:
    return class_.body.body if isinstance(class_.body, cst.IndentedBlock) else ()


def _method_names(class_: cst.ClassDef) -> set[str]:
    return {
        statement.name.value
        for statement in _class_body(class_)
        if isinstance(statement, cst.FunctionDef)
    }


def _enum_member_names(class_: cst.ClassDef) -> set[str]:
    """Names assigned in an Enum's body: its members (sunder and dunder names are not)."""
    names: set[str] = set()
    for statement in _class_body(class_):
        if isinstance(statement, cst.SimpleStatementLine):
            for small in statement.body:
                if isinstance(small, cst.Assign):
                    names.update(
                        target.target.value
                        for target in small.targets
                        if isinstance(target.target, cst.Name)
                    )
    return {name for name in names if not name.startswith("_")}


def _ends_with_return(statement: cst.BaseStatement) -> bool:
    return isinstance(statement, cst.SimpleStatementLine) and any(
        isinstance(small, cst.Return) for small in statement.body
    )
