"""## What it does
Reports a response that API Gateway cannot read, in a handler that a deployment template
puts behind an API Gateway REST API with the Lambda proxy integration (a SAM `Api` event,
a Serverless Framework `http` event, a CDK `LambdaRestApi` or `LambdaIntegration`):

- a `return` of something other than a dict: a list or tuple, a string (a literal, an
  f-string, `json.dumps(...)`), a number, `None`, or a bare `return`;
- a handler with no `return` statement at all, which returns `None`;
- a returned dict without a `"statusCode"` key;
- a `"statusCode"` that is not a number: `None`, a word such as `"OK"`, a dict or list;
- a `"body"` that is a dict, list or tuple instead of a string.

Returned dicts are followed through a local variable or module constant that the code
only returns, never changes.

## Why is this bad?
With the Lambda proxy integration, API Gateway builds the HTTP response from the
handler's return value, which must be a JSON object with a numeric `statusCode` and a
string `body`. Anything else is a "Malformed Lambda proxy response": the client gets
`502 Bad Gateway` with `{"message": "Internal server error"}`, although the handler did
its work and logged no error.

## Example
```python
def lambda_handler(event, context):
    order_id = event["pathParameters"]["id"]
    return {"statusCode": 200, "body": {"id": order_id, "status": "shipped"}}
```
deployed behind a REST API by this `template.yaml`:
```yaml
Transform: AWS::Serverless-2016-10-31
Resources:
  GetOrder:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: lambda_function.lambda_handler
      Events:
        Get:
          Type: Api
          Properties:
            Path: /orders/{id}
            Method: get
```

## Use instead
With the same template:
```python
import json


def lambda_handler(event, context):
    order_id = event["pathParameters"]["id"]
    return {"statusCode": 200, "body": json.dumps({"id": order_id, "status": "shipped"})}
```

## Exceptions
Only handlers that a template declares with a REST API trigger are checked: without a
template lambdalint cannot know who reads the response. A non-proxy integration maps the
response with its own templates, so it is not checked either: a Serverless Framework
`http` event with `integration: lambda`, a CDK `LambdaIntegration(fn, proxy=False)` (or a
`proxy` option lambdalint cannot read), a SAM `Api` event on an API whose OpenAPI body
(`DefinitionBody` inline or through `AWS::Include`, or a local `DefinitionUri` file) wires
the function with an `x-amazon-apigateway-integration` of `type: aws` whose `uri` names
the function's ARN (`${GetOrder.Arn}`, or a literal ARN with its `FunctionName`). HTTP
APIs (SAM `HttpApi`, serverless `httpApi`) and function URLs are not reported: with
payload format 2.0, the default of SAM, the Serverless Framework and CDK, a response
without `statusCode` is valid (API Gateway sends it as the JSON body of a 200 response),
and lambdalint does not know which payload version an integration uses. Terraform's REST
API triggers are not checked either: an `aws_lambda_permission` does not say whether the
integration is a proxy, and a non-proxy integration returns whatever the handler returns.

Not reported, because API Gateway accepts them: a `"statusCode"` string of digits
(`"200"`), a missing `"body"` (an empty body), headers of any shape. lambdalint stays
silent when it is not sure what is returned: a value it cannot follow (a parameter, the
result of a call it does not know), a dict with a `**` spread or a computed key (either
may supply `statusCode`), a dict variable the code changes (`response["statusCode"] =
200`), passes to a function or assigns again, and a decorated handler (the decorator may
build the response). A handler that ends by raising is not said to fall off its end.
Code that never runs is not checked: a `return` after a `raise` (or another `return`,
`continue`, `break`) in the same block, or under `if False:`/`if 0:`.

## Fix
None: which status and which serialization are right is the author's call.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import libcst as cst

from lambdalint.analysis import FileContext, Function, Handler, Scope
from lambdalint.check import Check
from lambdalint.constants import string_value
from lambdalint.diagnostics import Location, related
from lambdalint.values import ValueAnalysis
from lambdalint.walk import live_statements, walk

if TYPE_CHECKING:
    from lambdalint.discovery.model import DeployedFunction, EventSource

REST_API = "Api"
# Deployment formats whose REST API trigger is surely a Lambda proxy integration.
PROXY_SOURCES = frozenset({"sam", "serverless", "cdk"})
STRING_ENCODERS = frozenset({"json.dumps", "simplejson.dumps"})
# Value shapes (lambdalint.values) that are JSON but not an object, and how to say them.
NOT_AN_OBJECT = {"list": "a list", "tuple": "a tuple", "str": "a string"}
NOT_A_STRING = {"dict": "a dict", "list": "a list", "tuple": "a tuple"}
MALFORMED = "answers 502 (Malformed Lambda proxy response)"
RESPONSE = '{"statusCode": 200, "body": json.dumps(...)}'


class ApiResponseShape(Check):
    code = "LAM008"
    name = "api-response-shape"
    summary = "A handler behind an API Gateway REST API returns a response API Gateway cannot read"
    severity = "error"

    def __init__(self, context: FileContext) -> None:
        super().__init__(context)
        self.values = ValueAnalysis(context)
        self.reported: set[int] = set()  # dict entries that several returns share
        self.plainly_returned: dict[tuple[str, int], bool] = {}
        self.trigger: tuple[Location, ...] = ()  # the template line of the handler's REST API

    def check_handler(self, handler: Handler) -> None:
        trigger = _rest_api_trigger(handler.deployments)
        if trigger is None or handler.is_async:
            return
        deployment, event = trigger
        label = f"{event.type} event of {deployment.name}"
        self.trigger = (Location(deployment.declared_in, deployment.line, label=label),)
        api = f"its REST API ({label}, {related()})"
        if handler.lambda_ is not None:
            self._check_response(handler.lambda_.body, handler.lambda_, handler.name, api)
        function = handler.function
        if function is None or function.decorators or self.values.is_generator(function):
            return
        returns = self.values.returns(function)
        if not returns and _can_fall_off_end(function):
            self.report(
                function.name,
                (
                    f"handler '{handler.name}' has no return statement, so {api} gets null and"
                    f" {MALFORMED}; return {RESPONSE}"
                ),
                related=self.trigger,
            )
        for statement in returns:
            if statement.value is None:
                self.report(
                    statement,
                    f"handler '{handler.name}' returns None to {api},"
                    f" which {MALFORMED}; return {RESPONSE}",
                    related=self.trigger,
                )
            else:
                self._check_response(statement.value, function, handler.name, api)

    def _check_response(
        self, returned: cst.BaseExpression, scope: Function, handler: str, api: str
    ) -> None:
        response = self._unchanged_dict(returned, scope)
        if response is not None:
            self._check_dict(*response, returned, handler, api)
            return
        what = self._not_an_object(returned, scope)
        if what is not None:
            self.report(
                returned,
                f"handler '{handler}' returns {what} to {api}, which"
                f" {MALFORMED}; return {RESPONSE}",
                related=self.trigger,
            )

    def _not_an_object(self, returned: cst.BaseExpression, scope: Scope) -> str | None:
        """How to say what a returned value is, when it is surely JSON but not an object."""
        value, scope = self.context.follow(returned, scope)
        if isinstance(value, cst.Name) and value.value == "None":
            return "None"
        if isinstance(value, (cst.Integer, cst.Float)):
            return "a number"
        if isinstance(value, cst.FormattedString):
            return "a string"
        if (
            isinstance(value, cst.Call)
            and self.context.qualified_name(value.func, scope) in STRING_ENCODERS
        ):
            return "the string json.dumps(...) makes"
        return NOT_AN_OBJECT.get(self.values.value(value, scope).shape or "")

    def _check_dict(
        self, response: cst.Dict, scope: Scope, returned: cst.BaseExpression, handler: str, api: str
    ) -> None:
        entries: dict[str, cst.BaseExpression] = {}
        complete = True  # every key is known: no ** spread, no computed key
        for element in response.elements:
            key = (
                string_value(self.context.follow(element.key, scope)[0])
                if isinstance(element, cst.DictElement)
                else None
            )
            if key is None:
                entries.clear()  # it may supply, or replace, any key before it
                complete = False
            else:
                entries[key] = element.value
        if "statusCode" not in entries:
            if complete:
                self.report(
                    returned,
                    (
                        f"handler '{handler}' returns a dict without \"statusCode\" to {api},"
                        f' which {MALFORMED}; add "statusCode": 200'
                    ),
                    related=self.trigger,
                )
            return
        status, body = entries["statusCode"], entries.get("body")
        shown = self._not_a_status(status, scope)
        if shown is not None and id(status) not in self.reported:
            self.reported.add(id(status))
            self.report(
                status,
                (
                    f'"statusCode" is {shown} in the response to {api},'
                    f" which {MALFORMED}; use a number such as 200"
                ),
                related=self.trigger,
            )
        kind = NOT_A_STRING.get(self.values.value(body, scope).shape or "") if body else None
        if body is not None and kind is not None and id(body) not in self.reported:
            self.reported.add(id(body))
            self.report(
                body,
                (
                    f'"body" is {kind} in the response to {api}, which needs a'
                    f" string and {MALFORMED}; pass it through json.dumps(...)"
                ),
                related=self.trigger,
            )

    def _not_a_status(self, status: cst.BaseExpression, scope: Scope) -> str | None:
        """How to say a status code that is surely not a number, or None."""
        value = self.context.follow(status, scope)[0]
        text = string_value(value)
        if text is not None:
            return None if text.strip().isdigit() else f'the string "{text}"'
        if isinstance(value, cst.Name) and value.value == "None":
            return "None"
        if isinstance(value, (cst.Dict, cst.List, cst.Tuple, cst.Set)):
            return f"a {type(value).__name__.lower()}"
        return None

    def _unchanged_dict(
        self, returned: cst.BaseExpression, scope: Scope
    ) -> tuple[cst.Dict, Scope] | None:
        """The dict literal returned, directly or through a name the code only returns."""
        if isinstance(returned, cst.Dict):
            return returned, scope
        if not isinstance(returned, cst.Name):
            return None
        resolved = self.context.resolve_name(returned.value, scope)
        if resolved is None:
            return None
        value, home = resolved
        if not isinstance(value, cst.Dict):
            return None
        return (value, home) if self._only_returned(returned.value, home) else None

    def _only_returned(self, name: str, home: Scope) -> bool:
        """Whether every use of the name in its scope's code is its binding or ``return name``,
        so nothing changes the dict it holds."""
        key = (name, id(home))
        if key not in self.plainly_returned:
            self.plainly_returned[key] = _uses_are_plain(name, home)
        return self.plainly_returned[key]


def _rest_api_trigger(
    deployments: Sequence[DeployedFunction],
) -> tuple[DeployedFunction, EventSource] | None:
    """The first deployment behind a REST API proxy integration, and that event. Every such
    deployment expects the same response shape, so the first one breaks whenever any does."""
    return next(
        (
            (deployment, event)
            for deployment in deployments
            if deployment.source in PROXY_SOURCES
            for event in deployment.events
            if event.type == REST_API
        ),
        None,
    )


def _uses_are_plain(name: str, home: Scope) -> bool:
    plain: set[int] = set()  # Name nodes that are a binding, a return, or not this name at all
    changed = False

    def visit(node: cst.CSTNode) -> None:
        nonlocal changed
        if isinstance(node, cst.Return) and node.value is not None:
            plain.add(id(node.value))
        elif isinstance(node, (cst.AssignTarget, cst.AnnAssign)):
            plain.add(id(node.target))
        elif isinstance(node, cst.Attribute):
            plain.add(id(node.attr))  # x.name is an attribute, not the name
        elif isinstance(node, cst.Arg) and node.keyword is not None:
            plain.add(id(node.keyword))
        elif isinstance(node, cst.Name) and node.value == name and id(node) not in plain:
            changed = True

    walk(home, visit)
    return not changed


def _can_fall_off_end(function: cst.FunctionDef) -> bool:
    """Whether a function without return statements reaches its end: it does unless its last
    statement may raise or loop forever (``while True``)."""
    last = live_statements(function.body.body)[-1]
    if isinstance(last, cst.While):
        return False
    raises = False

    def visit(node: cst.CSTNode) -> bool:
        nonlocal raises
        raises = raises or isinstance(node, cst.Raise)
        return not isinstance(node, (cst.FunctionDef, cst.ClassDef, cst.Lambda))

    walk(last, visit, live=True)
    return not raises
