"""## What it does
Reports a handler that starts a recursive loop:

- a call of a Lambda client's `invoke`, `invoke_async` or `invoke_with_response_stream`
  whose `FunctionName=` is the running function itself: `context.function_name` or
  `context.invoked_function_arn` (where `context` is the handler's second parameter), or
  the `AWS_LAMBDA_FUNCTION_NAME` environment variable that the runtime sets, directly or
  through a variable or module-level constant;
- for a function its deployment template declares (SAM/CloudFormation, Serverless
  Framework, CDK, Terraform) with an S3 bucket, SQS queue or SNS topic as a trigger: a
  write to that same resource. That is `put_object`, `copy_object`, `upload_file` or
  `upload_fileobj` to the triggering bucket, `send_message` or `send_message_batch` to the
  triggering queue, `publish` to the triggering topic, where the name comes from an
  environment variable the template binds to the resource (`BUCKET: !Ref UploadBucket`
  with the S3 event's `Bucket: !Ref UploadBucket`; a queue's `!Ref` URL and its event's
  `!GetAtt Queue.Arn` are the same queue) or from the event record itself
  (`event["Records"][0]["s3"]["bucket"]["name"]`, or `record["s3"]["bucket"]["name"]` in
  `for record in event["Records"]`; `record["Sns"]["TopicArn"]` for a topic).

## Why is this bad?
A function that invokes itself starts a recursive loop. Unless every path through it
stops recursing, each invocation starts another (asynchronous invocations even fan out
and retry), running up cost and using up the account's concurrency. The same happens
when a function writes to the bucket, queue or topic that triggers it: every object or
message it writes invokes it again. Lambda's recursive loop detection stops such loops
only after about 16 rounds, dropping the event (or sending it to a dead-letter queue),
and only some of them: don't count on it.
Self-invocation to continue a long job also hides a state machine that Step Functions
(or an SQS queue) runs with visible state and retries.

## Example
```python
import json

import boto3

lambda_client = boto3.client("lambda")


def lambda_handler(event, context):
    remaining = process_page(event["ids"])
    if remaining:
        lambda_client.invoke(FunctionName=context.function_name, InvocationType="Event",
                             Payload=json.dumps({"ids": remaining}))
```

## Use instead
```python
import json
import os

import boto3

lambda_client = boto3.client("lambda")


def lambda_handler(event, context):
    remaining = process_page(event["ids"])
    if remaining:
        lambda_client.invoke(FunctionName=os.environ["CONTINUATION_FUNCTION"],
                             InvocationType="Event", Payload=json.dumps({"ids": remaining}))
```

## Exceptions
`context` and the event are only recognised in the handler itself: a helper that
receives them as parameters cannot be told apart from one that receives other objects,
so invocations there are reported only when they name the function through
`AWS_LAMBDA_FUNCTION_NAME`, and writes only when they name the resource through an
environment variable. Not reported: a client lambdalint cannot trace to a single
`boto3.client(...)` (or a boto3/botocore session's `client(...)`), such as a
client passed in as a parameter or created lazily behind a `global`; any other client
(an SQS client's method is never a Lambda invocation); a function name built with an
f-string or concatenation; a different function (a literal name, another environment
variable). A guard such as a depth counter in the payload does not silence the rule: it
cannot prove the recursion ends; suppress the finding with `# noqa: LAM006` once it does.

Writes to a triggering resource are reported only for functions a deployment template
declares, and not when the template allows the loop (`RecursiveLoop: Allow`,
`recursiveLoop` in serverless.yml or CDK); not when the S3 trigger's event names leave
out the ObjectCreated event the write fires (`s3:ObjectRemoved:*` only, or
`s3:ObjectCreated:Copy` for a `put_object`); not when the S3 trigger filters keys by
prefix or suffix and the written key provably lies outside the filter (a literal key, or
an f-string whose literal start or end shows it); not for a name the template binds to
another resource or does not bind at all. In a helper that several handlers of the file
reach, a write is reported only when it loops for every one of them. lambdalint does not
read SNS/SQS filter policies: suppress a finding that such a filter makes safe.

## Fix
None: the loop has to be redesigned.
"""

from __future__ import annotations

import itertools
import re
from typing import TYPE_CHECKING, NamedTuple

import libcst as cst

from lambdalint.analysis import Handler, Scope
from lambdalint.check import Check
from lambdalint.constants import (
    EACH,
    Key,
    Segments,
    argument,
    aws_client_service,
    environment_variable,
    key_path,
    string_segments,
)
from lambdalint.data.s3_events import ANY_OBJECT_CREATED, CREATED_BY_WRITE
from lambdalint.data.s3_methods import LAMBDA_INVOKE_METHODS
from lambdalint.diagnostics import Location, related
from lambdalint.discovery.model import resource_identity

if TYPE_CHECKING:
    from lambdalint.discovery.model import DeployedFunction, EventSource, Value
    from lambdalint.walk import Where

# Set by the runtime to the function's own name.
OWN_NAME_VARIABLE = "AWS_LAMBDA_FUNCTION_NAME"
# Attributes of the Lambda context object that name the running function.
OWN_NAME_ATTRIBUTES = frozenset({"function_name", "invoked_function_arn"})


class Write(NamedTuple):
    """A client method that sends to a bucket, queue or topic, and how it names it."""

    service: str
    trigger: str  # the event type the resource fires: "S3", "SQS", "SNS"
    name_position: int | None
    name_keyword: str
    key_position: int | None = None  # S3: the object key, which a trigger may filter
    key_keyword: str | None = None
    creates: tuple[str, ...] = ()  # S3: the ObjectCreated events the write fires


def _s3_write(method: str, name_position: int | None, key_position: int | None) -> Write:
    return Write("s3", "S3", name_position, "Bucket", key_position, "Key", CREATED_BY_WRITE[method])


WRITES = {
    "put_object": _s3_write("put_object", None, None),
    "copy_object": _s3_write("copy_object", None, None),
    "upload_file": _s3_write("upload_file", 1, 2),
    "upload_fileobj": _s3_write("upload_fileobj", 1, 2),
    "send_message": Write("sqs", "SQS", None, "QueueUrl"),
    "send_message_batch": Write("sqs", "SQS", None, "QueueUrl"),
    "publish": Write("sns", "SNS", None, "TopicArn"),
}
# The keys of an event record that name the resource the record came from.
RECORD_SOURCES: dict[str, tuple[Key, ...]] = {
    "S3": ("s3", "bucket", "name"),
    "SNS": ("Sns", "TopicArn"),
}
# How a finding says it: what the write does, to what, and what to do instead.
LOOPS = {
    "S3": (
        "writes to",
        "bucket",
        "every write",
        "write to another bucket or filter the trigger by prefix/suffix",
    ),
    "SQS": ("sends to", "queue", "every message", "send to another queue"),
    "SNS": ("publishes to", "topic", "every message", "publish to another topic"),
}


class RecursiveInvocation(Check):
    code = "LAM006"
    name = "recursive-invocation"
    summary = (
        "The handler invokes its own Lambda function, directly or by writing to the bucket,"
        " queue or topic that triggers it"
    )
    severity = "error"

    def visit_Call(self, node: cst.Call, where: Where) -> None:
        func = node.func
        if not isinstance(func, cst.Attribute):
            return
        # names are resolved in the reached function: a nested scope that binds one hides it
        if func.attr.value in LAMBDA_INVOKE_METHODS:
            self._check_invoke(node, func, where.reached)
        elif func.attr.value in WRITES:
            self._check_write(node, func, WRITES[func.attr.value], where.reached)

    # -- invoking itself -------------------------------------------------------------------

    def _check_invoke(self, node: cst.Call, func: cst.Attribute, scope: Scope) -> None:
        function_name = argument(node, None, "FunctionName")
        if function_name is None:
            return
        if aws_client_service(self.context, func.value, scope) != "lambda":
            return
        own_name = self._own_name(function_name, scope)
        if own_name is not None:
            written = re.sub(r"\s+", " ", self.context.module.code_for_node(own_name)).strip()
            self.report(
                node,
                (
                    f"lambda.{func.attr.value}(FunctionName={written}) invokes this function"
                    " itself, a recursive loop that runs up cost and concurrency; add a depth"
                    " counter to the payload or invoke a different function"
                ),
            )

    def _own_name(self, expression: cst.BaseExpression, scope: Scope) -> cst.BaseExpression | None:
        """The expression naming the running function that ``expression`` holds, if it does."""
        value, scope = self.context.follow(expression, scope)
        if environment_variable(self.context, value, scope) == OWN_NAME_VARIABLE:
            return value
        context_parameter = self._handler_parameter(scope, 1)
        if (
            isinstance(value, cst.Attribute)
            and value.attr.value in OWN_NAME_ATTRIBUTES
            and isinstance(value.value, cst.Name)
            and context_parameter is not None
            and value.value.value == context_parameter[1]
        ):
            return value
        return None

    def _handler_parameter(self, scope: Scope, position: int) -> tuple[Handler, str] | None:
        """The handler defined by ``scope`` and its parameter at a position (0: the event,
        1: the context), if the handler never rebinds it."""
        for handler in self.context.handlers:
            if scope is handler.function or scope is handler.lambda_:
                parameters = handler.parameters
                if parameters is None:
                    return None
                positional = [*parameters.posonly_params, *parameters.params]
                if len(positional) <= position:
                    return None
                name = positional[position].name.value
                return (handler, name) if self.context.is_parameter(name, scope) else None
        return None

    # -- writing to its own trigger ----------------------------------------------------------

    def _check_write(self, node: cst.Call, func: cst.Attribute, write: Write, scope: Scope) -> None:
        named = argument(node, write.name_position, write.name_keyword)
        if named is None or aws_client_service(self.context, func.value, scope) != write.service:
            return
        written_key = (
            argument(node, write.key_position, write.key_keyword)
            if write.key_keyword is not None
            else None
        )
        key = self._text(written_key, scope) if written_key is not None else None
        found = self._triggering_event(named, scope, write, key)
        if found is None:
            return
        deployment, event = found
        verb, noun, each, advice = LOOPS[write.trigger]
        target = (
            f"{noun} {_shown(event.resource)}, which triggers it"
            if event.resource is not None
            else f"the {noun} that triggers it"
        )
        label = f"{event.type} event of {deployment.name}"
        self.report(
            node,
            f"this function {verb} {target} ({label}, {related()}); {each} invokes"
            f" it again: {advice}",
            related=(Location(deployment.declared_in, deployment.line, label=label),),
        )

    def _text(self, expression: cst.BaseExpression, scope: Scope) -> Segments | None:
        """The literal parts of a string: a literal, an f-string, or a ``+`` of strings."""
        expression, scope = self.context.follow(expression, scope)
        if isinstance(expression, cst.BinaryOperation) and isinstance(expression.operator, cst.Add):
            left, right = self._text(expression.left, scope), self._text(expression.right, scope)
            if left is None and right is None:
                return None  # maybe numbers: only a string operand makes it a concatenation
            return (left or [None]) + (right or [None])
        return string_segments(expression)

    def _triggering_event(
        self, named: cst.BaseExpression, scope: Scope, write: Write, key: Segments | None
    ) -> tuple[DeployedFunction, EventSource] | None:
        """The deployment and trigger that a write to ``named`` fires again, if it surely does."""
        value, value_scope = self.context.follow(named, scope)
        variable = environment_variable(self.context, value, value_scope)
        if variable is not None:
            own = [
                handler
                for handler in self.context.handlers
                if scope is handler.function or scope is handler.lambda_
            ]
            found = [
                _trigger_of(handler, write, key, variable)
                for handler in own or self.context.handlers
            ]
            # a helper's write loops only if it does for every handler that may reach it
            if not own and not all(found):
                return None
            return next((each for each in found if each is not None), None)
        handler = self._record_source(value, value_scope, write.trigger)
        return _trigger_of(handler, write, key) if handler is not None else None

    def _record_source(
        self, value: cst.BaseExpression, scope: Scope, trigger: str
    ) -> Handler | None:
        """The handler whose event record ``value`` names the source resource of."""
        path = key_path(self.context, value, scope)
        if trigger not in RECORD_SOURCES or path is None:
            return None
        name, home, keys = path
        event_parameter = self._handler_parameter(home, 0)
        is_record_source = (
            len(keys) >= 2
            and keys[0] == "Records"
            and (isinstance(keys[1], int) or keys[1] == EACH)
            and keys[2:] == RECORD_SOURCES[trigger]
        )
        if is_record_source and event_parameter is not None and event_parameter[1] == name:
            return event_parameter[0]
        return None


def _trigger_of(
    handler: Handler, write: Write, key: Segments | None, variable: str | None = None
) -> tuple[DeployedFunction, EventSource] | None:
    """The first of the handler's deployments whose event a write fires, with that event:
    any of the write's type for a name read from the event record, the one on the resource
    that deployment's own environment binds ``variable`` to."""
    for deployment in handler.deployments:
        if deployment.allows_recursion:
            continue
        bound = deployment.environment.get(variable) if variable is not None else None
        if variable is not None and bound is None:
            continue
        for event in deployment.events:
            same_resource = bound is None or (
                event.resource is not None
                and resource_identity(event.resource) == resource_identity(bound)
            )
            if (
                event.type == write.trigger
                and same_resource
                and _fires_on(write, event)
                and not _outside_filter(key, event)
            ):
                return deployment, event
    return None


def _fires_on(write: Write, event: EventSource) -> bool:
    """Whether an S3 notification's event names (all, when it names none) include the
    ObjectCreated event that the write fires."""
    return not event.s3_events or any(
        name == ANY_OBJECT_CREATED or name in write.creates for name in event.s3_events
    )


def _outside_filter(key: Segments | None, event: EventSource) -> bool:
    """Whether an S3 object key provably lies outside the event's prefix or suffix filter."""
    if key is None:
        return False
    complete = None not in key
    head = "".join(_literal_run(key))
    tail = "".join(reversed(_literal_run(key[::-1])))
    prefix, suffix = event.prefix, event.suffix
    return bool(
        (prefix and not head.startswith(prefix) and (complete or not prefix.startswith(head)))
        or (suffix and not tail.endswith(suffix) and (complete or not suffix.endswith(tail)))
    )


def _literal_run(parts: Segments) -> list[str]:
    """The literal parts before the first interpolated one."""
    return [
        part
        for part in itertools.takewhile(lambda part: part is not None, parts)
        if part is not None
    ]


def _shown(value: Value) -> str:
    """A resource as the template names it: ``UploadBucket`` for ``!Ref UploadBucket``."""
    return value if isinstance(value, str) else resource_identity(value)[1]
