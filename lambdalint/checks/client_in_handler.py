"""## What it does
Reports an AWS SDK client, resource or session, or a database, cache, search or HTTP
connection or pool, that is created on every invocation: inside the handler, or inside a
function the handler calls on every invocation, directly or through other functions, in its
own module or another module of its code root (the finding is where the client is created,
and says through which calls the handler reaches it). The calls that create one are listed
below; `extra-client-factories` in `[tool.lambdalint]` adds your own
(`extra-client-factories = ["mycompany.db.connect"]`).

When the event sets the client's region, endpoint, host or another setting
(`region_name=event["region"]`, an `endpoint_url` built from the WebSocket
`requestContext`, the S3 origin's region in a Lambda@Edge event), the message says so and
advises a cache keyed by that setting instead of a module-level client.

## Why is this bad?
Lambda runs module-level code once per execution environment and the handler on
every invocation. A boto3 client built in the handler reloads its service model and
opens a new TLS connection each time: tens of milliseconds and some memory per request,
paid by every warm invocation. A database connection opened per invocation also piles
up connections on the server until it refuses new ones under load.

## Example
```python
import boto3


def lambda_handler(event, context):
    s3 = boto3.client("s3")
    regional = boto3.client("s3", region_name=event["region"])
    regional.copy_object(Bucket=event["bucket"], Key=event["key"], CopySource=event["from"])
    return s3.head_object(Bucket=event["bucket"], Key=event["key"])["ContentLength"]
```

## Use instead
```python
import boto3

s3 = boto3.client("s3")
_regional = {}


def lambda_handler(event, context):
    region = event["region"]
    if region not in _regional:
        _regional[region] = boto3.client("s3", region_name=region)
    regional = _regional[region]
    regional.copy_object(Bucket=event["bucket"], Key=event["key"], CopySource=event["from"])
    return s3.head_object(Bucket=event["bucket"], Key=event["key"])["ContentLength"]
```

## Exceptions
Not reported, because the object is created once per environment or must be per
invocation:
- creation at module level, and in the decorators and default arguments of a top-level
  function (evaluated once, at import);
- a lazy global: the object is stored in a global (`global _s3`) or in a module-level
  dict, under a check that it is still empty: `if _s3 is None:`, `if not _s3:`,
  `_s3 = _s3 or boto3.client("s3")`, `if key not in _clients:`, or
  `client = _clients.get(key)` then `if client is None:` with `_clients[key] = client`.
  An attribute of the module's class (`if Store._s3 is None: Store._s3 = ...`) is such a
  global too. A helper (not the handler itself) that stores the object in a global is not reported
  even without such a check: lambdalint does not see whether its caller calls it only
  once, so it stays silent;
- a helper that the code run on every invocation calls only under such a guard in the
  caller (`if _config is None: _config = load_config()`, `_db = _db or connect()`,
  `if region not in _queues: _queues[region] = queue_client(region)`, or
  `if not _ready: warm_up(); _ready = True`), or only from a function decorated with
  `functools.cache`/`functools.lru_cache`: it runs once per environment (or per key), and
  so does what it calls. One unguarded call anywhere on the path makes it per invocation.
  A function that returns early while the global (or module dict slot) it fills holds a
  value (`if _config and not expired(): return _config`, `if key in _rates: return
  _rates[key]`) guards everything after that return the same way: refreshing a cache
  when it expires is not a per-invocation cost;
  The same holds for a helper in another module (`if _db is None: _db = db.connect()`):
  the call that first reaches it is judged in its caller's module. When other callers
  reach the same helper too, only that first call is judged;
- a function decorated with `functools.cache` or `functools.lru_cache`;
- a Redis or Valkey client given an existing pool (`redis.Redis(connection_pool=POOL)`):
  it wraps that pool and opens none of its own;
- an AWS client or session built with credentials that are not constants
  (`aws_access_key_id=`, `aws_secret_access_key=`, `aws_session_token=` from an
  `sts.assume_role(...)` result, the event, a parameter...), and a client made from
  such a session: assumed-role credentials expire, so it is per invocation by
  necessity. String literals and environment variables are constants and still
  reported. A `**` argument that may carry credentials keeps the rule silent;
- async clients: the clients of an `aioboto3` session (`session.client(...)`),
  `httpx.AsyncClient`, `AsyncOpenSearch`, `AsyncElasticsearch`, `redis.asyncio` and
  valkey-glide's `GlideClient.create`. They are bound to the running event loop, which
  `asyncio.run` creates anew on every invocation, so one kept at module level fails on
  the next invocation. Creating the `aioboto3.Session()` itself per invocation is still
  reported;
- one-shot calls that keep no connection for later (`requests.get`, `urllib3.request`);
- objects built by code lambdalint does not follow (`self.session.client`, inherited
  methods, methods of an instance kept in a global), and functions the handler never
  reaches. A class instantiated on the handler's path is followed: its `__init__`, the
  methods called on the instance, and those they call on `self`;
- code that never runs: statements after a `return`, `raise`, `continue` or `break` in
  the same block, the body of `if False:`/`if 0:`, and functions only such code calls;
- a CloudFormation custom resource's handler (its module imports `cfnresponse` or
  `crhelper`, also under `try`, or a handler reads the event's `RequestType` or
  `ResourceProperties`): it runs on stack operations only, a handful of times in
  its life, so what a client costs per call does not matter. The whole module is left
  alone, and so are the helper modules it reaches, so keep traffic-serving handlers out of
  a custom resource's module.

Reported with other advice: a client whose settings come from the event cannot move to
module level, since each invocation may name another region or endpoint, but it can be
kept in a module-level dict keyed by that setting. In practice the key takes few values
(the WebSocket API's own endpoint, the handful of origin regions), so the cache pays off
like a module-level client; the finding names the setting so the fix is clear. A helper's
parameter counts as the event's when every call of the helper on the handler's path (in
its module, or the call of another module that reaches it) passes event data to it. The
default of `cache.setdefault(key, ...)` is built before the lookup, so it is reported with
the advice to build it only when the key is missing.

## Fix
Safe, for the plain case: `name = factory(...)` as a statement of its own in the body of a
module-level function, every argument a literal, a module-level name or an environment
lookup (`os.environ[...]`, `os.environ.get(...)`, `os.getenv(...)`), the factory a
module-level name (`boto3.client`), and `name` bound nowhere else in the function. `--fix`
moves the statement, with its comment, to just above the function:

```python
import boto3


s3 = boto3.client("s3")


def lambda_handler(event, context):
    return s3.list_buckets()
```

When the module already binds `name`, declares it `global` somewhere, or another function
binds its own `name` too (one would overwrite the other at module level), the creation
moves up as `<function>_<name>` and the function's uses are renamed with it. Anything else
has no fix: an argument from the event or another local (the region it names), a
module-level name bound only below the function (not there yet at import), a creation
inside an `if`, loop, `with` or `try`, or a function whose body would be left empty.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import libcst as cst

from lambdalint.analysis import (
    BUILTIN_NAMES,
    FileContext,
    Function,
    Handler,
    Scope,
    spelled_name,
    variables,
)
from lambdalint.check import Check
from lambdalint.constants import (
    argument,
    environment_variable,
    is_environment_read,
    key_path,
    passed_to,
    string_value,
)
from lambdalint.data.client_factories import (
    AWS_SDK_FACTORIES,
    CONNECTION_FACTORIES,
    CONNECTION_POOL_FACTORIES,
    CUSTOM_RESOURCE_MODULES,
    SESSION_CLIENT_FACTORIES,
    SHARED_POOL_KEYWORDS,
)
from lambdalint.diagnostics import SAFE, Edit, Fix
from lambdalint.walk import Where, ends_block, live_children, walk, walk_reached

CREATED = "is created on every invocation"
CREATE_ONCE = "create it once at module level and reuse it"
OPENS_CONNECTION = "opens a new connection on every invocation"
OPENS_POOL = "opens a new connection pool on every invocation"
OPEN_ONCE = "open it once at module level (or lazily in a global) and reuse it"
EAGER_DEFAULT = "even when setdefault finds its key cached; build it only when the key is missing"

# What a factory's keyword argument sets, named in the message when its value comes from the event
# (``region_name=event["region"]``: "with a region from the event; cache one per region").
SETTING_NOUNS: dict[str, str] = {
    "region_name": "region",
    "endpoint_url": "endpoint",
    "host": "host",
    "hosts": "host",
    "url": "URL",
    "dsn": "database",
    "conninfo": "database",
    "database": "database",
    "dbname": "database",
    "db": "database",
}

# Event keys only a CloudFormation custom resource's event has: a handler that reads them serves
# stack operations, which run a handful of times in the stack's life.
CUSTOM_RESOURCE_EVENT_KEYS = frozenset(
    {"RequestType", "ResourceProperties", "OldResourceProperties"}
)

CREDENTIAL_KEYWORDS = frozenset({"aws_access_key_id", "aws_secret_access_key", "aws_session_token"})
CACHE_DECORATORS = frozenset({"functools.cache", "functools.lru_cache"})
SERVICE_METHODS = frozenset({"client", "resource", "create_client"})
SCOPE_NODES = (cst.FunctionDef, cst.Lambda, cst.ClassDef)
# String methods whose result still carries the event's value: ``f"https://{domain}/{stage}"``,
# ``"/".join(...)``, ``domain.split(".")[2]``.
STRING_METHODS = frozenset(
    {"format", "join", "split", "rsplit", "strip", "lower", "upper", "replace", "removeprefix"}
)
MAX_DERIVATION_STEPS = 8


class ClientInHandler(Check):
    code = "LAM004"
    name = "client-in-handler"
    summary = (
        "An SDK client, session or connection is created on every invocation"
        " instead of once per execution environment"
    )
    severity = "warning"
    fix = SAFE

    def __init__(self, context: FileContext) -> None:
        super().__init__(context)
        self.reported_by_chain: set[cst.CSTNode] = set()
        self._per_invocation: set[int] | None = None  # ids of the reached functions run per call
        self._serves_custom_resources: bool | None = None
        # (id of a helper, its parameter): does every call on the path pass event data to it
        self._event_parameters: dict[tuple[int, str], bool] = {}
        self._other_modules: dict[int, ClientInHandler] = {}  # by id of the module's context

    # -- traversal ----------------------------------------------------------------------

    def visit_Call(self, node: cst.Call, where: Where) -> None:
        if node in self.reported_by_chain:
            return
        message = self._creation_message(node, where.scope, _setdefault_default(node, where))
        if (
            message is None
            or self._serves_custom_resource()
            or _evaluated_at_import(where)
            or not self._runs_per_invocation(where.reached)
            or self._is_cached(where.reached)
            or self._runs_once(node, where)
        ):
            return
        self.report(node, message, fix=self._hoisted(node, where))
        if isinstance(node.func, cst.Attribute) and isinstance(node.func.value, cst.Call):
            # `boto3.Session().client("s3")`: one finding for the chain, not two
            self.reported_by_chain.add(node.func.value)

    def _hoisted(self, call: cst.Call, where: Where) -> Fix | None:
        """``name = factory(...)``, a statement of a module-level function's body that depends
        on nothing the invocation brings, moved to just above the function."""
        module, function = self.context.module, where.reached
        lineage = list(where.ancestors())
        if (
            not isinstance(function, cst.FunctionDef)
            or all(statement is not function for statement in module.body)
            or len(lineage) != 4
            or not isinstance(lineage[0], cst.Assign)
            or lineage[0].value is not call
            or not isinstance(lineage[1], cst.SimpleStatementLine)
            or len(lineage[1].body) != 1
            or lineage[2] is not function.body
            or len(function.body.body) < 2
        ):
            return None
        targets = lineage[0].targets
        if len(targets) != 1 or not isinstance(targets[0].target, cst.Name):
            return None
        name = targets[0].target.value
        bindings = self.context.bindings(function)
        index = next(i for i, statement in enumerate(module.body) if statement is function)
        if (
            len(bindings.values.get(name, ())) != 1
            or name in bindings.globals | bindings.parameters | bindings.nested
            or not self._module_level(call.func, function)
            or not all(
                not arg.star and self._module_level(arg.value, function) for arg in call.args
            )
            # a name the call reads but the module binds only below: not there yet at import
            or {variable.value for variable in variables(call)}
            - _module_names(module.body[:index])
            - {"True", "False", "None"}
        ):
            return None
        hoisted = self._free_name(name, function)
        if hoisted is None:
            return None
        assign, statement = lineage[0], lineage[1]
        span = self.context.positions()[statement]
        edits = [Edit(span.start.line, 0, span.end.line + 1, 0, "")]
        if hoisted != name:
            renamed = targets[0].with_changes(target=cst.Name(hoisted))
            statement = statement.with_changes(body=[assign.with_changes(targets=[renamed])])
            edits += [
                self.replace(use, hoisted)
                for use in variables(function.body)
                if use.value == name and use is not targets[0].target
            ]
        newline = module.default_newline
        moved = module.code_for_node(statement.with_changes(leading_lines=()))
        above = function.decorators[0] if function.decorators else function
        edits.append(self.insert_before(above, f"{moved}{newline * 2}"))
        return Fix(SAFE, f"Create `{hoisted}` once, at module level", tuple(edits))

    def _free_name(self, name: str, function: cst.FunctionDef) -> str | None:
        """The module-level name to move the creation under: its own, else
        ``<function>_<name>``, whichever nothing else binds (another function's own ``name``
        may move up too, and one would overwrite the other) and no code uses yet."""
        at_module = self.context.module_bindings
        others = [
            other
            for other in self.context.module.body
            if isinstance(other, cst.FunctionDef) and other is not function
        ]
        for candidate in (name, f"{function.name.value}_{name}"):
            if (
                candidate not in at_module.values
                and candidate not in at_module.imports
                and candidate not in BUILTIN_NAMES
                and candidate not in self.context.rebound_globally()
                and not any(candidate in self.context.bindings(other).values for other in others)
                and (
                    candidate == name
                    or all(used.value != candidate for used in variables(self.context.module))
                )
            ):
                return candidate
        return None

    def _module_level(self, expression: cst.BaseExpression, function: Function) -> bool:
        """A literal, a name (or attribute of one) the function does not bind, or an
        environment lookup with such arguments: the same at import as at invocation."""
        if isinstance(expression, (cst.SimpleString, cst.Integer, cst.Float)):
            return True
        if isinstance(expression, cst.Name):  # _hoisted checks the module binds it above
            return not self.context.is_local(expression.value, function)
        if isinstance(expression, cst.Attribute):
            return self._module_level(expression.value, function)
        if (
            isinstance(expression, (cst.Subscript, cst.Call))
            and environment_variable(self.context, expression, function) is not None
        ):
            arguments = expression.args if isinstance(expression, cst.Call) else ()
            return all(
                not arg.star and self._module_level(arg.value, function) for arg in arguments
            )
        return False

    def _serves_custom_resource(self) -> bool:
        """The module imports ``cfnresponse`` or ``crhelper`` (at any depth of its top level,
        try/except too), or a handler reads its event's ``RequestType`` or
        ``ResourceProperties``; for a module the handlers of another reach, that module."""
        origin = self.context.reached_from
        if self._serves_custom_resources is None and origin is not None:
            self._serves_custom_resources = ClientInHandler(origin)._serves_custom_resource()
        if self._serves_custom_resources is None:
            self._serves_custom_resources = any(
                name in CUSTOM_RESOURCE_MODULES
                or qualified.split(".")[0] in CUSTOM_RESOURCE_MODULES
                for name, qualified in self.context.module_bindings.imports.items()
            ) or any(
                self._reads_custom_resource_event(handler) for handler in self._handler_scopes()
            )
        return self._serves_custom_resources

    def _reads_custom_resource_event(self, handler: Function) -> bool:
        found: list[bool] = []

        def visit(node: cst.CSTNode, where: Where) -> None:
            if not found and isinstance(node, (cst.Subscript, cst.Call)):
                keys = self._event_keys(node, where.scope)
                if keys and keys[0] in CUSTOM_RESOURCE_EVENT_KEYS:
                    found.append(True)

        walk_reached(handler, visit)
        return bool(found)

    # -- what the call creates ----------------------------------------------------------

    def _creation_message(self, call: cst.Call, scope: Scope, eager: bool) -> str | None:
        """The finding's message when ``call`` creates a client per invocation, else None."""
        callee, callee_scope = self.context.follow(call.func, scope)
        name = self.context.qualified_name(callee, callee_scope)
        extra = self.context.extra_client_factories
        if name in CONNECTION_FACTORIES:
            return self._message(f"{name}() {OPENS_CONNECTION}", OPEN_ONCE, call, scope, eager)
        if name in CONNECTION_POOL_FACTORIES:
            shared_pool = SHARED_POOL_KEYWORDS.get(name)
            if shared_pool is not None and argument(call, None, shared_pool) is not None:
                return None  # it wraps a pool made elsewhere
            return self._message(f"{name}() {OPENS_POOL}", OPEN_ONCE, call, scope, eager)
        if name in AWS_SDK_FACTORIES or name in extra:
            if self._built_with_invocation_credentials(call, scope):
                return None
            label = f"{name}{_arguments_label(call, name)}"
            return self._message(f"{label} {CREATED}", CREATE_ONCE, call, scope, eager)
        if not isinstance(callee, cst.Attribute):
            return None
        session, session_scope = self.context.follow(callee.value, callee_scope)
        if not isinstance(session, cst.Call):
            return None
        session_name = self.context.qualified_name(session.func, session_scope)
        factory = f"{session_name}().{callee.attr.value}"
        if factory not in SESSION_CLIENT_FACTORIES and factory not in extra:
            return None
        if self._built_with_invocation_credentials(
            session, session_scope
        ) or self._built_with_invocation_credentials(call, scope):
            return None
        label = f"{factory}{_arguments_label(call, factory)}"
        return self._message(f"{label} {CREATED}", CREATE_ONCE, call, scope, eager)

    def _message(
        self, what: str, advice: str, call: cst.Call, scope: Scope, eager: bool
    ) -> str | None:
        """What is created on every invocation and what to do: reuse one, or one per setting
        when the event configures it, or build it only when missing, for the default of a
        ``setdefault``."""
        if eager:
            return f"{what}, {EAGER_DEFAULT}"
        noun = self._event_setting(call, scope)
        if noun is None:
            return f"{what}; {advice}"
        return (
            f"{what} with {_a(noun)} from the event;"
            f" cache one per {noun} (a module-level dict keyed by {noun})"
        )

    def _event_setting(self, call: cst.Call, scope: Scope) -> str | None:
        """What the event sets in the call (the noun for its keyword), if any argument but the
        service name comes from the handler's event."""
        for index, arg in enumerate(call.args):
            keyword = arg.keyword.value if arg.keyword is not None else None
            if keyword in ("service_name", *CREDENTIAL_KEYWORDS) or (
                keyword is None and index == 0
            ):
                continue
            if self._from_event(arg.value, scope, MAX_DERIVATION_STEPS):
                return SETTING_NOUNS.get(keyword or "", "setting")
        return None

    def _event_keys(self, value: cst.BaseExpression, scope: Scope) -> tuple[str | int, ...] | None:
        """The keys of ``event[...][...]`` (or ``.get``) when value reads the handler's event."""
        path = key_path(self.context, value, scope)
        if path is not None:
            name, home, keys = path
            for handler in self.context.handlers:
                runs = handler.function or handler.lambda_
                if (
                    runs is not None
                    and home is runs
                    and name == _event_parameter(handler)
                    and self.context.is_parameter(name, runs)
                ):
                    return keys
        return None

    def _from_event(self, value: cst.BaseExpression, scope: Scope, steps: int) -> bool:
        """The value is read from the handler's event, also through f-strings, joins, string
        methods and containers; False when unsure."""
        if steps == 0:
            return False
        if self._event_keys(value, scope) is not None:
            return True
        value, scope = self.context.follow(value, scope)
        if isinstance(value, cst.Name) and isinstance(scope, cst.FunctionDef):
            return self._parameter_from_event(value.value, scope, steps - 1)
        parts: list[cst.BaseExpression] = []
        if isinstance(value, cst.FormattedString):
            parts = [
                part.expression
                for part in value.parts
                if isinstance(part, cst.FormattedStringExpression)
            ]
        elif isinstance(value, cst.BinaryOperation):
            parts = [value.left, value.right]
        elif isinstance(value, cst.Subscript):
            parts = [value.value]
        elif isinstance(value, (cst.List, cst.Tuple)):
            parts = [element.value for element in value.elements]
        elif isinstance(value, cst.Dict):
            parts = [
                element.value for element in value.elements if isinstance(element, cst.DictElement)
            ]
        elif (
            isinstance(value, cst.Call)
            and isinstance(value.func, cst.Attribute)
            and value.func.attr.value in STRING_METHODS
        ):
            parts = [value.func.value, *(arg.value for arg in value.args)]
        return any(self._from_event(part, scope, steps - 1) for part in parts)

    def _parameter_from_event(self, name: str, function: cst.FunctionDef, steps: int) -> bool:
        """A helper's parameter that every call of the helper on the handler's path fills
        from the event (in this module, or at the call of another module that reaches it)."""
        if steps == 0 or not self.context.is_parameter(name, function):
            return False
        if any(function is handler for handler in self._handler_scopes()):
            return False  # the handler's own parameters: _event_keys reads them
        key = (id(function), name)
        if key not in self._event_parameters:  # once each: call chains branch and recurse
            self._event_parameters[key] = False  # a helper passing it to itself adds nothing
            self._event_parameters[key] = self._filled_from_event(name, function, steps)
        return self._event_parameters[key]

    def _filled_from_event(self, name: str, function: cst.FunctionDef, steps: int) -> bool:
        calls = [(self, call, scope) for call, scope in self._calls_of(function)]
        entry = self._entry(function)
        if entry is not None:
            caller_module, caller, spelled = entry
            calls += [
                (caller_module, call, scope)
                for call, scope in caller_module._calls_spelled(caller, spelled)
            ]
        arguments = [
            (module, passed_to(call, function, name), scope) for module, call, scope in calls
        ]
        return bool(arguments) and all(
            argument is not None and module._from_event(argument, scope, steps)
            for module, argument, scope in arguments
        )

    def _calls_of(self, function: cst.FunctionDef) -> list[tuple[cst.Call, Scope]]:
        """The calls of a module function by its name in the reached code, with their scopes."""
        name = function.name.value
        if self.context.functions.get(name) is not function:
            return []
        return [
            (call, scope)
            for reached in self.context.reached
            for call, scope in self._calls_spelled(reached, name)
            if isinstance(self.context.home(name, scope), cst.Module)
        ]

    def _calls_spelled(self, function: Function, spelled: str) -> list[tuple[cst.Call, Scope]]:
        """The calls in a reached function whose callee is spelled so (``f``, ``db.f``)."""
        found: list[tuple[cst.Call, Scope]] = []

        def visit(node: cst.CSTNode, where: Where) -> None:
            if isinstance(node, cst.Call) and spelled_name(node.func) == spelled:
                found.append((node, where.scope))

        walk_reached(function, visit)
        return found

    def _built_with_invocation_credentials(self, call: cst.Call, scope: Scope) -> bool:
        for arg in call.args:
            if arg.star == "**":
                spread, spread_scope = self.context.follow(arg.value, scope)
                if not isinstance(spread, cst.Dict):
                    return True  # it may carry credentials: unsure, so silent
                values = _credential_values(spread)
                if values is None or any(
                    not self._is_constant(value, spread_scope) for value in values
                ):
                    return True
            elif (
                arg.keyword is not None
                and arg.keyword.value in CREDENTIAL_KEYWORDS
                and not self._is_constant(arg.value, scope)
            ):
                return True
        return False

    def _is_constant(self, value: cst.BaseExpression, scope: Scope) -> bool:
        """A literal, or an environment variable: the same on every invocation."""
        value, scope = self.context.follow(value, scope)
        if isinstance(value, (cst.SimpleString, cst.ConcatenatedString)):
            return True
        if isinstance(value, cst.FormattedString):
            return not any(isinstance(part, cst.FormattedStringExpression) for part in value.parts)
        if isinstance(value, cst.Name) and value.value == "None":
            return True
        if isinstance(value, cst.Subscript):
            return self.context.qualified_name(value.value, scope) == "os.environ"
        if isinstance(value, cst.Call):
            return is_environment_read(self.context, value, scope)
        return False

    def _is_cached(self, function: Function) -> bool:
        if not isinstance(function, cst.FunctionDef):
            return False
        for decorator in function.decorators:
            expression = decorator.decorator
            if isinstance(expression, cst.Call):
                expression = expression.func
            if self.context.qualified_name(expression, function) in CACHE_DECORATORS:
                return True
        return False

    # -- how often a reached function runs ----------------------------------------------

    def _runs_per_invocation(self, function: Function) -> bool:
        if self._per_invocation is None:
            self._per_invocation = self._functions_run_per_invocation()
        return id(function) in self._per_invocation

    def _functions_run_per_invocation(self) -> set[int]:
        """The reached functions some invocation runs: the handlers, what nothing in this module
        calls (reached from elsewhere, so unsure), and what those call outside a cache guard.
        A function called only under a guard (``if _db is None: _db = connect()``), or only
        from a cached function, runs once per environment (or per key)."""
        reached = self.context.reached
        callers: dict[int, list[bool]] = {}  # function -> for each reference: does it run per call
        references: dict[int, list[tuple[Function, bool]]] = {}
        for function in reached:
            references[id(function)] = self._references(function)
            for callee, guarded in references[id(function)]:
                callers.setdefault(id(callee), []).append(guarded)
        queue = [
            function
            for function in reached
            if (id(function) not in callers and self._entered_per_invocation(function))
            or any(function is scope for scope in self._handler_scopes())
        ]
        runs = {id(function) for function in queue}
        while queue:
            function = queue.pop()
            if self._is_cached(function):
                continue  # its body runs once per argument, and so does what it calls
            for callee, guarded in references.get(id(function), []):
                if not guarded and id(callee) not in runs:
                    runs.add(id(callee))
                    queue.append(callee)
        return runs

    def _constructor(self, name: str) -> cst.FunctionDef | None:
        """The ``__init__`` that calling the module's class ``name`` runs, if it defines one."""
        owner = self.context.classes.get(name)
        return self.context.method(owner, "__init__") if owner is not None else None

    def _entry(self, function: Function) -> tuple[ClientInHandler, Function, str] | None:
        """The call of another module that first reaches the function: that module's analysis
        (one per module), the calling function and the name the call spells."""
        entry = self.context.entered_by.get(id(function))
        if entry is None:
            return None
        context, caller, name = entry
        if id(context) not in self._other_modules:
            self._other_modules[id(context)] = ClientInHandler(context)
        return self._other_modules[id(context)], caller, name

    def _entered_per_invocation(self, function: Function) -> bool:
        """Whether the call another module's code reaches the function by may run on every
        invocation: yes unless that module's analysis shows it does not (the caller runs once
        per environment, is cached, or makes every such call under a cache guard). A function
        nothing reaches from elsewhere is a handler or unsure: yes."""
        entry = self._entry(function)
        if entry is None:
            return True
        caller_module, caller, name = entry
        return (
            caller_module._runs_per_invocation(caller)
            and not caller_module._is_cached(caller)
            and not caller_module._calls_only_guarded(caller, name)
        )

    def _calls_only_guarded(self, function: Function, spelled: str) -> bool:
        """Whether the function uses the name (``connect``, ``db.connect``) only to call it,
        each call under a cache guard."""
        guarded: list[bool] = []

        def visit(node: cst.CSTNode, where: Where) -> None:
            # type(): this sees every node of the function, and isinstance() on libcst's
            # classes costs a Python-level call per miss
            if (type(node) is not cst.Name and type(node) is not cst.Attribute) or where.up is None:
                return
            parent = where.up.node
            if spelled_name(node) != spelled or (
                isinstance(parent, cst.Attribute) and parent.value is node  # `db` of `db.connect`
            ):
                return
            guarded.append(
                isinstance(parent, cst.Call)
                and parent.func is node
                and self._runs_once(parent, where.up)
            )

        walk_reached(function, visit)
        return bool(guarded) and all(guarded)

    def _references(self, function: Function) -> list[tuple[Function, bool]]:
        """The module's functions ``function`` names, each with whether that use is a call under
        a cache guard."""
        found: list[tuple[Function, bool]] = []

        def visit(node: cst.CSTNode, where: Where) -> None:
            if type(node) is not cst.Name or where.up is None:  # type(): as above
                return
            callee = self.context.functions.get(node.value) or self._constructor(node.value)
            parent = where.up.node
            if (
                callee is None
                or (isinstance(parent, cst.Attribute) and parent.attr is node)
                or (isinstance(parent, cst.Arg) and parent.keyword is node)
                or isinstance(parent, (cst.FunctionDef, cst.ClassDef, cst.Param))
                or not isinstance(
                    self.context.home(node.value, where.scope) or self.context.module, cst.Module
                )
            ):
                return
            guarded = (
                isinstance(parent, cst.Call)
                and parent.func is node
                and self._runs_once(parent, where.up)
            )
            found.append((callee, guarded))

        walk_reached(function, visit)
        return found

    # -- the lazy-global pattern ----------------------------------------------------------

    def _runs_once(self, call: cst.Call, where: Where) -> bool:
        """The call runs only while a cache is empty (or stale): its result fills a global
        slot under a guard, a flag guards it, or its function returned before it whenever
        the cache it fills holds a value."""
        return (
            self._is_lazily_cached(call, where)
            or _under_flag_guard(self.context, call, where)
            or self._after_early_return(call, where)
        )

    def _after_early_return(self, call: cst.Call, where: Where) -> bool:
        """``if _config and not expired(): return _config`` ahead of the call in its function,
        which fills that global (or module dict slot) itself: the call runs once per
        environment, or once per expiry of what the test adds."""
        function = where.function
        if function is None or where.scope is not function:
            return False
        statement = next(
            (
                node
                for node in [call, *where.ancestors()]
                if any(node is s for s in function.body.body)
            ),
            None,
        )
        if statement is None:
            return False
        guards: list[cst.If] = []
        for earlier in function.body.body:
            if earlier is statement:
                break
            if (
                isinstance(earlier, cst.If)
                and earlier.orelse is None
                and isinstance(earlier.body, cst.IndentedBlock)
                and earlier.body.body
                and ends_block(earlier.body.body[-1])
            ):
                guards.append(earlier)
        if not guards:
            return False  # most calls: no need to learn what the function fills
        module, filled = self.context.module, self._filled_by(function)
        return any(_slots_known(module, guard.test, empty=False) & filled for guard in guards)

    def _filled_by(self, function: cst.FunctionDef) -> set[str]:
        """The global names (declared ``global``) and module dict slots the function assigns."""
        module = self.context.module
        declared = self.context.bindings(function).globals
        filled: set[str] = set()
        for node in _descendants(function):
            if type(node) is cst.Assign:
                for target in node.targets:
                    if isinstance(target.target, cst.Name) and target.target.value in declared:
                        filled.add(target.target.value)
                    elif isinstance(target.target, cst.Subscript) and self._is_module_container(
                        target.target.value, function
                    ):
                        filled.add(_slot_code(module, target.target))
        return filled

    def _is_lazily_cached(self, call: cst.Call, where: Where) -> bool:
        """The call's result is stored in a global slot that is filled only while empty."""
        lineage = [call, *where.ancestors()]
        # the call and its ancestors up to the first one that is not an expression
        end = next(
            (
                index
                for index, node in enumerate(lineage)
                if not isinstance(node, cst.BaseExpression) or isinstance(node, cst.Lambda)
            ),
            len(lineage) - 1,
        )
        path, assignment = lineage[: end + 1], lineage[end]
        if (
            not isinstance(assignment, (cst.Assign, cst.AnnAssign))
            or path[-2] is not assignment.value
        ):
            return False
        targets = (
            [target.target for target in assignment.targets]
            if isinstance(assignment, cst.Assign)
            else [assignment.target]
        )
        slots = set().union(*(self._slots(target, where) for target in targets))
        if not slots:
            return False
        if all(scope is not where.scope for scope in self._handler_scopes()):
            return True  # a helper storing into a global: its caller may call it only once
        module = self.context.module
        return any(
            _fills_when_empty(module, node, child, slots) for child, node in zip(path, path[1:])
        ) or self._guarded(lineage[end:], slots)

    def _slots(self, target: cst.BaseExpression, where: Where) -> set[str]:
        """How guards may name the global place ``target`` stores into; empty if none."""
        if isinstance(target, cst.Name):
            if target.value in self.context.bindings(where.scope).globals:
                return {target.value}
            if self._stored_in_module_cache(target.value, where):
                return {target.value}
        elif isinstance(target, cst.Subscript) and self._is_module_container(
            target.value, where.scope
        ):
            return {_slot_code(self.context.module, target)}
        elif (
            isinstance(target, cst.Attribute)
            and isinstance(target.value, cst.Name)
            and not self.context.is_local(target.value.value, where.scope)
            and self.context.module_class(target.value.value) is not None
        ):
            return {_slot_code(self.context.module, target)}  # `Store._client`: the class's
        return set()

    def _is_module_container(self, expression: cst.BaseExpression, scope: Function) -> bool:
        return (
            isinstance(expression, cst.Name)
            and not self.context.is_local(expression.value, scope)
            and expression.value in self.context.module_bindings.values
        )

    def _stored_in_module_cache(self, name: str, where: Where) -> bool:
        """``name = CACHE.get(key)`` and ``CACHE[key] = name`` both happen in the reached
        function, the first in the innermost scope."""
        module = self.context.module
        read_from = {
            _slot_code(module, value)
            for value in self.context.bindings(where.scope).values.get(name, [])
            if value is not None and _cache_get(value) is not None
        }
        if not read_from:  # most names: no cache read, nothing to look for
            return False
        for node in _descendants(where.reached):
            if (
                type(node) is cst.Assign
                and isinstance(node.value, cst.Name)
                and node.value.value == name
            ):
                for target in node.targets:
                    if (
                        isinstance(target.target, cst.Subscript)
                        and self._is_module_container(target.target.value, where.scope)
                        and _slot_code(module, target.target) in read_from
                    ):
                        return True
        return False

    def _guarded(self, lineage: list[cst.CSTNode], slots: set[str]) -> bool:
        """The assignment (``lineage[0]``, then its ancestors) is inside the body of an ``if``
        that holds only while the slot is empty."""
        for child, node in zip(lineage, lineage[1:]):
            if isinstance(node, SCOPE_NODES):
                return False
            if (
                isinstance(node, cst.If)
                and child is node.body
                and _slots_known(self.context.module, node.test, empty=True) & slots
            ):
                return True
        return False

    def _handler_scopes(self) -> Iterator[Function]:
        for handler in self.context.handlers:
            scope = handler.function or handler.lambda_
            if scope is not None:
                yield scope


def _under_flag_guard(context: FileContext, call: cst.Call, where: Where) -> bool:
    """``if not _ready: _initialise(); _ready = True``: the call is in the body of an ``if``
    that holds only while a global is unset, and that body sets the global."""
    for child, node in zip([call, *where.ancestors()], where.ancestors()):
        if isinstance(node, SCOPE_NODES):
            return False
        if isinstance(node, cst.If) and child is node.body:
            flags = (
                _slots_known(context.module, node.test, empty=True)
                & context.bindings(where.scope).globals
            )
            if any(
                isinstance(statement, cst.Assign)
                and any(
                    isinstance(target.target, cst.Name) and target.target.value in flags
                    for target in statement.targets
                )
                for statement in _descendants(node.body)
            ):
                return True
    return False


def _setdefault_default(call: cst.Call, where: Where) -> bool:
    """``cache.setdefault(key, boto3.client(...))``: Python builds the default before the lookup."""
    arg = where.up.node if where.up is not None else None
    owner = where.up.up.node if where.up is not None and where.up.up is not None else None
    return (
        isinstance(arg, cst.Arg)
        and isinstance(owner, cst.Call)
        and isinstance(owner.func, cst.Attribute)
        and owner.func.attr.value == "setdefault"
        and len(owner.args) == 2
        and owner.args[1] is arg
    )


def _event_parameter(handler: Handler) -> str | None:
    """The name of the parameter the runtime passes the event to."""
    signature = handler.parameters
    parameters = [*signature.posonly_params, *signature.params] if signature is not None else []
    return parameters[0].name.value if parameters else None


def _a(noun: str) -> str:
    return f"an {noun}" if noun[0] in "aeiouAEIOU" and noun != "URL" else f"a {noun}"


def _evaluated_at_import(where: Where) -> bool:
    """The node is in the reached function's header, which runs with the ``def``."""
    while where.up is not None and where.up.up is not None:
        where = where.up
    # where.node is now the reached function's child that holds the node
    return any(where.node is part for part in _definition_time_parts(where.reached))


def _definition_time_parts(scope: Function) -> list[cst.CSTNode]:
    """What Python evaluates when it runs the ``def`` or ``lambda``, not when it calls it."""
    parts: list[cst.CSTNode] = [scope.params]
    if isinstance(scope, cst.FunctionDef):
        parts.extend(scope.decorators)
        if scope.returns is not None:
            parts.append(scope.returns)
    return parts


def _descendants(*roots: cst.CSTNode) -> Iterator[cst.CSTNode]:
    stack = list(roots)
    while stack:
        node = stack.pop()
        yield node
        stack.extend(live_children(node))


def _arguments_label(call: cst.Call, factory: str) -> str:
    """``("s3")`` for a client of a literal service, else ``()``."""
    if factory.rsplit(".", 1)[-1] in SERVICE_METHODS:
        for arg in call.args:
            if arg.keyword is None or arg.keyword.value == "service_name":
                service = string_value(arg.value) if arg.star == "" else None
                return f'("{service}")' if service is not None else "()"
    return "()"


def _credential_values(spread: cst.Dict) -> list[cst.BaseExpression] | None:
    """The credential values a ``**{...}`` literal passes; None if it spreads another dict."""
    values = []
    for element in spread.elements:
        if not isinstance(element, cst.DictElement):
            return None
        if string_value(element.key) in CREDENTIAL_KEYWORDS:
            values.append(element.value)
    return values


def _cache_get(
    expression: cst.BaseExpression,
) -> tuple[cst.BaseExpression, cst.BaseExpression] | None:
    """The key and the container of ``container.get(key, ...)``."""
    if (
        isinstance(expression, cst.Call)
        and isinstance(expression.func, cst.Attribute)
        and expression.func.attr.value == "get"
        and len(expression.args) >= 1
    ):
        return expression.args[0].value, expression.func.value
    return None


def _slot_code(module: cst.Module, expression: cst.BaseExpression) -> str:
    """``CACHE[key]`` for both ``CACHE[key]`` and ``CACHE.get(key)``; the source text otherwise."""
    cache_get = _cache_get(expression)
    if cache_get is not None:
        return _membership_code(module, *cache_get)
    if (
        isinstance(expression, cst.Subscript)
        and len(expression.slice) == 1
        and isinstance(expression.slice[0].slice, cst.Index)
    ):
        return _membership_code(module, expression.slice[0].slice.value, expression.value)
    return module.code_for_node(expression)


def _fills_when_empty(
    module: cst.Module, node: cst.CSTNode, child: cst.CSTNode, slots: set[str]
) -> bool:
    """``_s3 = _s3 or boto3.client("s3")``: the right side runs only while the slot is empty."""
    return (
        isinstance(node, cst.BooleanOperation)
        and isinstance(node.operator, cst.Or)
        and child is node.right
        and _slot_code(module, node.left) in slots
    )


def _slots_known(module: cst.Module, test: cst.BaseExpression, empty: bool) -> set[str]:
    """The slots that are empty (or, with ``empty=False``, filled) whenever ``test`` is true."""
    if isinstance(test, cst.UnaryOperation) and isinstance(test.operator, cst.Not):
        return _slots_known(module, test.expression, not empty)
    if isinstance(test, cst.BooleanOperation) and isinstance(test.operator, cst.And):
        return _slots_known(module, test.left, empty) | _slots_known(module, test.right, empty)
    if isinstance(test, cst.Comparison) and len(test.comparisons) == 1:
        comparison = test.comparisons[0]
        compares_to_none = (
            isinstance(comparison.comparator, cst.Name) and comparison.comparator.value == "None"
        )
        if compares_to_none and isinstance(
            comparison.operator, (cst.Is, cst.Equal) if empty else (cst.IsNot, cst.NotEqual)
        ):
            return {_slot_code(module, test.left)}
        if isinstance(comparison.operator, cst.NotIn if empty else cst.In):
            return {_membership_code(module, test.left, comparison.comparator)}
    if not empty and (
        isinstance(test, (cst.Name, cst.Attribute, cst.Subscript)) or _cache_get(test) is not None
    ):
        return {_slot_code(module, test)}
    return set()


def _membership_code(module: cst.Module, key: cst.BaseExpression, cache: cst.BaseExpression) -> str:
    return f"{module.code_for_node(cache)}[{module.code_for_node(key)}]"


def _module_names(statements: Sequence[cst.BaseStatement]) -> set[str]:
    """The names top-level statements bind, in their if and try blocks too, not inside the
    functions and classes they define: what exists at import once they have run."""
    names: set[str] = set()

    def visit(node: cst.CSTNode) -> bool:
        if isinstance(node, (cst.FunctionDef, cst.ClassDef)):
            names.add(node.name.value)
            return False
        if isinstance(node, cst.Assign):
            names.update(t.target.value for t in node.targets if isinstance(t.target, cst.Name))
        elif isinstance(node, (cst.AnnAssign, cst.AugAssign)) and isinstance(node.target, cst.Name):
            names.add(node.target.value)
        elif isinstance(node, (cst.Import, cst.ImportFrom)) and not isinstance(
            node.names, cst.ImportStar
        ):
            names.update(
                alias.evaluated_alias or alias.evaluated_name.split(".")[0] for alias in node.names
            )
        return True

    for statement in statements:
        walk(statement, visit)
    return names
