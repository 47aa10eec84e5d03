"""## What it does
Reports a handler `return` whose value the Lambda runtime cannot encode as JSON: a set
or frozenset, a datetime/date/time/timedelta, a `uuid.UUID`, a member of a plain `Enum`,
a NaN or infinite float, a generator, an iterator or dict view (`map`, `filter`, `zip`,
`range`, `reversed`, `enumerate`, `iter`, `d.keys()`...), an instance of a class of the
module that is not a dict/list/str/int/float subclass or a namedtuple (dataclasses
included), a function, class or lambda, a coroutine, or an open file; directly, through
local variables, inside dict/list/tuple literals, `**` spreads and nested containers, or
returned by a function of the module that the handler returns the result of. A dict key
that is a tuple, a frozenset, a date/datetime/time/timedelta, a `Decimal`, a `uuid.UUID` or
a plain `Enum` member is reported too: JSON keys are strings, and the runtime only turns
str, int, float, bool, None and bytes keys into them. So is a handler that is a generator
function (it yields).

Separately, reports a call of the standard library's `json.dumps`/`json.dump`, in the
handler and the functions it reaches, whose argument holds any of those, a `Decimal` or
`bytes` (as values or as keys), unless it passes `default=` or `cls=`; `default=` is never
called for a key, so a rejected key is reported unless `cls=` or `skipkeys=` is given.

DynamoDB data read through the resource API (`Table.get_item(...)["Item"]`,
`.query()`/`.scan()["Items"]`, `update_item(..., ReturnValues=...)["Attributes"]`,
`batch_get_item` responses) is followed through subscripts, `.get(...)`, indexes and
`for` loops: DynamoDB returns every number attribute as a `Decimal`. Arithmetic on an
attribute with an int (`item["count"] + 1`) or on a `Decimal` (`Decimal(x) * 2`) gives a
Decimal. An attribute itself, or a whole item, counts as holding a Decimal only when the
module shows the table holds that number: arithmetic or an ordering (`<`, `>`) with a
number (`item["stock"] > 0`) anywhere in the module, an update expression that adds to it or
sets it to a number (`ADD visits :one`, `SET #c = if_not_exists(#c, :zero) + :one`), or
a number that `put_item` writes.

## Why is this bad?
The runtime encodes the return value with simplejson and a hook for `Decimal`; anything
else it does not know fails the invocation *after* the handler's work is done
(`Runtime.MarshalError: Unable to marshal response: Object of type set is not JSON
serializable`). NaN and infinities do not fail there: they come out as the bare tokens
`NaN`/`Infinity`, which are not JSON, so API Gateway clients and `JSON.parse` reject the
response. The standard library's `json` has no `Decimal` support at all, which breaks
the classic "read an item from DynamoDB, return it through API Gateway" handler.

## Example
```python
import json
import os

import boto3

table = boto3.resource("dynamodb").Table(os.environ["TABLE"])


def lambda_handler(event, context):
    item = table.get_item(Key={"id": "home"})["Item"]
    visits = item["visits"] + 1
    table.put_item(Item={"id": "home", "visits": visits})
    return {"statusCode": 200, "body": json.dumps({"visits": visits})}
```

## Use instead
```python
import json
import os

import boto3

table = boto3.resource("dynamodb").Table(os.environ["TABLE"])


def lambda_handler(event, context):
    item = table.get_item(Key={"id": "home"})["Item"]
    visits = int(item["visits"]) + 1
    table.put_item(Item={"id": "home", "visits": visits})
    return {"statusCode": 200, "body": json.dumps({"visits": visits})}
```

## Exceptions
Not reported, because the runtime encodes them: `Decimal` and `bytes` in the return
value, namedtuples, `IntEnum`/`IntFlag`/`StrEnum` and `(str, Enum)` members, and
subclasses of dict, list, tuple, str, int and float. Converted values are fine
(`list(...)`, `sorted(...)`, `str(...)`, `.isoformat()`, `float(...)`,
`dataclasses.asdict(...)`), as is `simplejson.dumps`, which handles Decimal. A NaN
given to `json.dumps` is not reported: whether that string must be strict JSON depends
on who reads it.

A DynamoDB item, or an attribute of it, that nothing in the module shows to be a number is
not reported: the table may hold only strings (a table whose only writer stores strings
encodes fine), and an attribute only ever compared with a string may well be one. Nor is
`attribute * 2` or `attribute % x` (a string repeats or formats), nor an item returned
to the runtime without `json.dumps`, whose Decimal hook encodes it.
The low-level client (`boto3.client("dynamodb")`) returns numbers as strings: fine.

A `return` or `json.dumps` that never runs (after a `return`, `raise`, `continue` or
`break` in the same block, under `if False:`/`if 0:`) is not checked.

lambdalint stays silent when it is not sure what a value is: a parameter (the event), a
variable assigned more than once or in a loop, a module name some function rebinds with
`global`, the result of a call it does not know, a conditional expression, a class with
unknown bases, decorators, a metaclass or its own `__new__`/`_asdict`, a decorated
helper, and names a nested function takes from the function around it.

## Fix
Unsafe (`--fix --unsafe-fixes`), as the payload changes shape: where the response or the
`json.dumps` argument itself writes the value, a set becomes `sorted(...)` (which raises
on elements that do not compare), a datetime, date or time `.isoformat()`, a timedelta
`.total_seconds()` and a UUID `str(...)`; a value made elsewhere is left alone, since the
code may still use it as it is. A `json.dumps` whose Decimal, datetime, timedelta or UUID
is made elsewhere gets `default=str`. Other kinds (instances, generators, files...) have
no fix: which conversion is right is the author's call.
"""

from __future__ import annotations

import libcst as cst

from lambdalint.analysis import FileContext, Function, Handler
from lambdalint.check import Check
from lambdalint.data.serialization import (
    ADVICE,
    ENCODER_HOOKS,
    KEY_HOOKS,
    KEY_KINDS,
    RUNTIME_REJECTS,
    STDLIB_JSON_ENCODERS,
    STDLIB_JSON_REJECTS,
    Kind,
)
from lambdalint.diagnostics import UNSAFE, Fix
from lambdalint.values import Part, Value, ValueAnalysis
from lambdalint.walk import Where, walk

# what a fix may wrap in sorted(...): a set display, comprehension or set()/frozenset() call
SET_MAKERS = (cst.Set, cst.SetComp, cst.Call)
# expressions a method call or str(...) can follow without parentheses
PRIMARIES = (cst.Call, cst.Name, cst.Attribute, cst.Subscript)
METHOD_CONVERSIONS = {Kind.DATETIME: "isoformat", Kind.DURATION: "total_seconds"}
# what json.dumps(..., default=str) turns into text where no conversion at its origin applies
DEFAULT_CONVERTS = frozenset({Kind.DECIMAL, Kind.DATETIME, Kind.UUID, Kind.DURATION})
_CALL_WIDTH = 30  # a longer call is shown as table.get_item(...)
_ORIGIN_WIDTH = 40  # a longer origin is cut


class UnserializableReturn(Check):
    code = "LAM003"
    name = "unserializable-return"
    summary = "The handler returns (or json.dumps gets) a value that cannot be encoded as JSON"
    severity = "error"
    fix = UNSAFE

    def __init__(self, context: FileContext) -> None:
        super().__init__(context)
        self.values = ValueAnalysis(context)
        self.handler_functions: set[int] = set()

    def check_handler(self, handler: Handler) -> None:
        function = handler.function
        if function is not None and not handler.is_async:
            if self.values.is_generator(function):
                self.report(
                    function.name,
                    (
                        f"handler '{handler.name}' is a generator function (it yields), so the"
                        " runtime gets a generator it cannot encode as JSON; build and return a"
                        " list"
                    ),
                )
            else:
                self.handler_functions.add(id(function))
        elif handler.lambda_ is not None:
            self._check_returned(handler.lambda_.body, handler.lambda_)

    # -- the one traversal ---------------------------------------------------------------------

    def visit_Return(self, node: cst.Return, where: Where) -> None:
        function = where.function
        if (
            node.value is not None
            and function is not None
            and id(function) in self.handler_functions
        ):
            self._check_returned(node.value, function)

    def visit_Call(self, node: cst.Call, where: Where) -> None:
        # only in a reached function itself: a nested scope's free names are not followed
        scope = where.reached
        if where.scope is not scope:
            return
        encoder = self.context.qualified_name(node.func, scope)
        if encoder not in STDLIB_JSON_ENCODERS or any(
            isinstance(ancestor, cst.ClassDef) for ancestor in where.ancestors()
        ):
            return  # a class body's names are not the function's either
        if any(arg.star == "**" for arg in node.args):
            return  # the options may hold any hook
        keywords = {arg.keyword.value for arg in node.args if arg.keyword is not None}
        rejected = STDLIB_JSON_REJECTS
        if keywords & ENCODER_HOOKS:
            rejected = KEY_KINDS  # a hook handles any value, and default= no key
        if keywords & KEY_HOOKS:
            rejected -= KEY_KINDS
        argument = next(
            (
                arg.value
                for arg in node.args
                if (arg.keyword is None and not arg.star)
                or (arg.keyword is not None and arg.keyword.value == "obj")
            ),
            None,
        )
        if argument is None or not rejected:
            return
        part = self._first(self.values.value(argument, scope), rejected)
        if part is not None:
            subject = f"{encoder}() gets {self._describe(part)}"
            fix = self._converted(part, argument)
            if fix is None and part.kind in DEFAULT_CONVERTS and node.args:
                fix = Fix(
                    UNSAFE,
                    "Pass default=str",
                    (self.insert_after(node.args[-1].value, ", default=str"),),
                )
            self.report(node, _message(subject, "stdlib json", part), fix=fix)

    # -- reporting ---------------------------------------------------------------------------

    def _check_returned(self, expression: cst.BaseExpression, scope: Function) -> None:
        value = self.values.value(expression, scope)
        part = self._first(value, RUNTIME_REJECTS)
        if part is None:
            return
        returned = self._describe(part)
        if part is not value.itself:
            returned = f"{_container(value)} containing {returned}"
        self.report(
            expression,
            _message(f"handler returns {returned}", "the runtime", part),
            fix=self._converted(part, expression),
        )

    def _converted(self, part: Part, encoded: cst.BaseExpression) -> Fix | None:
        """The conversion the advice names, at the expression that makes the value when the
        encoded expression writes it (elsewhere the code may still use it as it is): a set
        sorted into a list, a datetime or timedelta to its ISO text or seconds, a UUID to
        str. Unsafe: the payload changes shape (and sorted() raises on mixed elements)."""
        origin = part.origin
        if not isinstance(origin, cst.BaseExpression) or not _written_in(origin, encoded):
            return None
        if part.kind is Kind.SET and isinstance(origin, SET_MAKERS):
            wrapped = ("sorted(", ")", "Sort the set into a list")
        elif part.kind is Kind.UUID and isinstance(origin, PRIMARIES):
            wrapped = ("str(", ")", "Convert the UUID with str()")
        elif part.kind in METHOD_CONVERSIONS and isinstance(origin, PRIMARIES):
            method = METHOD_CONVERSIONS[part.kind]
            wrapped = ("", f".{method}()", f"Convert it with .{method}()")
        else:
            return None
        before, after, description = wrapped
        edits = (self.insert_before(origin, before), self.insert_after(origin, after))
        return Fix(UNSAFE, description, tuple(edit for edit in edits if edit.content))

    def _first(self, value: Value, rejected: frozenset[Kind]) -> Part | None:
        """The first rejected part the code proves is there (a DynamoDB number must be shown)."""
        for part in value.parts:
            shown = self.values.shown(part) if part.kind in rejected else None
            if shown is not None:
                return shown
        return None

    def _describe(self, part: Part) -> str:
        """``a set (set() at line 12)``: what the part is and the expression that made it."""
        origin = part.origin
        code = _code(self.context.module, origin)
        if len(code) > _CALL_WIDTH and isinstance(origin, cst.Call):
            code = f"{_code(self.context.module, origin.func)}(...)"
        if len(code) > _ORIGIN_WIDTH:
            code = code[: _ORIGIN_WIDTH - 3] + "..."
        described = f"{part.description} ({code} at line {self.context.line_of(origin)})"
        return f"{described} {part.detail}" if part.detail else described


def _code(module: cst.Module, node: cst.CSTNode) -> str:
    return " ".join(module.code_for_node(node).split())


def _message(subject: str, encoder: str, part: Part) -> str:
    """What gets which value from where, why it fails, what to do: one sentence pair."""
    if part.kind in KEY_KINDS:
        accepts = "only accepts str, int, float, bool or None keys"
        hooks = ", even with default=" if encoder == "stdlib json" else ""
        return f"{subject}; {encoder} {accepts}{hooks}: {ADVICE[part.kind]}"
    if part.kind is Kind.NON_FINITE:
        token = "NaN" if "NaN" in part.description else "Infinity"
        problem = (
            f"which {encoder} writes as the bare token {token} that strict JSON parsers"
            " (JSON.parse, API Gateway clients) reject"
        )
    elif encoder == "the runtime":
        problem = "which the runtime cannot encode as JSON"
    else:
        problem = f"which {encoder} cannot encode"
    return f"{subject}, {problem}; {ADVICE[part.kind]}"


def _container(value: Value) -> str:
    shape = value.shape
    if shape in ("dict", "list", "tuple", "set"):
        return f"a {shape}"
    return "a value"


def _written_in(node: cst.CSTNode, expression: cst.BaseExpression) -> bool:
    found: list[bool] = []
    walk(expression, lambda child: found.append(True) if child is node else None)
    return bool(found)
