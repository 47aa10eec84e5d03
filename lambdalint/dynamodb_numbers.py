"""Which attributes of each DynamoDB table the module shows to be numbers.

The resource API returns every number attribute as a ``Decimal``, which the standard
library's json cannot encode; but a table may hold only strings, and then its items encode
fine. An attribute counts as a number only where the module's code says so: arithmetic or
an ordering with a number (``item["count"] + 1``, ``item["stock"] > 0``), a negation, an
update expression that adds to it or sets it to a number (``ADD visits :one``,
``SET #c = if_not_exists(#c, :zero) + :one``), or a number that ``put_item`` writes. Every
function of the module is read, not only those the handlers reach: a writer elsewhere says
what the table holds.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

import libcst as cst

from lambdalint.constants import argument, string_value
from lambdalint.data.serialization import DYNAMODB_TABLE_WRITES, NUMBER_FACTORIES, Kind
from lambdalint.walk import Where, walk_reached

if TYPE_CHECKING:
    from lambdalint.analysis import Scope
    from lambdalint.values import Read, ValueAnalysis

# Arithmetic that only numbers do with a number (a string attribute raises): `*` is left
# out for ints, which repeat a string, and `%`, which formats one.
NUMERIC_OPERATORS = (cst.Add, cst.Subtract, cst.Multiply, cst.Divide, cst.FloorDivide, cst.Power)
# Ordering a string against a number raises; == 1 may well test a string or a bool.
NUMERIC_COMPARISONS = (cst.LessThan, cst.GreaterThan, cst.LessThanEqual, cst.GreaterThanEqual)
NUMERIC_AUGMENTED = (cst.AddAssign, cst.SubtractAssign, cst.DivideAssign, cst.FloorDivideAssign)
_CLAUSE = re.compile(r"\b(SET|ADD|REMOVE|DELETE)\s", re.IGNORECASE)
_PLACEHOLDER = re.compile(r"^(?:if_not_exists\s*\([^,]+,\s*)?(:\w+)\s*\)?$")

# table -> attribute -> the node that shows it is a number
Numbers = dict[str, dict[str, cst.CSTNode]]


def numbers_shown(values: ValueAnalysis) -> Numbers:
    """Every attribute the module shows to be a number, by table, with the proof."""
    finder = _NumberFinder(values)
    for function in _functions(values.context.module):
        walk_reached(function, finder.visit)
    return finder.numbers


def _functions(module: cst.Module) -> Iterator[cst.FunctionDef]:
    """Top-level functions and the methods of top-level classes (nested ones come with them)."""
    for statement in module.body:
        if isinstance(statement, cst.FunctionDef):
            yield statement
        elif isinstance(statement, cst.ClassDef) and isinstance(statement.body, cst.IndentedBlock):
            yield from (s for s in statement.body.body if isinstance(s, cst.FunctionDef))


class _NumberFinder:
    def __init__(self, values: ValueAnalysis) -> None:
        self.values = values
        self.context = values.context
        self.numbers: Numbers = {}

    def visit(self, node: cst.CSTNode, where: Where) -> None:
        scope = where.scope
        if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, NUMERIC_OPERATORS):
            ints_repeat = isinstance(node.operator, cst.Multiply)
            self._pair(node.left, node.right, scope, node, ints_repeat)
            self._pair(node.right, node.left, scope, node, ints_repeat)
        elif isinstance(node, cst.Comparison):
            left = node.left
            for target in node.comparisons:
                if isinstance(target.operator, NUMERIC_COMPARISONS):
                    self._pair(left, target.comparator, scope, node)
                    self._pair(target.comparator, left, scope, node)
                left = target.comparator
        elif isinstance(node, cst.UnaryOperation) and isinstance(node.operator, cst.Minus):
            self._attribute_is_number(node.expression, scope, node)
        elif isinstance(node, cst.AugAssign) and isinstance(node.operator, NUMERIC_AUGMENTED):
            if self._is_number(node.value, scope):
                self._attribute_is_number(node.target, scope, node)
        elif (
            isinstance(node, cst.Call)
            and isinstance(node.func, cst.Attribute)
            and node.func.attr.value in DYNAMODB_TABLE_WRITES
        ):
            table = self.values.value(node.func.value, scope)
            if table.shape == "dynamodb table" and table.read is not None:
                self._written(node, table.read.table, scope)

    def _pair(
        self,
        maybe_attribute: cst.BaseExpression,
        other: cst.BaseExpression,
        scope: Scope,
        proof: cst.CSTNode,
        ints_repeat: bool = False,
    ) -> None:
        if ints_repeat and is_int_literal(other):
            return
        if _is_number_literal(other) or self._is_decimal(other, scope):
            self._attribute_is_number(maybe_attribute, scope, proof)

    def _attribute_is_number(
        self, expression: cst.BaseExpression, scope: Scope, proof: cst.CSTNode
    ) -> None:
        read = self.values.value(expression, scope).read
        if read is not None and read.level == "attribute" and read.key is not None:
            self._record(read.table, read.key, proof)

    def _record(self, table: str, attribute: str, proof: cst.CSTNode) -> None:
        self.numbers.setdefault(table, {}).setdefault(attribute, proof)

    def _is_decimal(self, expression: cst.BaseExpression, scope: Scope) -> bool:
        itself = self.values.value(expression, scope).itself
        return itself is not None and itself.kind is Kind.DECIMAL and itself.needs_number is None

    def _is_number(self, expression: cst.BaseExpression, scope: Scope) -> bool:
        """A number written or added: a literal, a Decimal, ``int(...)``, ``len(...)``..."""
        expression, scope = self.context.follow(expression, scope)
        if _is_number_literal(expression) or self._is_decimal(expression, scope):
            return True
        return (
            isinstance(expression, cst.Call)
            and self.context.qualified_name(expression.func, scope) in NUMBER_FACTORIES
        )

    # -- writes -------------------------------------------------------------------------

    def _written(self, call: cst.Call, table: str, scope: Scope) -> None:
        item = self._dict(argument(call, None, "Item"), scope)
        for attribute_name, written in item.items():
            if self._is_number(written, scope):
                self._record(table, attribute_name, call)
        expression = argument(call, None, "UpdateExpression")
        text = string_value(self.context.follow(expression, scope)[0]) if expression else None
        if text is None:
            return
        names = self._dict(argument(call, None, "ExpressionAttributeNames"), scope)
        values = self._dict(argument(call, None, "ExpressionAttributeValues"), scope)

        def attribute(path: str) -> str | None:
            first = re.split(r"[.\[]", path.strip(), maxsplit=1)[0]
            return string_value(names[first]) if first in names else first or None

        def number(placeholder: str) -> bool:
            return placeholder in values and self._is_number(values[placeholder], scope)

        for clause, actions in _clauses(text):
            for action in _split_top_level(actions):
                if clause == "ADD":  # ADD path :value adds a number, or elements to a set
                    path, _, operand = action.strip().partition(" ")
                    shown = number(operand.strip())
                elif clause == "SET" and "=" in action:
                    path, _, operand = action.partition("=")
                    placeholder = _PLACEHOLDER.match(operand.strip())
                    # DynamoDB's + and - take numbers only
                    shown = bool(re.search(r"[+-]", operand)) or (
                        placeholder is not None and number(placeholder.group(1))
                    )
                else:
                    continue
                updated = attribute(path)
                if shown and updated is not None:
                    self._record(table, updated, call)

    def _dict(
        self, expression: cst.BaseExpression | None, scope: Scope
    ) -> dict[str, cst.BaseExpression]:
        """The string-keyed entries of a dict literal (through names), or nothing."""
        if expression is None:
            return {}
        literal = self.context.follow(expression, scope)[0]
        if not isinstance(literal, cst.Dict):
            return {}
        entries = {}
        for element in literal.elements:
            key = string_value(element.key) if isinstance(element, cst.DictElement) else None
            if key is not None:
                entries[key] = element.value
        return entries


def describe_proof(numbers: Numbers, read: Read) -> tuple[str, cst.CSTNode] | None:
    """The attribute shown to be a number that makes the read hold a Decimal, and the proof."""
    tables = numbers.values() if read.table == "" else [numbers.get(read.table, {})]
    for attributes in tables:
        if read.level == "attribute":
            if read.key in attributes:
                return read.key, attributes[read.key]
        elif attributes:
            name = next(iter(attributes))  # the first the module shows
            return name, attributes[name]
    return None


def is_int_literal(node: cst.BaseExpression) -> bool:
    """``2``, ``-1``."""
    if isinstance(node, cst.UnaryOperation) and isinstance(node.operator, (cst.Minus, cst.Plus)):
        node = node.expression
    return isinstance(node, cst.Integer)


def _is_number_literal(node: cst.BaseExpression) -> bool:
    if isinstance(node, cst.UnaryOperation) and isinstance(node.operator, (cst.Minus, cst.Plus)):
        node = node.expression
    return isinstance(node, (cst.Integer, cst.Float))


def _clauses(expression: str) -> list[tuple[str, str]]:
    """``[("SET", " a = :a, "), ("ADD", " b :b")]`` for ``SET a = :a, ADD b :b``."""
    pieces = _CLAUSE.split(expression)
    return [(pieces[i].upper(), pieces[i + 1]) for i in range(1, len(pieces) - 1, 2)]


def _split_top_level(actions: str) -> list[str]:
    """The comma-separated actions of a clause; commas inside function calls stay."""
    found, depth, start = [], 0, 0
    for index, character in enumerate(actions):
        depth += {"(": 1, ")": -1}.get(character, 0)
        if character == "," and depth == 0:
            found.append(actions[start:index])
            start = index + 1
    found.append(actions[start:])
    return [action for action in found if action.strip()]
