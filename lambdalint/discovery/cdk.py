"""Functions declared in AWS CDK apps written in Python, read from the syntax tree.

The app is never imported or run: ``aws_lambda.Function``, ``DockerImageFunction``,
``SingletonFunction`` and ``aws_lambda_python_alpha.PythonFunction`` calls are read with
libcst, import aliases resolved and names followed to single assignments in the module or
the enclosing function (``FileContext``). What cannot be read that way stays a
``Reference("python", source text)``, and a note says so.

Asset paths (``Code.from_asset("lambda")``, ``PythonFunction(entry=...)``) are relative to
the CDK process's working directory, which the CDK CLI sets to the folder of ``cdk.json``:
they are resolved from the nearest ``cdk.json`` above the stack file, else from the folder of
the app file (the one that creates ``App()``) above it, else from the stack file's folder.

Apps written in TypeScript or JavaScript are read by ``cdk_typescript``, which this source runs.

Triggers refer to their construct by its Python expression: ``SqsEventSource(self.queue)``
is ``Reference("python", "self.queue")``, and an environment value ``self.queue.queue_url``
names the same queue.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from lambdalint.data.s3_events import CDK_EVENT_TYPES
from lambdalint.discovery.cdk_constructs import (
    APP_CONSTRUCTION,
    EVENT_SOURCES,
    FIXED_NOTIFICATIONS,
    FUNCTION_CONSTRUCTS,
    FUNCTION_TRIGGERS,
    LAMBDA,
    LAMBDA_INTEGRATION,
    S3_EVENT_TYPE,
    asset_base,
    python_function,
    runtime_name,
    v2_name,
    with_event,
)
from lambdalint.discovery.declarations import declaration_files
from lambdalint.discovery.model import (
    DeployedFunction,
    Discovery,
    EventSource,
    Note,
    Reference,
    UnreadableFile,
    Value,
)
from lambdalint.files import read_bytes
from lambdalint.source import (
    Undecodable,
    decode,
    describe_syntax_error,
    libcst_module,
    nesting_rejected,
    too_complex,
    too_deep,
)

if TYPE_CHECKING:
    import libcst as cst

    from lambdalint.analysis import Scope

    Pending = list[tuple[cst.CSTNode, str]]  # notes about a function: the node and what it says

CURRENT_DIRECTORY = {"os.getcwd", "pathlib.Path.cwd"}
# A file can only resolve a name to a FUNCTION_CONSTRUCTS member by spelling its module.
LAMBDA_MODULE = b"aws_lambda"


def discover(root: Path, excluded: Sequence[str] = ()) -> Discovery:
    """Every Lambda function the CDK app files under root declare, in Python, then in
    TypeScript and JavaScript."""
    from lambdalint.discovery import cdk_typescript

    discovery = Discovery()
    sources: dict[Path, bytes] = {}
    other_languages: list[Path] = []  # one walk of the tree for both
    for path in declaration_files(root, (".py", *cdk_typescript.SUFFIXES), excluded):
        if path.suffix != ".py":
            other_languages.append(path)
            continue
        try:
            source = read_bytes(path, mentions=(b"aws_cdk",))
        except OSError as error:
            discovery.notes.append(UnreadableFile(path, 1, f"cannot read file: {error.strerror}"))
            continue
        if b"aws_cdk" in source:
            sources[path] = source
    app_folders = {
        path.resolve().parent for path, source in sources.items() if APP_CONSTRUCTION.search(source)
    }
    for path, source in sources.items():
        if LAMBDA_MODULE not in source:  # no function construct: every one is in aws_lambda*
            continue
        import libcst as cst  # only once a file mentions the CDK's Lambda modules

        rejected = nesting_rejected(source)
        if rejected is not None:  # before libcst, which crashes or takes gigabytes on such code
            line, _, message = rejected
            discovery.notes.append(UnreadableFile(path, line, message))
            continue
        text = decode(source)
        if isinstance(text, Undecodable):
            discovery.notes.append(UnreadableFile(path, text.line, text.message))
            continue
        deep = too_deep(text)
        if deep is not None:
            discovery.notes.append(
                Note(path, deep[0], f"{deep[1]}; its functions are not discovered")
            )
            continue
        try:
            module = libcst_module(text)
            discovery.functions.extend(_AppFile(path, module, text, app_folders).functions())
        except cst.ParserSyntaxError as error:
            discovery.notes.append(_syntax_error(path, text, error))
        except (RecursionError, MemoryError) as error:
            reason = too_complex(error)
            discovery.notes.append(Note(path, 1, f"{reason}; its functions are not discovered"))
    typescript = cdk_typescript.discover(root, other_languages)
    discovery.functions += typescript.functions
    discovery.notes += typescript.notes
    return discovery


def _syntax_error(path: Path, source: str, error: cst.ParserSyntaxError) -> Note:
    line, _, message, python_accepts = describe_syntax_error(source, error)
    return (Note if python_accepts else UnreadableFile)(path, line, message)


class _AppFile:
    """One CDK app file: its function constructs, then the calls that configure them."""

    def __init__(
        self, path: Path, module: cst.Module, text: str, app_folders: Collection[Path]
    ) -> None:
        from lambdalint.analysis import FileContext

        self.path = path
        self.module = module
        self.context: FileContext = FileContext(module, path, source=text)
        self.asset_base = asset_base(path, app_folders)
        self.declared: dict[int, DeployedFunction] = {}  # by id() of the construct call
        self.attributes: dict[tuple[int, str], cst.Call] = {}  # self.<name> per class

    def functions(self) -> list[DeployedFunction]:
        calls = list(self._calls())
        for call, scope, _ in calls:
            if self._qualified_name(call.func, scope) in FUNCTION_CONSTRUCTS:
                self.declared[id(call)] = self._function(call, scope)
        for call, scope, owner in calls:
            self._configure(call, scope, owner)
        return list(self.declared.values())

    def _calls(self) -> list[tuple[cst.Call, Scope, cst.ClassDef | None]]:
        """Every call with its enclosing function and class; records ``self.x = Function(...)``."""
        import libcst as cst

        from lambdalint.walk import walk

        found: list[tuple[cst.Call, Scope, cst.ClassDef | None]] = []
        scopes: list[Scope] = [self.module]
        classes: list[cst.ClassDef | None] = [None]

        def visit(node: cst.CSTNode) -> None:
            if isinstance(node, cst.ClassDef):
                classes.append(node)
            elif isinstance(node, cst.FunctionDef):
                # FileContext links only functions it visits to their enclosing scope, and it
                # skips class bodies: a stack's __init__ sees the module's imports.
                self.context._enclosing.setdefault(id(node), scopes[-1])
                scopes.append(node)
            elif isinstance(node, cst.Assign):
                for target in node.targets:
                    attribute = self._self_attribute(target.target)
                    if attribute is not None and isinstance(node.value, cst.Call):
                        self.attributes[(id(classes[-1]), attribute)] = node.value
            elif isinstance(node, cst.Call):
                found.append((node, scopes[-1], classes[-1]))

        def leave(node: cst.CSTNode) -> None:
            if isinstance(node, cst.ClassDef):
                classes.pop()
            elif isinstance(node, cst.FunctionDef):
                scopes.pop()

        walk(self.module, visit, leave)
        return found

    @staticmethod
    def _self_attribute(expression: cst.BaseExpression) -> str | None:
        import libcst as cst

        if (
            isinstance(expression, cst.Attribute)
            and isinstance(expression.value, cst.Name)
            and expression.value.value == "self"
        ):
            return expression.attr.value
        return None

    # -- reading values ---------------------------------------------------------------------------

    def _source(self, node: cst.CSTNode) -> str:
        return self.module.code_for_node(node)

    def _string(self, expression: cst.BaseExpression, scope: Scope) -> str | None:
        from lambdalint.constants import string_value

        return string_value(self.context.follow(expression, scope)[0])

    def _value(self, expression: cst.BaseExpression, scope: Scope) -> Value:
        text = self._string(expression, scope)
        return text if text is not None else Reference("python", self._source(expression))

    def _qualified_name(self, expression: cst.BaseExpression, scope: Scope) -> str | None:
        """The imported name an expression refers to, CDK v1 module names as v2's."""
        name = self.context.qualified_name(expression, scope)
        return v2_name(name) if name is not None else None

    def _path(self, expression: cst.BaseExpression, scope: Scope) -> Path | None:
        """A path the app computes from literals, ``__file__``, ``os.path`` and ``pathlib``."""
        import libcst as cst

        from lambdalint.constants import argument

        expression, scope = self.context.follow(expression, scope)
        text = self._string(expression, scope)
        if text is not None:
            return self.asset_base / text
        if isinstance(expression, cst.Name) and expression.value == "__file__":
            return self.path.resolve()
        if isinstance(expression, cst.Attribute) and expression.attr.value == "parent":
            inner = self._path(expression.value, scope)
            return inner.parent if inner is not None else None
        if isinstance(expression, cst.BinaryOperation) and isinstance(
            expression.operator, cst.Divide
        ):
            inner, part = self._path(expression.left, scope), self._string(expression.right, scope)
            return inner / part if inner is not None and part is not None else None
        if not isinstance(expression, cst.Call):
            return None
        name = self._qualified_name(expression.func, scope)
        first = argument(expression, 0)
        if name in CURRENT_DIRECTORY:  # the CDK CLI runs the app in the folder of cdk.json
            return self.asset_base
        if (
            name
            in (
                "builtins.str",
                "os.fspath",
                "os.path.abspath",
                "os.path.realpath",
                "os.path.normpath",
                "pathlib.Path",
                "pathlib.PurePath",
            )
            and first is not None
        ):
            return self._path(first, scope)
        if name == "os.path.dirname" and first is not None:
            inner = self._path(first, scope)
            return inner.parent if inner is not None else None
        receiver, method = (
            (expression.func.value, expression.func.attr.value)
            if isinstance(expression.func, cst.Attribute)
            else (None, None)
        )
        if method in ("resolve", "absolute") and receiver is not None:
            return self._path(receiver, scope)
        if name == "os.path.join" and first is not None:
            return self._joined(self._path(first, scope), expression.args[1:], scope)
        if method == "joinpath" and receiver is not None:
            base = self._path(receiver, scope)
            return self._joined(base, expression.args, scope)
        return None

    def _joined(self, base: Path | None, parts: Sequence[cst.Arg], scope: Scope) -> Path | None:
        for part in parts:
            text = self._string(part.value, scope) if not part.star else None
            if base is None or text is None:
                return None
            base = base / text
        return base

    def _unreadable(self, notes: Pending, what: str, node: cst.CSTNode) -> None:
        notes.append((node, f"{what} {self._source(node)} cannot be read without running the app"))

    def _noted(self, function: DeployedFunction, notes: Pending) -> DeployedFunction:
        return replace(
            function,
            notes=(
                *function.notes,
                *(
                    Note(self.path, self.context.line_of(node), f"{function.name}: {message}")
                    for node, message in notes
                ),
            ),
        )

    def _member(self, expression: cst.BaseExpression, scope: Scope, prefix: str) -> str | None:
        """``PYTHON_3_12`` for ``_lambda.Runtime.PYTHON_3_12`` when prefix is the Runtime class."""
        name = self._qualified_name(*self.context.follow(expression, scope))
        return name[len(prefix) :] if name is not None and name.startswith(prefix) else None

    # -- the function construct -------------------------------------------------------------------

    def _function(self, call: cst.Call, scope: Scope) -> DeployedFunction:
        from lambdalint.constants import argument

        construct = self._qualified_name(call.func, scope) or ""
        identifier = argument(call, 1, "id")
        name = self._value(identifier, scope) if identifier is not None else "?"
        handler_argument = argument(call, None, "handler")
        function = DeployedFunction(
            name=name if isinstance(name, str) else name.target,
            source="cdk",
            declared_in=self.path,
            line=self.context.line_of(handler_argument if handler_argument is not None else call),
        )
        notes: Pending = []
        keywords = {arg.keyword.value: arg.value for arg in call.args if arg.keyword is not None}
        if "runtime" in keywords:
            function = replace(function, runtime=self._runtime(keywords["runtime"], scope, notes))
        if construct.endswith(".PythonFunction"):
            function = self._python_function(function, keywords, scope, notes)
        elif construct.endswith(".DockerImageFunction"):
            function = self._image(
                replace(function, package_type="Image"), keywords.get("code"), scope, notes
            )
        else:
            function = self._code(function, keywords, scope, notes)
        if "environment" in keywords:
            environment = self._environment(keywords["environment"], scope, notes)
            function = replace(function, environment=environment)
        if "recursive_loop" in keywords:
            loop = self._member(keywords["recursive_loop"], scope, LAMBDA + "RecursiveLoop.")
            function = replace(function, allows_recursion=loop == "ALLOW")
        events = self.context.follow(keywords["events"], scope)[0] if "events" in keywords else None
        for element in getattr(events, "elements", ()):
            function = with_event(function, self._event_source(element.value, scope, notes))
        return self._noted(function, notes)

    def _runtime(self, expression: cst.BaseExpression, scope: Scope, notes: Pending) -> str | None:
        import libcst as cst

        from lambdalint.constants import argument

        constant = self._member(expression, scope, LAMBDA + "Runtime.")
        if constant is not None and "." not in constant:
            return runtime_name(constant)
        followed = self.context.follow(expression, scope)[0]
        if (
            isinstance(followed, cst.Call)
            and argument(followed, 0, "name") is not None
            and self._qualified_name(followed.func, scope) == LAMBDA + "Runtime"
        ):
            name = self._string(argument(followed, 0, "name"), scope)  # type: ignore[arg-type]
            if name is not None:
                return name
        self._unreadable(notes, "runtime", expression)
        return None

    def _code(
        self,
        function: DeployedFunction,
        keywords: dict[str, cst.BaseExpression],
        scope: Scope,
        notes: Pending,
    ) -> DeployedFunction:
        handler = keywords.get("handler")
        from_image = (
            handler is not None
            and self._member(handler, scope, LAMBDA + "Handler.") == "FROM_IMAGE"
        )
        if from_image:
            return self._image(
                replace(function, package_type="Image"), keywords.get("code"), scope, notes
            )
        if handler is not None:
            function = replace(function, handler=self._string(handler, scope))
            if function.handler is None:
                self._unreadable(notes, "handler", handler)
        if "code" not in keywords:
            return function
        return self._code_source(function, keywords["code"], scope, notes)

    def _code_source(
        self,
        function: DeployedFunction,
        expression: cst.BaseExpression,
        scope: Scope,
        notes: Pending,
    ) -> DeployedFunction:
        """What ``code=`` holds: ``Code.from_asset(dir)``, ``from_inline``, an image or S3."""
        import libcst as cst

        from lambdalint.constants import argument

        code = self.context.follow(expression, scope)[0]
        if not isinstance(code, cst.Call):
            self._unreadable(notes, "code", expression)
            return function
        factory = self._member(code.func, scope, LAMBDA + "Code.")
        if factory in ("from_asset_image", "from_ecr_image"):
            return replace(function, package_type="Image")
        if factory in ("from_bucket", "from_bucket_v2", "from_cfn_parameters"):
            notes.append(
                (code, (f"code comes from {self._source(code)}, not from local files; not checked"))
            )
            return function
        inline = argument(code, 0, "code") if factory == "from_inline" else None
        inline_code = self._string(inline, scope) if inline is not None else None
        if inline_code is not None:
            return replace(function, inline_code=inline_code)
        asset = argument(code, 0, "path") if factory == "from_asset" else None
        code_root = self._path(asset, scope) if asset is not None else None
        if code_root is not None:
            return replace(function, code_root=code_root.resolve())
        self._unreadable(notes, "code", expression)
        return function

    def _python_function(
        self,
        function: DeployedFunction,
        keywords: dict[str, cst.BaseExpression],
        scope: Scope,
        notes: Pending,
    ) -> DeployedFunction:
        return python_function(
            function,
            keywords,
            lambda node: self._string(node, scope),
            lambda node: self._path(node, scope),
            lambda what, node: self._unreadable(notes, what, node),
            lambda node, message: notes.append((node, message)),
        )

    def _image(
        self,
        function: DeployedFunction,
        expression: cst.BaseExpression | None,
        scope: Scope,
        notes: Pending,
    ) -> DeployedFunction:
        """``code=DockerImageCode.from_image_asset(directory, cmd=, entrypoint=, file=, ...)``
        or ``Code.from_asset_image(...)``: the handler and code the asset's Dockerfile (or
        ``cmd``) gives the function; any other image (``from_ecr``) is not checked."""
        import libcst as cst

        from lambdalint.constants import argument
        from lambdalint.discovery.dockerfile import DEFAULT_DOCKERFILE, image_function

        code = self.context.follow(expression, scope)[0] if expression is not None else None
        if not isinstance(code, cst.Call) or (
            self._member(code.func, scope, LAMBDA + "DockerImageCode.") != "from_image_asset"
            and self._member(code.func, scope, LAMBDA + "Code.") != "from_asset_image"
        ):
            return function
        directory = argument(code, 0, "directory")
        folder = self._path(directory, scope) if directory is not None else None
        file = argument(code, None, "file")
        dockerfile = self._string(file, scope) if file is not None else DEFAULT_DOCKERFILE
        if folder is None or dockerfile is None:
            self._unreadable(notes, "image asset", code)
            return function
        options = {
            key: argument(code, None, key) for key in ("cmd", "entrypoint", "working_directory")
        }
        words = {
            key: self._strings(value, scope) if value is not None else None
            for key, value in options.items()
            if key != "working_directory"
        }
        for key, value in words.items():
            if options[key] is not None and value is None:
                self._unreadable(notes, key, options[key])  # type: ignore[arg-type]
                return function
        working_directory = options["working_directory"]
        build_args = argument(code, None, "build_args")
        arguments = self._environment(build_args, scope, []) if build_args is not None else {}
        return image_function(
            function,
            folder / dockerfile,
            folder,
            None,
            self.context.line_of(options["cmd"] or code),
            words["cmd"],
            words["entrypoint"],
            self._string(working_directory, scope) if working_directory is not None else None,
            {key: value for key, value in arguments.items() if isinstance(value, str)},
        )

    def _strings(self, expression: cst.BaseExpression, scope: Scope) -> list[str] | None:
        """A list of string literals (or names of them), or None."""
        followed = self.context.follow(expression, scope)[0]
        strings = [self._string(element, scope) for element in self._elements(followed, scope)]
        return (
            [text for text in strings if text is not None]
            if strings and None not in strings
            else None
        )

    def _environment(
        self, expression: cst.BaseExpression, scope: Scope, notes: Pending
    ) -> dict[str, Value]:
        import libcst as cst

        followed = self.context.follow(expression, scope)[0]
        environment: dict[str, Value] = {}
        for element in followed.elements if isinstance(followed, cst.Dict) else ():
            key = self._string(element.key, scope) if isinstance(element, cst.DictElement) else None
            if key is None:
                self._unreadable(notes, "environment entry", element)
                continue
            environment[key] = self._value(element.value, scope)
        if not isinstance(followed, cst.Dict):
            self._unreadable(notes, "environment", expression)
        return environment

    # -- calls that configure a function ----------------------------------------------------------

    def _function_of(
        self, expression: cst.BaseExpression, scope: Scope, owner: cst.ClassDef | None
    ) -> int | None:
        """The key of the function construct an expression refers to, if it is one read here."""
        attribute = self._self_attribute(expression)
        if attribute is not None:
            call = self.attributes.get((id(owner), attribute))
            key = id(call) if call is not None else None
        else:
            key = id(self.context.follow(expression, scope)[0])
        return key if key in self.declared else None

    def _configure(self, call: cst.Call, scope: Scope, owner: cst.ClassDef | None) -> None:
        """What configures a function after the fact: ``fn.add_event_source(source)``,
        ``fn.add_environment(key, value)``, ``LambdaRestApi(handler=fn)``..."""
        import libcst as cst

        from lambdalint.constants import argument

        trigger = FUNCTION_TRIGGERS.get(self._qualified_name(call.func, scope) or "")
        if trigger is not None:
            event, position, keyword = trigger
            target = argument(call, position, keyword)
            key = self._function_of(target, scope, owner) if target is not None else None
            if key is not None and event == "Api" and not self._proxy_integration(call, scope):
                event = "ApiNonProxy"
            if key is not None:
                self.declared[key] = with_event(self.declared[key], EventSource(event))
            return
        if not isinstance(call.func, cst.Attribute):
            return
        method, receiver = call.func.attr.value, call.func.value
        if method in (
            "add_event_notification",
            "add_object_created_notification",
            "add_object_removed_notification",
            "add_subscription",
        ):
            self._subscribe(call, method, receiver, scope, owner)
            return
        key = self._function_of(receiver, scope, owner)
        if key is None:
            return
        function = self.declared[key]
        notes: Pending = []
        source = argument(call, 0, "source")
        if method == "add_event_source" and source is not None:
            function = with_event(function, self._event_source(source, scope, notes))
        elif method == "add_function_url":
            function = with_event(function, EventSource("FunctionUrl"))
        elif method == "add_environment":
            name, value = argument(call, 0, "key"), argument(call, 1, "value")
            key_text = self._string(name, scope) if name is not None else None
            if key_text is not None and value is not None:
                function = replace(
                    function,
                    environment={**function.environment, key_text: self._value(value, scope)},
                )
            else:
                self._unreadable(notes, "environment entry", call)
        self.declared[key] = self._noted(function, notes)

    def _proxy_integration(self, call: cst.Call, scope: Scope) -> bool:
        """Whether a REST API integration is surely a Lambda proxy: ``proxy`` left out or
        True on a ``LambdaIntegration``, or in ``LambdaRestApi``'s ``integration_options``."""
        import libcst as cst

        from lambdalint.constants import argument

        if self._qualified_name(call.func, scope) == LAMBDA_INTEGRATION:
            options: cst.BaseExpression | None = call
        else:
            options = argument(call, None, "integration_options")
        if options is None:
            return True
        options = self.context.follow(options, scope)[0]
        if not isinstance(options, cst.Call):
            return False  # options lambdalint cannot read may turn the proxy off
        proxy = argument(options, None, "proxy")
        if proxy is None:
            return True
        value = self.context.follow(proxy, scope)[0]
        return isinstance(value, cst.Name) and value.value == "True"

    def _subscribe(
        self,
        call: cst.Call,
        method: str,
        receiver: cst.BaseExpression,
        scope: Scope,
        owner: cst.ClassDef | None,
    ) -> None:
        """``bucket.add_event_notification(type, LambdaDestination(fn), filter)``, and
        ``topic.add_subscription(LambdaSubscription(fn))``."""
        import libcst as cst

        destinations = {"add_subscription": "aws_cdk.aws_sns_subscriptions.LambdaSubscription"}
        expected = destinations.get(method, "aws_cdk.aws_s3_notifications.LambdaDestination")
        arguments = [self.context.follow(arg.value, scope)[0] for arg in call.args if not arg.star]
        for position, destination in enumerate(arguments):
            if not (
                isinstance(destination, cst.Call)
                and destination.args
                and self._qualified_name(destination.func, scope) == expected
            ):
                continue
            key = self._function_of(destination.args[0].value, scope, owner)
            if key is None:
                return
            resource = Reference("python", self._source(receiver))
            if method == "add_subscription":
                event = EventSource("SNS", resource)
            else:
                names = FIXED_NOTIFICATIONS.get(method) or self._s3_event_names(
                    arguments[:position], scope
                )
                event = self._filtered(
                    EventSource("S3", resource, s3_events=names), arguments[position + 1 :], scope
                )
            self.declared[key] = with_event(self.declared[key], event)
            return

    def _event_source(
        self, expression: cst.BaseExpression, scope: Scope, notes: Pending
    ) -> EventSource | None:
        import libcst as cst

        from lambdalint.constants import argument

        source = self.context.follow(expression, scope)[0]
        name = (
            self._qualified_name(source.func, scope) if isinstance(source, cst.Call) else None
        ) or ""
        kind = EVENT_SOURCES.get(name.rpartition(".")[2])
        if kind is None or not name.startswith("aws_cdk.aws_lambda_event_sources."):
            self._unreadable(notes, "event source", expression)
            return None
        target = argument(source, 0) if kind != "Api" else None  # type: ignore[arg-type]
        resource = Reference("python", self._source(target)) if target is not None else None
        event = EventSource(kind, resource)
        if isinstance(source, cst.Call) and kind == "S3":
            names = self._s3_event_names(
                self._elements(argument(source, None, "events"), scope), scope
            )
            filters = self._elements(argument(source, None, "filters"), scope)
            event = self._filtered(replace(event, s3_events=names), filters, scope)
        return event

    def _elements(
        self, expression: cst.BaseExpression | None, scope: Scope
    ) -> list[cst.BaseExpression]:
        """The elements of a list or tuple argument, followed through a name."""
        followed = self.context.follow(expression, scope)[0] if expression is not None else None
        return [element.value for element in getattr(followed, "elements", ())]

    def _s3_event_names(
        self, expressions: Sequence[cst.BaseExpression], scope: Scope
    ) -> tuple[str, ...]:
        """The S3 names of ``s3.EventType`` members; () unless every one is read."""
        names = [
            CDK_EVENT_TYPES.get(self._member(expression, scope, S3_EVENT_TYPE) or "")
            for expression in expressions
        ]
        return tuple(name for name in names if name) if names and all(names) else ()

    def _filtered(
        self, event: EventSource, filters: Sequence[cst.BaseExpression], scope: Scope
    ) -> EventSource:
        """S3 key filters: ``s3.NotificationKeyFilter(prefix=..., suffix=...)``."""
        import libcst as cst

        from lambdalint.constants import argument

        for expression in filters:
            key_filter = self.context.follow(expression, scope)[0]
            if not (
                isinstance(key_filter, cst.Call)
                and self._qualified_name(key_filter.func, scope)
                == "aws_cdk.aws_s3.NotificationKeyFilter"
            ):
                continue
            prefix, suffix = (argument(key_filter, None, part) for part in ("prefix", "suffix"))
            prefix_text = self._string(prefix, scope) if prefix is not None else None
            suffix_text = self._string(suffix, scope) if suffix is not None else None
            event = replace(
                event,
                prefix=event.prefix if prefix_text is None else prefix_text,
                suffix=event.suffix if suffix_text is None else suffix_text,
            )
        return event
