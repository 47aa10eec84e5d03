"""FileContext's name lookups: sound for every rule, explicit about the scope they look in."""

from __future__ import annotations

import textwrap
from pathlib import Path

import libcst as cst
import pytest

from lambdalint.analysis import FileContext, Function
from lambdalint.engine import FileTask, handler_targets
from lambdalint.walk import walk


def context_of(source: str) -> FileContext:
    """The context of a module whose lambda_handler is reached, as the engine builds it."""
    code = textwrap.dedent(source)
    context = FileContext(cst.parse_module(code), Path("app.py"))
    context.find_handlers(
        handler_targets(FileTask(Path("app.py"), None, frozenset()), code.encode())
    )
    return context


def nested_function(context: FileContext, name: str) -> Function:
    found: list[cst.FunctionDef] = []
    walk(
        context.module,
        lambda node: (
            found.append(node)
            if isinstance(node, cst.FunctionDef) and node.name.value == name
            else None
        ),
    )
    return found[0]


def resolved_code(context: FileContext, name: str, scope) -> str | None:
    resolved = context.resolve_name(name, scope)
    return context.module.code_for_node(resolved[0]) if resolved is not None else None


def test_a_nested_function_sees_the_enclosing_functions_binding_not_the_modules() -> None:
    context = context_of("""
        BUCKET = "module"
        def lambda_handler(event, context):
            BUCKET = "handler"
            def upload():
                return BUCKET
    """)
    handler = context.functions["lambda_handler"]
    assert resolved_code(context, "BUCKET", nested_function(context, "upload")) == '"handler"'
    assert resolved_code(context, "BUCKET", handler) == '"handler"'
    assert resolved_code(context, "BUCKET", context.module) == '"module"'


def test_qualified_name_follows_closures_and_asks_the_module_only_when_told() -> None:
    context = context_of("""
        import boto3
        def lambda_handler(event, context):
            import botocore.session as boto3
            def connect():
                return boto3.get_session()
    """)
    name = cst.parse_expression("boto3.client")
    connect = nested_function(context, "connect")
    assert context.qualified_name(name, connect) == "botocore.session.client"
    assert context.qualified_name(name, context.module) == "boto3.client"


@pytest.mark.parametrize(
    ("source", "name"),
    [
        pytest.param(
            "items = {1}\nsquares = [items for items in event]", "items", id="comprehension"
        ),
        pytest.param(
            "ids = {1}\nmatch event:\n    case {'ids': ids}: pass", "ids", id="match capture"
        ),
        pytest.param("ids = {1}\nmatch event:\n    case [*ids]: pass", "ids", id="match star"),
        pytest.param("ids = {1}\nmatch event:\n    case {**ids}: pass", "ids", id="match rest"),
        pytest.param(
            "ids = {1}\ndef fill():\n    nonlocal ids\n    ids = []", "ids", id="nonlocal"
        ),
        pytest.param("ids = {1}\nfetch = lambda ids: ids", "ids", id="lambda parameter"),
        pytest.param("ids = {1}\nclass Box:\n    ids = []", "ids", id="class body"),
        pytest.param("ids = {1}\ntry: pass\nexcept* ValueError as ids: pass", "ids", id="except*"),
        pytest.param("ids = {1}\ndel ids", "ids", id="del"),
        pytest.param("ids = {1}\nfrom .config import ids", "ids", id="relative import"),
    ],
)
def test_a_name_bound_anywhere_else_in_the_function_is_not_followed(source: str, name: str) -> None:
    body = textwrap.indent(source, "    ")
    context = context_of(f"def lambda_handler(event, context):\n{body}\n")
    assert resolved_code(context, name, context.functions["lambda_handler"]) is None


@pytest.mark.parametrize(
    "rebinding",
    [
        pytest.param("class Cache:\n  def reset(self):\n    global IDS\n    IDS = []", id="method"),
        pytest.param("if True:\n  def reset():\n    global IDS\n    IDS = []", id="def in if"),
        pytest.param("from config import *", id="star import"),
        pytest.param("if not (IDS := load()):\n    pass", id="walrus in if"),
        pytest.param("match load():\n    case IDS:\n        pass", id="module-level match"),
    ],
)
def test_a_module_name_rebound_anywhere_is_not_followed(rebinding: str) -> None:
    context = context_of(
        f"IDS = {{1}}\n{rebinding}\ndef lambda_handler(event, context):\n    return IDS\n"
    )
    assert resolved_code(context, "IDS", context.functions["lambda_handler"]) is None


def test_a_walrus_in_a_comprehension_binds_in_the_function() -> None:
    context = context_of("""
        def lambda_handler(event, context):
            found = [last := item for item in event]
            return last
    """)
    handler = context.functions["lambda_handler"]
    assert context.is_local("last", handler)
    assert resolved_code(context, "last", handler) == "item"
    assert resolved_code(context, "item", handler) is None


def test_a_builtin_rebound_through_global_is_not_the_builtin() -> None:
    context = context_of("""
        def configure():
            global set
            set = frozenset
        def lambda_handler(event, context):
            return set()
    """)
    assert context.qualified_name(cst.Name("set"), context.functions["lambda_handler"]) is None
    assert context.qualified_name(cst.Name("list"), context.module) == "builtins.list"


def test_the_handler_parameter_is_only_sure_when_nothing_rebinds_it() -> None:
    context = context_of("""
        def lambda_handler(event, context):
            return [lambda context: context]
        def other_handler(event, context):
            return context.function_name
    """)
    assert not context.is_parameter("context", context.functions["lambda_handler"])
    assert context.is_parameter("context", context.functions["other_handler"])
