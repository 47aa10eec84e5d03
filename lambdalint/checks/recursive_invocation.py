"""## What it does
Reports a call of a Lambda client's `invoke`, `invoke_async` or
`invoke_with_response_stream` whose `FunctionName=` is the running function itself:
`context.function_name` or `context.invoked_function_arn` (where `context` is the
handler's second parameter), or the `AWS_LAMBDA_FUNCTION_NAME` environment variable that
the runtime sets, directly or through a variable or module-level constant.

## Why is this bad?
A function that invokes itself starts a recursive loop. Unless every path through it
stops recursing, each invocation starts another (asynchronous invocations even fan out
and retry), running up cost and using up the account's concurrency. Lambda's recursive
loop detection only covers some loops, through services such as SQS, SNS and S3, so
don't count on it to stop this one. Self-invocation to continue a long job also hides a
state machine that Step Functions (or an SQS queue) runs with visible state and retries.

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
`context` is only recognised in the handler itself: a helper that receives it as a
parameter cannot be told apart from one that receives another function's context-like
object, so invocations there are reported only when they name the function through
`AWS_LAMBDA_FUNCTION_NAME`. Not reported: a client lambdalint cannot trace to a single
`boto3.client("lambda")` (or a boto3/botocore session's `client("lambda")`), such as a
client passed in as a parameter or created lazily behind a `global`; any other client
(an SQS client's method is never a Lambda invocation); a function name built with an
f-string or concatenation; a different function (a literal name, another environment
variable). A guard such as a depth counter in the payload does not silence the rule: it
cannot prove the recursion ends; suppress the finding with `# noqa: LAM006` once it does.

## Fix
None: the loop has to be redesigned.
"""

from __future__ import annotations

import re
from typing import Optional

import libcst as cst

from lambdalint.analysis import Scope
from lambdalint.check import Check
from lambdalint.constants import argument, aws_client_service, environment_variable
from lambdalint.data.s3_methods import LAMBDA_INVOKE_METHODS

# Set by the runtime to the function's own name.
OWN_NAME_VARIABLE = "AWS_LAMBDA_FUNCTION_NAME"
# Attributes of the Lambda context object that name the running function.
OWN_NAME_ATTRIBUTES = frozenset({"function_name", "invoked_function_arn"})


class RecursiveInvocation(Check):
    code = "LAM006"
    name = "recursive-invocation"
    summary = "The handler invokes its own Lambda function"
    severity = "error"

    def visit_Call(self, node: cst.Call) -> None:
        func = node.func
        if not isinstance(func, cst.Attribute) or func.attr.value not in LAMBDA_INVOKE_METHODS:
            return
        function_name = argument(node, None, "FunctionName")
        if function_name is None:
            return
        scope = self.context.current_function
        if aws_client_service(self.context, func.value, scope) != "lambda":
            return
        own_name = self._own_name(function_name, scope)
        if own_name is not None:
            written = re.sub(r"\s+", " ", self.context.module.code_for_node(own_name)).strip()
            self.report(node, (
                f"lambda.{func.attr.value}(FunctionName={written}) invokes this function itself,"
                " a recursive loop that runs up cost and concurrency; add a depth counter to the"
                " payload or invoke a different function"))

    def _own_name(self, expression: cst.BaseExpression, scope: Scope
                  ) -> Optional[cst.BaseExpression]:
        """The expression naming the running function that ``expression`` holds, if it does."""
        value, scope = self.context.follow(expression, scope)
        if environment_variable(self.context, value, scope) == OWN_NAME_VARIABLE:
            return value
        if (isinstance(value, cst.Attribute) and value.attr.value in OWN_NAME_ATTRIBUTES
                and isinstance(value.value, cst.Name)
                and value.value.value == self._context_parameter(scope)):
            return value
        return None

    def _context_parameter(self, scope: Scope) -> Optional[str]:
        """The name of a handler's second parameter, if the handler never rebinds it."""
        for handler in self.context.handlers:
            if scope is handler.function or scope is handler.lambda_:
                parameters = handler.parameters
                positional = [*parameters.posonly_params, *parameters.params]
                if len(positional) < 2:
                    return None
                name = positional[1].name.value
                return name if self.context.is_parameter(name, scope) else None
        return None
