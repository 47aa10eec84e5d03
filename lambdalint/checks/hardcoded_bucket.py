"""## What it does
Reports an S3 bucket name written as a string literal in code a handler runs: the
`Bucket=` argument of an S3 client method, the bucket of `upload_file`/`download_file`
and friends, `s3.Bucket("...")`/`s3.Object("...", key)` and the other S3 resources, the
`"Bucket"` of a `CopySource=` or `Params=` dict, and an `s3://bucket/...` URI or
`arn:aws:s3:::bucket` literal. A variable or module-level constant bound only to such a
literal is followed and reported where it is used (for a URI constant: where reached code
passes it as an argument, into an f-string or into a concatenation). Names are looked up
where they are used, so a def or lambda nested in the handler is checked like the handler.
A literal (or such a constant) passed to a function of another module that uses that
parameter as a bucket (`storage.save(ARCHIVE_BUCKET, key)` with `Bucket=bucket` in
`storage.py`) is reported at the literal, naming the use.

## Why is this bad?
The same code is deployed to several stages and accounts, and bucket names are globally
unique: a name baked into the code makes every stage read and write the one bucket it
names (usually production's), and renaming the bucket means shipping new code. Pass the
name in through the function's environment (`Environment: Variables:` in SAM or
CloudFormation), where the template that creates the bucket can set it.

## Example
```python
import boto3

s3 = boto3.client("s3")
ARCHIVE_BUCKET = "acme-orders-archive"


def lambda_handler(event, context):
    s3.put_object(Bucket=ARCHIVE_BUCKET, Key=event["id"], Body=event["body"])
```

## Use instead
```python
import os

import boto3

s3 = boto3.client("s3")
ARCHIVE_BUCKET = os.environ["ARCHIVE_BUCKET"]


def lambda_handler(event, context):
    s3.put_object(Bucket=ARCHIVE_BUCKET, Key=event["id"], Body=event["body"])
```

## Exceptions
Only code a handler reaches is checked. Not reported: a value read from the environment
(`os.environ[...]`, `os.environ.get(...)`, `os.getenv(...)`), including a literal given as
the default of `os.environ.get("BUCKET", "dev-bucket")` or `os.getenv`: the environment
stays the source of truth and the literal is only a fallback; a parameter or a value from
the event; an f-string whose bucket part is interpolated (`f"s3://{bucket}/{key}"`); a
variable assigned more than once, in a loop or in a comprehension; a name that a nested
function, lambda or comprehension binds too, used outside it (which binding it holds is
unsure); a module constant that some function rebinds through `global`; a
conditional (`"a" if prod else "b"`); a URI embedded in longer text (the literal must
start with `s3://` or `arn:aws:s3:::`); docstrings. `upload_file`, `download_file` and the
other transfer methods are only read as the S3 client's (`upload_file(Filename, Bucket,
Key)`) when the receiver is an S3 client or the call fills the client's third parameter:
the same methods on a `Bucket` or `Object` resource take no bucket. Likewise
`s3.Object(bucket, key)` is only read as the service's constructor when it gets every
identifier: `bucket.Object(key)` on a Bucket resource takes the key alone. A literal that
S3 would not accept as a bucket name is a placeholder, not a name (`"${UploadBucket}"` in a
CloudFormation `!Sub` inline function, `"<your-bucket-name>"`).

## Fix
Unsafe (`--fix --unsafe-fixes`): a bucket name written as a plain string is replaced with
`os.environ["<NAME>"]`, named after the variable that holds it (`ARCHIVE_BUCKET`, with
`_BUCKET` added when the name lacks it), else after the bucket (`ACME_INBOX_BUCKET`),
and `import os` is added when the module has none. The function then fails at
start until its deployment sets that variable, which the fix cannot add to your template.
There is no fix for a name inside an `s3://` URI, an ARN or an f-string, or when `os` is
bound to something else.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import libcst as cst

from lambdalint.analysis import FileContext, Function, Scope, spelled_name
from lambdalint.check import Check
from lambdalint.constants import (
    argument,
    aws_client_service,
    is_environment_read,
    passed_to,
    string_segments,
    string_value,
)
from lambdalint.data.s3_methods import (
    BUCKET_KEYWORD_METHODS,
    BUCKET_PAGINATORS,
    BUCKET_RESOURCES,
    BUCKET_WAITERS,
    COPY_SOURCE_METHODS,
    COPY_SOURCE_POSITIONAL_METHODS,
    PARAMS_METHODS,
    TRANSFER_METHODS,
)
from lambdalint.diagnostics import UNSAFE, Fix, Location, related
from lambdalint.imports_fix import names_the_module, with_import
from lambdalint.walk import Where, walk_reached

# The characters S3 accepts in a bucket name (legacy names allowed upper case and
# underscores): a literal with others is a placeholder ("${Bucket}", "<your-bucket>")
BUCKET_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*[A-Za-z0-9]")
# The bucket of an s3:// URI or an S3 ARN (any partition) at the start of a string.
S3_LOCATION = re.compile(r"(?:s3://|arn:aws(?:-[a-z-]+)?:s3:::)(?P<bucket>[A-Za-z0-9._-]+)")
STRING_NODES = (cst.SimpleString, cst.FormattedString, cst.ConcatenatedString)


class HardcodedBucket(Check):
    code = "LAM005"
    name = "hardcoded-bucket"
    summary = "An S3 bucket name is a string literal instead of configuration"
    severity = "warning"
    fix = UNSAFE

    def __init__(self, context: FileContext) -> None:
        super().__init__(context)
        # String nodes already reported, or exempt (docstrings, environment defaults).
        self._settled: set[int] = set()
        # for functions of other modules the code calls: the parameters each uses as a bucket
        self._bucket_parameters_of: dict[int, dict[str, cst.Name]] = {}

    # -- bucket arguments of S3 calls --------------------------------------------------------

    def visit_Call(self, node: cst.Call, where: Where) -> None:
        scope = where.scope
        if is_environment_read(self.context, node, scope):
            self._settled.update(id(arg.value) for arg in node.args)
            return
        callee = self.context.calls_out.get((id(where.reached), spelled_name(node.func)))
        if callee is not None:
            self._check_passed_buckets(node, scope, *callee)
        if not isinstance(node.func, cst.Attribute):
            return
        method = node.func.attr.value
        for bucket in self._bucket_arguments(node, method, scope):
            value, _ = self.context.follow(bucket, scope)
            self._report_bucket(bucket, string_value(value), value)
        for holder in self._bucket_holders(node, method):
            self._check_holder(holder, scope)

    def _bucket_arguments(
        self, call: cst.Call, method: str, scope: Function
    ) -> Iterator[cst.BaseExpression]:
        """Arguments that name a bucket."""
        receiver = call.func.value  # type: ignore[attr-defined]
        if method in BUCKET_KEYWORD_METHODS or self._is_bucket_pager(receiver, method, scope):
            yield from _present(argument(call, None, "Bucket"))
        if method in TRANSFER_METHODS and self._is_transfer_on_client(
            call, receiver, method, scope
        ):
            _, bucket_index = TRANSFER_METHODS[method]
            yield from _present(argument(call, bucket_index))
        if self._is_bucket_resource(call, receiver, method, scope):
            yield from _present(argument(call, 0, BUCKET_RESOURCES[method][0]))

    def _is_bucket_resource(
        self, call: cst.Call, receiver: cst.BaseExpression, method: str, scope: Function
    ) -> bool:
        """``s3.Object(bucket, key)``: every identifier passed, on an object, not on a module."""
        identifiers = BUCKET_RESOURCES.get(method)
        return (
            identifiers is not None
            and len(call.args) == len(identifiers)
            and not any(arg.star for arg in call.args)
            and self.context.qualified_name(receiver, scope) is None
        )

    def _bucket_holders(self, call: cst.Call, method: str) -> Iterator[cst.BaseExpression]:
        """Arguments holding a bucket: a dict with a "Bucket" key, or a "bucket/key" string."""
        if method in COPY_SOURCE_METHODS:
            position = 0 if method in COPY_SOURCE_POSITIONAL_METHODS else None
            yield from _present(argument(call, position, "CopySource"))
        if method in PARAMS_METHODS:
            yield from _present(argument(call, None, "Params"))

    def _is_bucket_pager(self, receiver: cst.BaseExpression, method: str, scope: Function) -> bool:
        """``paginate``/``wait`` on an S3 paginator or waiter that takes a Bucket."""
        names = {
            "paginate": ("get_paginator", BUCKET_PAGINATORS),
            "wait": ("get_waiter", BUCKET_WAITERS),
        }.get(method)
        if names is None:
            return False
        pager, _ = self.context.follow(receiver, scope)
        if not isinstance(pager, cst.Call):
            return False
        factory, operation = pager.func, argument(pager, 0)
        return (
            isinstance(factory, cst.Attribute)
            and factory.attr.value == names[0]
            and operation is not None
            and string_value(operation) in names[1]
        )

    def _is_transfer_on_client(
        self, call: cst.Call, receiver: cst.BaseExpression, method: str, scope: Function
    ) -> bool:
        if aws_client_service(self.context, receiver, scope) == "s3":
            return True
        created, _ = self.context.follow(receiver, scope)
        on_resource = (
            isinstance(created, cst.Call)
            and isinstance(created.func, cst.Attribute)
            and created.func.attr.value in BUCKET_RESOURCES
        )
        parameters, _ = TRANSFER_METHODS[method]
        third = argument(call, 2, parameters[2])
        # On a Bucket resource the third positional is ExtraArgs, usually a dict display.
        return not on_resource and third is not None and not isinstance(third, cst.Dict)

    def _check_holder(self, holder: cst.BaseExpression, scope: Scope) -> None:
        value, scope = self.context.follow(holder, scope)
        if isinstance(value, cst.Dict):
            for element in value.elements:
                if isinstance(element, cst.DictElement) and string_value(element.key) == "Bucket":
                    bucket, _ = self.context.follow(element.value, scope)
                    # Report inside the dict when it is written at the call.
                    where = element.value if value is holder else holder
                    self._report_bucket(where, string_value(bucket), bucket, in_dict=True)
            return
        segments = string_segments(value)
        if segments and segments[0] and "/" in segments[0]:
            self._report_bucket(holder, segments[0].split("/", 1)[0], value)

    # -- bucket names handed to another module --------------------------------------------------

    def _check_passed_buckets(
        self, call: cst.Call, scope: Function, callee_context: FileContext, callee: Function
    ) -> None:
        """A literal passed (as itself or a constant) to a parameter that the called function
        of another module uses as a bucket: reported at the literal, naming that use."""
        if (
            not isinstance(callee, cst.FunctionDef)
            or callee_context.functions.get(callee.name.value) is not callee
        ):
            return  # a method: its first parameter is the instance
        if id(callee) not in self._bucket_parameters_of:  # once per callee, however many calls
            self._bucket_parameters_of[id(callee)] = HardcodedBucket(
                callee_context
            )._bucket_parameters(callee)
        uses = self._bucket_parameters_of[id(callee)]
        for parameter, use in uses.items():
            passed = passed_to(call, callee, parameter)
            if passed is None:
                continue
            value, _ = self.context.follow(passed, scope)
            place = Location(
                Path(os.path.abspath(callee_context.path)),
                callee_context.line_of(use),
                callee_context.positions()[use].start.column + 1,
                f"parameter {parameter} of {callee.name.value}()",
            )
            self._report_bucket(
                value,
                string_value(value),
                value,
                f"; {spelled_name(call.func)}() uses it as a bucket ({related()})",
                (place,),
            )

    def _bucket_parameters(self, function: cst.FunctionDef) -> dict[str, cst.Name]:
        """The function's parameters it passes as a bucket to an S3 call, each at that use."""
        uses: dict[str, cst.Name] = {}

        def visit(node: cst.CSTNode, where: Where) -> None:
            if not isinstance(node, cst.Call) or not isinstance(node.func, cst.Attribute):
                return
            for bucket in self._bucket_arguments(node, node.func.attr.value, where.scope):
                if (
                    isinstance(bucket, cst.Name)
                    and where.scope is function
                    and self.context.is_parameter(bucket.value, function)
                ):
                    uses.setdefault(bucket.value, bucket)

        walk_reached(function, visit)
        return uses

    # -- s3:// URIs and S3 ARNs ---------------------------------------------------------------

    def visit_Expr(self, node: cst.Expr, where: Where) -> None:
        if isinstance(node.value, STRING_NODES):
            self._settled.add(id(node.value))  # a docstring, or a string that does nothing

    def visit_SimpleString(self, node: cst.SimpleString, where: Where) -> None:
        self._check_location_literal(node)

    def visit_FormattedString(self, node: cst.FormattedString, where: Where) -> None:
        self._check_location_literal(node)

    def visit_ConcatenatedString(self, node: cst.ConcatenatedString, where: Where) -> None:
        self._check_location_literal(node)
        self._settled.update((id(node.left), id(node.right)))  # checked as a whole

    def _check_location_literal(self, node: cst.BaseExpression) -> None:
        if id(node) not in self._settled:
            self._report_bucket(node, _location_bucket(node), node)

    def visit_Arg(self, node: cst.Arg, where: Where) -> None:
        self._check_location_constant(node.value, where.scope)

    def visit_FormattedStringExpression(
        self, node: cst.FormattedStringExpression, where: Where
    ) -> None:
        self._check_location_constant(node.expression, where.scope)

    def visit_BinaryOperation(self, node: cst.BinaryOperation, where: Where) -> None:
        self._check_location_constant(node.left, where.scope)
        self._check_location_constant(node.right, where.scope)

    def _check_location_constant(self, expression: cst.BaseExpression, scope: Scope) -> None:
        """A module constant holding an s3:// URI or ARN, where reached code passes it on."""
        if not isinstance(expression, cst.Name) or id(expression) in self._settled:
            return
        value, scope = self.context.follow(expression, scope)
        # A literal inside the function is reported where it is written.
        if scope is self.context.module:
            self._report_bucket(expression, _location_bucket(value), value)

    # -- reporting -------------------------------------------------------------------------

    def _report_bucket(
        self,
        where: cst.BaseExpression,
        bucket: str | None,
        literal: cst.BaseExpression,
        use: str = "",
        places: tuple[Location, ...] = (),
        in_dict: bool = False,  # the literal is a dict's "Bucket": the name holds the dict
    ) -> None:
        if not bucket or not BUCKET_NAME.fullmatch(bucket) or id(where) in self._settled:
            return  # a placeholder (${Bucket}, <your-bucket>), not a name S3 would accept
        self._settled.update((id(where), id(literal)))
        self.report(
            where,
            (
                f'bucket name "{bucket}" is hard-coded; read it from an environment'
                f' variable (os.environ["BUCKET_NAME"]){use}'
            ),
            places,
            self._from_environment(None if in_dict else where, bucket, literal),
        )

    def _constant_holding(self, literal: cst.BaseExpression) -> str | None:
        """The name a module-level ``NAME = literal`` binds, if that is where it is written."""
        for statement in self.context.module.body:
            if isinstance(statement, cst.SimpleStatementLine):
                for small in statement.body:
                    if (
                        isinstance(small, cst.Assign)
                        and small.value is literal
                        and len(small.targets) == 1
                        and isinstance(small.targets[0].target, cst.Name)
                    ):
                        return small.targets[0].target.value
        return None

    def _from_environment(
        self, where: cst.BaseExpression | None, bucket: str, literal: cst.BaseExpression
    ) -> Fix | None:
        """The literal replaced by ``os.environ["<NAME>_BUCKET"]``, when it is the bucket's
        name alone and ``os`` is free for the module."""
        if not isinstance(literal, cst.SimpleString) or string_value(literal) != bucket:
            return None
        if not names_the_module(self.context, "os"):
            return None
        named = where.value if isinstance(where, cst.Name) else self._constant_holding(literal)
        variable = re.sub(r"[^0-9A-Za-z]+", "_", named or bucket).strip("_").upper()
        if "BUCKET" not in variable:
            variable += "_BUCKET"
        replaced = self.replace(literal, f'os.environ["{variable}"]')
        return Fix(
            UNSAFE,
            f'Read the bucket from os.environ["{variable}"]',
            tuple(with_import(self.context, "os", [replaced])),
        )


def _present(expression: cst.BaseExpression | None) -> Iterator[cst.BaseExpression]:
    if expression is not None:
        yield expression


def _location_bucket(expression: cst.BaseExpression) -> str | None:
    """The bucket of a string that starts with an s3:// URI or an S3 ARN."""
    segments = string_segments(expression)
    if not segments or segments[0] is None:
        return None
    match = S3_LOCATION.match(segments[0])
    if match is None:
        return None
    rest = segments[0][match.end() :]
    # The bucket must end inside the literal text: at a "/" or at the end of the string.
    ends = rest.startswith("/") or (rest == "" and len(segments) == 1)
    return match.group("bucket") if ends else None
