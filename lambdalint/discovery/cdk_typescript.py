"""Functions declared in AWS CDK apps written in TypeScript or JavaScript, read with tree-sitter.

The app is never run (no node, no ts-node). ``new lambda.Function(...)``,
``SingletonFunction``, ``DockerImageFunction`` and ``PythonFunction`` are found by the
qualified name their constructor resolves to through the file's imports (``import * as``,
named imports, ``require``), spelled as the Python CDK spells it (``aws-cdk-lib/aws-lambda``
is ``aws_cdk.aws_lambda``, ``fromAsset`` is ``from_asset``), so one set of tables in ``cdk``
describes both languages. Names are followed to their one ``const``/``let``/``var``
declaration in the file; what cannot be read that way stays a ``Reference("typescript",
source text)`` and a note says so.

Paths: ``path.join(__dirname, ...)`` is relative to the file's own folder; a bare
``Code.fromAsset("lambda")`` to the CDK process's working directory (``cdk.asset_base``).
``Code.fromInline(fs.readFileSync(file))`` deploys that file as module ``index``: it is
checked as the file itself. An image built from a local asset (``DockerImageCode.fromImageAsset``,
``Code.fromAssetImage``) is read from its Dockerfile by ``dockerfile``, as in Python apps.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import replace
from functools import cache
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

if TYPE_CHECKING:
    from tree_sitter import Node, Parser

    Pending = list[tuple[Node, str]]  # notes about a function: the node and what it says

SUFFIXES = (".ts", ".mts", ".cts", ".js", ".mjs", ".cjs")
# The CDK's packages, v2 and v1; a Node handler's own ``from "aws-lambda"`` (its types) is not.
CDK_MENTIONS = (b"aws-cdk-lib", b"@aws-cdk/")
TEST_FILE = re.compile(r".*\.(test|spec)\.[cm]?[jt]s|.*\.d\.[cm]?ts")
TEST_FOLDERS = {"test", "tests", "__tests__"}
# Wrappers that leave the value alone: (x), x as T, x satisfies T, x!, <T>x.
TRANSPARENT = {
    "parenthesized_expression",
    "as_expression",
    "satisfies_expression",
    "non_null_expression",
    "type_assertion",
}
ESCAPES = {
    "n": "\n",
    "t": "\t",
    "r": "\r",
    "b": "\b",
    "f": "\f",
    "v": "\v",
    "0": "\0",
    "\\": "\\",
    "'": "'",
    '"': '"',
    "`": "`",
    "$": "$",
    "\n": "",
}
MAX_FOLLOW = 20  # names followed through other names, at most: a cycle stops here
INLINE_MODULE = "index"


def discover(root: Path, paths: Iterable[Path]) -> Discovery:
    """Every Lambda function the TypeScript and JavaScript CDK app files among paths (the
    files with ``SUFFIXES`` under root that ``cdk`` walks) declare."""
    discovery = Discovery()
    sources: dict[Path, bytes] = {}
    for path in paths:
        if _is_test(path, root):
            continue
        try:
            source = read_bytes(path, mentions=CDK_MENTIONS)
        except OSError as error:
            discovery.notes.append(UnreadableFile(path, 1, f"cannot read file: {error.strerror}"))
            continue
        if any(mention in source for mention in CDK_MENTIONS):
            sources[path] = source
    if not sources:
        return discovery
    app_folders = {
        path.resolve().parent for path, source in sources.items() if APP_CONSTRUCTION.search(source)
    }
    for path, source in sources.items():
        app = _AppFile(path, source, app_folders)
        discovery.functions.extend(app.functions())
        discovery.notes.extend(app.notes)
    return discovery


def _is_test(path: Path, root: Path) -> bool:
    """Tests build apps of their own (``new App()`` in ``test/``); they deploy nothing."""
    try:
        folders = path.resolve().relative_to(root.resolve()).parts[:-1]
    except ValueError:
        folders = ()
    return bool(TEST_FILE.fullmatch(path.name) or TEST_FOLDERS.intersection(folders))


@cache
def _parser(typescript: bool) -> Parser:
    from tree_sitter import Language, Parser

    if typescript:
        import tree_sitter_typescript

        return Parser(Language(tree_sitter_typescript.language_typescript()))
    import tree_sitter_javascript

    return Parser(Language(tree_sitter_javascript.language()))


def _snake(name: str) -> str:
    """jsii's naming: ``fromAsset`` is Python's ``from_asset``; ``PYTHON_3_12`` stays."""
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name).lower() if name != name.upper() else name


def _python_module(specifier: str) -> str | None:
    """The Python CDK module an npm module specifier names: ``aws-cdk-lib/aws-lambda`` ->
    ``aws_cdk.aws_lambda``; CDK v1's ``@aws-cdk/aws-lambda`` and ``@aws-cdk/core`` too."""
    specifier = specifier.removeprefix("node:")
    if specifier in ("path", "fs"):
        return specifier
    if specifier in ("aws-cdk-lib", "@aws-cdk/core"):
        return "aws_cdk"
    for prefix in ("aws-cdk-lib/", "@aws-cdk/"):
        if specifier.startswith(prefix):
            return v2_name("aws_cdk." + specifier[len(prefix) :].replace("-", "_"))
    return None


_Key = tuple[int, int, str]  # a node's identity: its bytes and its type


def _key(node: Node) -> _Key:
    return node.start_byte, node.end_byte, node.type


class _AppFile:
    """One CDK app file: its function constructs, then the calls that configure them."""

    def __init__(self, path: Path, source: bytes, app_folders: Collection[Path]) -> None:
        self.path = path
        self.source = source
        typescript = not path.suffix.endswith("js")
        self.tree = _parser(typescript).parse(source)
        self.asset_base = asset_base(path, app_folders)
        self.notes: list[Note] = []
        self.imports: dict[str, str] = {}  # local name -> qualified name
        self.bindings: dict[str, list[Node | None]] = {}  # name -> values declared for it
        self.reassigned: set[str] = set()
        self.attributes: dict[tuple[_Key | None, str], Node] = {}  # this.<name> per class
        self.declared: dict[_Key, DeployedFunction] = {}
        if self.tree.root_node.has_error and b"Function" in source:  # may declare one
            self.notes.append(
                Note(
                    path,
                    self._line(self._first_error()),
                    "the file has syntax"
                    " lambdalint's parser does not read; functions declared"
                    " there may be missed",
                )
            )

    def _first_error(self) -> Node:
        stack = [self.tree.root_node]
        while stack:
            node = stack.pop()
            if node.type == "ERROR" or node.is_missing:
                return node
            stack.extend(reversed([child for child in node.children if child.has_error]))
        return self.tree.root_node

    def functions(self) -> list[DeployedFunction]:
        calls = list(self._walk())
        for call, _ in calls:
            if (
                call.type == "new_expression"
                and self._qualified(call.child_by_field_name("constructor")) in FUNCTION_CONSTRUCTS
            ):
                self.declared[_key(call)] = self._function(call)
        for call, owner in calls:
            self._configure(call, owner)
        return list(self.declared.values())

    def _walk(self) -> Iterator[tuple[Node, _Key | None]]:
        """Every call and ``new`` with its enclosing class; records imports and declarations."""
        stack: list[tuple[Node, _Key | None]] = [(self.tree.root_node, None)]
        while stack:
            node, owner = stack.pop()
            kind = node.type
            if kind in ("class_declaration", "class", "abstract_class_declaration"):
                owner = _key(node)
            elif kind == "import_statement":
                self._import(node)
            elif kind == "variable_declarator":
                self._declare(node)
            elif kind in ("required_parameter", "optional_parameter"):
                self._bind(node.child_by_field_name("pattern"), None)
            elif kind == "formal_parameters":
                for parameter in node.named_children:
                    if parameter.type == "identifier":  # JavaScript's plain parameters
                        self._bind(parameter, None)
            elif kind == "assignment_expression":
                self._assign(node, owner)
            elif kind == "public_field_definition":  # class field: readonly fn = new Function()
                name, value = node.child_by_field_name("name"), node.child_by_field_name("value")
                if name is not None and value is not None:
                    self.attributes[(owner, self._text(name))] = value
            elif kind in ("call_expression", "new_expression"):
                yield node, owner
            stack.extend((child, owner) for child in reversed(node.named_children))

    def _bind(self, name: Node | None, value: Node | None) -> None:
        if name is not None and name.type == "identifier":
            self.bindings.setdefault(self._text(name), []).append(value)

    def _import(self, node: Node) -> None:
        clause = next(
            (
                child
                for child in node.named_children
                if child.type in ("import_clause", "import_require_clause")
            ),
            None,
        )
        source = node.child_by_field_name("source") or (
            clause.child_by_field_name("source") if clause is not None else None
        )
        module = self._string(source) if source is not None else None
        qualified = _python_module(module) if module is not None else None
        if clause is None or qualified is None:
            return
        for part in clause.named_children:
            if part.type == "identifier":  # import x from 'm', import x = require('m')
                self.imports[self._text(part)] = qualified
            elif part.type == "namespace_import":
                self.imports[self._text(part.named_children[-1])] = qualified
            elif part.type == "named_imports":
                for specifier in part.named_children:
                    name = specifier.child_by_field_name("name")
                    alias = specifier.child_by_field_name("alias") or name
                    if name is not None and alias is not None:
                        self.imports[self._text(alias)] = f"{qualified}.{self._text(name)}"

    def _declare(self, node: Node) -> None:
        name, value = node.child_by_field_name("name"), node.child_by_field_name("value")
        if name is not None and name.type == "object_pattern":  # const { Function } = require()
            module = self._qualified(value) if value is not None else None
            for part in name.named_children:
                if part.type == "shorthand_property_identifier_pattern" and module is not None:
                    self.imports[self._text(part)] = f"{module}.{self._text(part)}"
                elif part.type == "pair_pattern" and module is not None:
                    key, local = part.child_by_field_name("key"), part.child_by_field_name("value")
                    if key is not None and local is not None and local.type == "identifier":
                        self.imports[self._text(local)] = f"{module}.{self._text(key)}"
            return
        self._bind(name, value)

    def _assign(self, node: Node, owner: _Key | None) -> None:
        left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
        if left is None or right is None:
            return
        if left.type == "identifier":
            self.reassigned.add(self._text(left))
        attribute = self._this_attribute(left)
        if attribute is not None:
            self.attributes[(owner, attribute)] = right

    def _this_attribute(self, node: Node) -> str | None:
        node = self._unwrapped(node)
        if node.type == "member_expression":
            receiver, attribute = (
                node.child_by_field_name("object"),
                node.child_by_field_name("property"),
            )
            if receiver is not None and attribute is not None and receiver.type == "this":
                return self._text(attribute)
        return None

    # -- reading values ---------------------------------------------------------------------------

    def _text(self, node: Node | None) -> str:
        if node is None:
            return ""
        return self.source[node.start_byte : node.end_byte].decode("utf-8", "replace")

    @staticmethod
    def _line(node: Node) -> int:
        return node.start_point[0] + 1

    def _unwrapped(self, node: Node) -> Node:
        while node.type in TRANSPARENT and node.named_children:
            node = node.named_children[0]
        return node

    def _follow(self, node: Node) -> Node:
        """The value a name stands for, when the file declares it once and never reassigns it."""
        for _ in range(MAX_FOLLOW):
            node = self._unwrapped(node)
            if node.type not in ("identifier", "shorthand_property_identifier"):
                return node
            name = self._text(node)
            values = self.bindings.get(name, [])
            if len(values) != 1 or values[0] is None or name in self.reassigned:
                return node
            node = values[0]
        return node

    def _qualified(self, node: Node | None) -> str | None:
        """``aws_cdk.aws_lambda.Runtime.PYTHON_3_12`` for ``lambda.Runtime.PYTHON_3_12``."""
        for _ in range(MAX_FOLLOW):
            if node is None:
                return None
            node = self._unwrapped(node)
            if node.type == "identifier":
                name = self._text(node)
                if name in self.imports and name not in self.bindings:
                    return self.imports[name]
                followed = self._follow(node)
                if followed == node:
                    return None
                node = followed
            elif node.type == "member_expression":
                owner = self._qualified(node.child_by_field_name("object"))
                attribute = node.child_by_field_name("property")
                return f"{owner}.{self._text(attribute)}" if owner and attribute else None
            elif (
                node.type == "call_expression"
                and self._text(node.child_by_field_name("function")) == "require"
            ):
                argument = self._argument(node, 0)
                module = self._string(argument) if argument is not None else None
                return _python_module(module) if module is not None else None
            else:
                return None
        return None

    def _string(self, node: Node | None) -> str | None:
        """A string literal, a template literal whose parts are strings, or ``a + b``."""
        if node is None:
            return None
        node = self._follow(node)
        if node.type in ("string", "template_string"):
            return self._joined(node.named_children)
        if (
            node.type == "binary_expression"
            and self._text(node.child_by_field_name("operator")) == "+"
        ):
            left = self._string(node.child_by_field_name("left"))
            right = self._string(node.child_by_field_name("right"))
            return left + right if left is not None and right is not None else None
        return None

    def _value(self, node: Node) -> Value:
        text = self._string(node)
        return text if text is not None else Reference("typescript", self._text(node))

    def _path(self, node: Node) -> Path | None:
        """A path the app computes from literals, ``__dirname``, ``path.join``/``resolve``."""
        node = self._follow(node)
        text = self._string(node)
        if text is not None:
            return self.asset_base / text
        if node.type == "identifier" and self._text(node) in ("__dirname", "__filename"):
            folder = self.path.resolve().parent
            return folder if self._text(node) == "__dirname" else self.path.resolve()
        if node.type == "template_string":  # `${__dirname}/../lambda`
            substitutions = [
                child for child in node.named_children if child.type == "template_substitution"
            ]
            first = node.named_children[0] if node.named_children else None
            if substitutions and first is not None and first == substitutions[0]:
                base = self._path(first.named_children[0]) if first.named_children else None
                rest = self._string_after(node, first)
                return base / rest.lstrip("/") if base is not None and rest is not None else None
            return None
        if node.type != "call_expression":
            return None
        function = self._qualified(node.child_by_field_name("function"))
        arguments = self._arguments(node)
        if function in ("path.join", "path.resolve", "path.normalize") and arguments:
            base = self._path(arguments[0])
            for part in arguments[1:]:
                text = self._string(part)
                if base is None or text is None:
                    return None
                base = base / (text.lstrip("/") if function == "path.join" else text)
            return base
        if function == "path.dirname" and arguments:
            inner = self._path(arguments[0])
            return inner.parent if inner is not None else None
        return None

    def _string_after(self, template: Node, first: Node) -> str | None:
        """The text of a template literal after its first substitution."""
        return self._joined([child for child in template.named_children if child != first])

    def _joined(self, parts: Sequence[Node]) -> str | None:
        """The text of a string's or template literal's parts, when each one is known."""
        texts = []
        for child in parts:
            if child.type == "string_fragment":
                texts.append(self._text(child))
            elif child.type == "escape_sequence":
                escaped = self._text(child)[1:]
                if escaped not in ESCAPES:
                    return None
                texts.append(ESCAPES[escaped])
            elif child.type == "template_substitution" and child.named_children:
                part = self._string(child.named_children[0])
                if part is None:
                    return None
                texts.append(part)
            else:
                return None
        return "".join(texts)

    def _arguments(self, call: Node) -> list[Node]:
        arguments = call.child_by_field_name("arguments")
        return (
            []
            if arguments is None
            else [child for child in arguments.named_children if child.type != "comment"]
        )

    def _argument(
        self, call: Node, position: int | None, keyword: str | None = None
    ) -> Node | None:
        """An argument at a position, or the ``keyword`` (Python's spelling) of an object
        argument: ``new Function(this, "Id", { recursiveLoop })`` has ``recursive_loop``."""
        arguments = self._arguments(call)
        if any(argument.type == "spread_element" for argument in arguments):
            return None
        if position is not None and position < len(arguments):
            return arguments[position]
        if keyword is None:
            return None
        for argument in arguments:
            value = self._properties(argument).get(keyword)
            if value is not None:
                return value
        return None

    def _properties(self, node: Node, depth: int = 0) -> dict[str, Node]:
        """An object literal's properties by their Python name, with those of the objects it
        spreads (``{ ...common, handler }``) when they are literals too; {} for anything else."""
        node = self._follow(node)
        properties: dict[str, Node] = {}
        for child in node.named_children if node.type == "object" else ():
            if child.type == "spread_element" and child.named_children and depth < MAX_FOLLOW:
                properties.update(self._properties(child.named_children[0], depth + 1))
            elif child.type == "pair":
                key, value = child.child_by_field_name("key"), child.child_by_field_name("value")
                name = self._property_name(key) if key is not None else None
                if name is not None and value is not None:
                    properties[_snake(name)] = value
            elif child.type == "shorthand_property_identifier":
                properties[_snake(self._text(child))] = child
        return properties

    def _opaque_spreads(self, node: Node, depth: int = 0) -> list[Node]:
        """The spreads of an object literal that are not literals: any property may hide there."""
        node = self._follow(node)
        found: list[Node] = []
        for child in node.named_children if node.type == "object" and depth < MAX_FOLLOW else ():
            if child.type == "spread_element":
                spread = self._follow(child.named_children[0]) if child.named_children else child
                found += (
                    self._opaque_spreads(spread, depth + 1) if spread.type == "object" else [child]
                )
        return found

    def _property_name(self, key: Node) -> str | None:
        if key.type == "property_identifier":
            return self._text(key)
        return self._string(key) if key.type == "string" else None

    def _member(self, node: Node | None, prefix: str) -> str | None:
        """``from_asset`` for ``lambda.Code.fromAsset`` when prefix is the Code class."""
        name = self._qualified(self._follow(node) if node is not None else None)
        return _snake(name[len(prefix) :]) if name is not None and name.startswith(prefix) else None

    def _unreadable(self, notes: Pending, what: str, node: Node) -> None:
        notes.append((node, f"{what} {self._text(node)} cannot be read without running the app"))

    def _noted(self, function: DeployedFunction, notes: Pending) -> DeployedFunction:
        return replace(
            function,
            notes=(
                *function.notes,
                *(
                    Note(self.path, self._line(node), f"{function.name}: {message}")
                    for node, message in notes
                ),
            ),
        )

    # -- the function construct -------------------------------------------------------------------

    def _function(self, call: Node) -> DeployedFunction:
        construct = self._qualified(call.child_by_field_name("constructor")) or ""
        identifier = self._argument(call, 1)
        name = self._value(identifier) if identifier is not None else "?"
        props = self._argument(call, 2)
        properties = self._properties(props) if props is not None else {}
        handler = properties.get("handler")
        function = DeployedFunction(
            name=name if isinstance(name, str) else name.target,
            source="cdk",
            declared_in=self.path,
            line=self._line(handler if handler is not None else call),
        )
        notes: Pending = []
        hidden = self._opaque_spreads(props) if props is not None else []
        if props is not None and (hidden or self._follow(props).type != "object"):
            self._unreadable(notes, "props", hidden[0] if hidden else props)
            if "handler" not in properties or "runtime" not in properties:
                return self._noted(function, notes)  # which runtime, which handler: unknown
        if "runtime" in properties:
            function = replace(function, runtime=self._runtime(properties["runtime"], notes))
        if construct.endswith(".PythonFunction"):
            function = self._python_function(function, properties, notes)
        elif construct.endswith(".DockerImageFunction"):
            function = self._image(
                replace(function, package_type="Image"), properties.get("code"), notes
            )
        else:
            function = self._code(function, properties, notes)
        if "environment" in properties:
            function = replace(
                function, environment=self._environment(properties["environment"], notes)
            )
        if "recursive_loop" in properties:
            loop = self._member(properties["recursive_loop"], LAMBDA + "RecursiveLoop.")
            function = replace(function, allows_recursion=loop == "ALLOW")
        for element in self._elements(properties.get("events")):
            function = with_event(function, self._event_source(element, notes))
        return self._noted(function, notes)

    def _runtime(self, node: Node, notes: Pending) -> str | None:
        constant = self._member(node, LAMBDA + "Runtime.")
        if constant is not None and "." not in constant:
            return runtime_name(constant)
        followed = self._follow(node)
        if (
            followed.type == "new_expression"
            and self._qualified(followed.child_by_field_name("constructor")) == LAMBDA + "Runtime"
        ):
            name = self._argument(followed, 0)
            text = self._string(name) if name is not None else None
            if text is not None:
                return text
        self._unreadable(notes, "runtime", node)
        return None

    def _code(
        self, function: DeployedFunction, properties: dict[str, Node], notes: Pending
    ) -> DeployedFunction:
        handler = properties.get("handler")
        if handler is not None and self._member(handler, LAMBDA + "Handler.") == "FROM_IMAGE":
            return self._image(
                replace(function, package_type="Image"), properties.get("code"), notes
            )
        if handler is not None:
            function = replace(function, handler=self._string(handler))
            if function.handler is None:
                self._unreadable(notes, "handler", handler)
        if "code" not in properties:
            return function
        return self._code_source(function, properties["code"], notes)

    def _code_source(
        self, function: DeployedFunction, node: Node, notes: Pending
    ) -> DeployedFunction:
        """What ``code:`` holds: ``Code.fromAsset(dir)``, ``fromInline``, an image or S3."""
        code = self._follow(node)
        factory = (
            self._member(code.child_by_field_name("function"), LAMBDA + "Code.")
            if code.type == "call_expression"
            else None
        )
        if factory in ("from_asset_image", "from_ecr_image"):
            return replace(function, package_type="Image")
        if factory in ("from_bucket", "from_bucket_v2", "from_cfn_parameters"):
            notes.append(
                (code, (f"code comes from {self._text(code)}, not from local files; not checked"))
            )
            return function
        argument = self._argument(code, 0) if factory in ("from_inline", "from_asset") else None
        if argument is not None and factory == "from_inline":
            inline_code = self._string(argument)
            if inline_code is not None:
                return replace(function, inline_code=inline_code)
            read = self._read_file(argument)
            if read is not None:
                return self._inline_file(function, read, argument, notes)
        code_root = self._path(argument) if argument is not None else None
        if factory == "from_asset" and code_root is not None:
            return replace(function, code_root=code_root.resolve())
        self._unreadable(notes, "code", node)
        return function

    def _image(
        self, function: DeployedFunction, node: Node | None, notes: Pending
    ) -> DeployedFunction:
        """``DockerImageCode.fromImageAsset(directory, { cmd, entrypoint, file, ... })`` or
        ``Code.fromAssetImage(...)``: the handler and code the asset's Dockerfile (or ``cmd``)
        gives the function; any other image (``fromEcr``) is not checked."""
        from lambdalint.discovery.dockerfile import DEFAULT_DOCKERFILE, image_function

        code = self._follow(node) if node is not None else None
        if code is None or code.type != "call_expression" or not self._asset_image(code):
            return function
        directory = self._argument(code, 0)
        folder = self._path(directory) if directory is not None else None
        options = self._argument(code, 1)
        hidden = self._opaque_spreads(options) if options is not None else []
        if (
            folder is None
            or hidden
            or (options is not None and self._follow(options).type != "object")
        ):
            self._unreadable(notes, "image asset", hidden[0] if hidden else code)
            return function
        properties = self._properties(options) if options is not None else {}
        texts = {
            key: self._string(properties[key]) if key in properties else default
            for key, default in (("file", DEFAULT_DOCKERFILE), ("working_directory", None))
        }
        words = {
            key: self._strings(properties[key]) if key in properties else None
            for key in ("cmd", "entrypoint")
        }
        for key, value in (*texts.items(), *words.items()):
            if key in properties and value is None:
                self._unreadable(notes, key, properties[key])
                return function
        build_args = (
            self._environment(properties["build_args"], []) if "build_args" in properties else {}
        )
        return image_function(
            function,
            folder / str(texts["file"]),
            folder,
            None,
            self._line(properties.get("cmd") or code),
            words["cmd"],
            words["entrypoint"],
            texts["working_directory"],
            {key: value for key, value in build_args.items() if isinstance(value, str)},
        )

    def _asset_image(self, call: Node) -> bool:
        function = call.child_by_field_name("function")
        return (
            self._member(function, LAMBDA + "DockerImageCode.") == "from_image_asset"
            or self._member(function, LAMBDA + "Code.") == "from_asset_image"
        )

    def _strings(self, node: Node) -> list[str] | None:
        """An array of strings (or names of them), or None."""
        strings = [self._string(element) for element in self._elements(node)]
        if not strings or None in strings:
            return None
        return [text for text in strings if text is not None]

    def _read_file(self, node: Node | None) -> Path | None:
        """The file of ``fs.readFileSync(file, "utf8")`` or ``readFileSync(file).toString()``."""
        node = self._follow(node) if node is not None else None
        if node is None or node.type != "call_expression":
            return None
        function = node.child_by_field_name("function")
        if (
            function is not None
            and function.type == "member_expression"
            and self._text(function.child_by_field_name("property")) == "toString"
        ):
            return self._read_file(function.child_by_field_name("object"))
        if self._qualified(function) != "fs.readFileSync":
            return None
        file = self._argument(node, 0)
        return self._path(file) if file is not None else None

    def _inline_file(
        self, function: DeployedFunction, file: Path, node: Node, notes: Pending
    ) -> DeployedFunction:
        """Inline code read from a file is deployed as module ``index``: the file is checked as
        that module; a handler naming another module is checked as inline code (and fails)."""
        try:
            code = read_bytes(file).decode("utf-8")
        except (OSError, UnicodeDecodeError):
            notes.append(
                (node, (f"inline code file {self._text(node)} cannot be read; not checked"))
            )
            return function
        module, _, name = (function.handler or "").rpartition(".")
        if module != INLINE_MODULE or not file.name.endswith(".py"):
            return replace(function, inline_code=code)
        notes.append(
            (
                node,
                (
                    f"inline code read from {file.name} is deployed as module"
                    f" {INLINE_MODULE}; checked as {file.name}"
                ),
            )
        )
        return replace(function, handler=f"{file.stem}.{name}", code_root=file.resolve().parent)

    def _python_function(
        self, function: DeployedFunction, properties: dict[str, Node], notes: Pending
    ) -> DeployedFunction:
        return python_function(
            function,
            properties,
            self._string,
            self._path,
            lambda what, node: self._unreadable(notes, what, node),
            lambda node, message: notes.append((node, message)),
        )

    def _environment(self, node: Node, notes: Pending) -> dict[str, Value]:
        followed = self._follow(node)
        if followed.type != "object":
            self._unreadable(notes, "environment", node)
            return {}
        environment: dict[str, Value] = {}
        for child in followed.named_children:
            key = child.child_by_field_name("key") if child.type == "pair" else None
            name = self._property_name(key) if key is not None else None
            if child.type == "shorthand_property_identifier":
                environment[self._text(child)] = self._value(child)
            elif name is not None and child.child_by_field_name("value") is not None:
                environment[name] = self._value(child.child_by_field_name("value"))  # type: ignore[arg-type]
            elif child.type != "comment":
                self._unreadable(notes, "environment entry", child)
        return environment

    # -- calls that configure a function ----------------------------------------------------------

    def _function_of(self, node: Node, owner: _Key | None) -> _Key | None:
        """The key of the function construct an expression refers to, if it is one read here."""
        attribute = self._this_attribute(node)
        if attribute is not None:
            value = self.attributes.get((owner, attribute))
            key = _key(self._unwrapped(value)) if value is not None else None
        else:
            key = _key(self._follow(node))
        return key if key in self.declared else None

    def _configure(self, call: Node, owner: _Key | None) -> None:
        """What configures a function after the fact: ``fn.addEventSource(source)``,
        ``fn.addEnvironment(key, value)``, ``new LambdaRestApi(this, id, { handler: fn })``..."""
        if call.type == "new_expression":
            trigger = FUNCTION_TRIGGERS.get(
                self._qualified(call.child_by_field_name("constructor")) or ""
            )
            if trigger is None:
                return
            event, position, keyword = trigger
            target = self._argument(call, position, keyword)
            key = self._function_of(target, owner) if target is not None else None
            if key is not None and event == "Api" and not self._proxy_integration(call):
                event = "ApiNonProxy"
            if key is not None:
                self.declared[key] = with_event(self.declared[key], EventSource(event))
            return
        callee = call.child_by_field_name("function")
        callee = self._unwrapped(callee) if callee is not None else None
        receiver = callee.child_by_field_name("object") if callee is not None else None
        if callee is None or callee.type != "member_expression" or receiver is None:
            return
        method = _snake(self._text(callee.child_by_field_name("property")))
        if method in (
            "add_event_notification",
            "add_object_created_notification",
            "add_object_removed_notification",
            "add_subscription",
        ):
            self._subscribe(call, method, receiver, owner)
            return
        key = self._function_of(receiver, owner)
        if key is None:
            return
        function = self.declared[key]
        notes: Pending = []
        source = self._argument(call, 0)
        if method == "add_event_source" and source is not None:
            function = with_event(function, self._event_source(source, notes))
        elif method == "add_function_url":
            function = with_event(function, EventSource("FunctionUrl"))
        elif method == "add_environment":
            name, value = self._argument(call, 0), self._argument(call, 1)
            text = self._string(name) if name is not None else None
            if text is not None and value is not None:
                function = replace(
                    function, environment={**function.environment, text: self._value(value)}
                )
            else:
                self._unreadable(notes, "environment entry", call)
        self.declared[key] = self._noted(function, notes)

    def _proxy_integration(self, call: Node) -> bool:
        """Whether a REST API integration is surely a Lambda proxy: ``proxy`` left out or
        true on a ``LambdaIntegration``, or in ``LambdaRestApi``'s ``integrationOptions``."""
        if self._qualified(call.child_by_field_name("constructor")) == LAMBDA_INTEGRATION:
            options: Node | None = self._argument(call, 1)
        else:
            options = self._argument(call, None, "integration_options")
        if options is None:
            return True
        if self._follow(options).type != "object":
            return False  # options lambdalint cannot read may turn the proxy off
        proxy = self._properties(options).get("proxy")
        return proxy is None or self._follow(proxy).type == "true"

    def _subscribe(self, call: Node, method: str, receiver: Node, owner: _Key | None) -> None:
        """``bucket.addEventNotification(type, new LambdaDestination(fn), filter)``, and
        ``topic.addSubscription(new LambdaSubscription(fn))``."""
        destinations = {"add_subscription": "aws_cdk.aws_sns_subscriptions.LambdaSubscription"}
        expected = destinations.get(method, "aws_cdk.aws_s3_notifications.LambdaDestination")
        arguments = [self._follow(argument) for argument in self._arguments(call)]
        for position, destination in enumerate(arguments):
            is_new = destination.type == "new_expression"
            target = self._argument(destination, 0) if is_new else None
            if (
                target is None
                or self._qualified(destination.child_by_field_name("constructor")) != expected
            ):
                continue
            key = self._function_of(target, owner)
            if key is None:
                return
            resource = Reference("typescript", self._text(receiver))
            if method == "add_subscription":
                event = EventSource("SNS", resource)
            else:
                names = FIXED_NOTIFICATIONS.get(method) or self._s3_event_names(
                    arguments[:position]
                )
                event = self._filtered(
                    EventSource("S3", resource, s3_events=names), arguments[position + 1 :]
                )
            self.declared[key] = with_event(self.declared[key], event)
            return

    def _event_source(self, node: Node, notes: Pending) -> EventSource | None:
        source = self._follow(node)
        name = (
            self._qualified(source.child_by_field_name("constructor"))
            if source.type == "new_expression"
            else None
        ) or ""
        kind = EVENT_SOURCES.get(name.rpartition(".")[2])
        if kind is None or not name.startswith("aws_cdk.aws_lambda_event_sources."):
            self._unreadable(notes, "event source", node)
            return None
        target = self._argument(source, 0) if kind != "Api" else None
        resource = Reference("typescript", self._text(target)) if target is not None else None
        event = EventSource(kind, resource)
        if kind == "S3":
            options = self._argument(source, 1)
            properties = self._properties(options) if options is not None else {}
            names = self._s3_event_names(self._elements(properties.get("events")))
            event = self._filtered(
                replace(event, s3_events=names), self._elements(properties.get("filters"))
            )
        return event

    def _elements(self, node: Node | None) -> list[Node]:
        """The elements of an array, followed through a name."""
        followed = self._follow(node) if node is not None else None
        return followed.named_children if followed is not None and followed.type == "array" else []

    def _s3_event_names(self, nodes: Sequence[Node]) -> tuple[str, ...]:
        """The S3 names of ``s3.EventType`` members; () unless every one is read."""
        names = [CDK_EVENT_TYPES.get(self._member(node, S3_EVENT_TYPE) or "") for node in nodes]
        return tuple(name for name in names if name) if names and all(names) else ()

    def _filtered(self, event: EventSource, filters: Sequence[Node]) -> EventSource:
        """S3 key filters: ``{ prefix: "incoming/", suffix: ".jpg" }``."""
        for node in filters:
            properties = self._properties(node)
            prefix, suffix = (
                self._string(properties.get("prefix")),
                self._string(properties.get("suffix")),
            )
            event = replace(event, prefix=prefix or event.prefix, suffix=suffix or event.suffix)
        return event
