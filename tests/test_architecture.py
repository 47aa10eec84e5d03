"""The stages only look forward: config -> discovery -> handler map -> engine -> findings ->
outputs. Read from the source, so an import added anywhere (inside a function too) counts;
imports only a type checker sees (under ``if TYPE_CHECKING:``) do not."""

from __future__ import annotations

import ast
from pathlib import Path

import lambdalint
from lambdalint import checks
from lambdalint.registry import all_checks

PACKAGE = Path(lambdalint.__file__).parent


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(path): path for path in PACKAGE.rglob("*.py")}


def _type_checking_only(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _runtime_imports(tree: ast.AST, module: str) -> set[str]:
    """The package's modules a module imports when it runs (at any depth)."""
    package = module if MODULES[module].name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()
    pending: list[ast.AST] = [tree]
    while pending:
        node = pending.pop()
        if isinstance(node, ast.If) and _type_checking_only(node):
            pending.extend(node.orelse)
            continue
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, *([base] if base else [])])
            # `from lambdalint.discovery import pyproject` imports a submodule
            found.update(
                f"{base}.{alias.name}" if f"{base}.{alias.name}" in MODULES else base
                for alias in node.names
            )
        pending.extend(ast.iter_child_nodes(node))
    return {_owning_module(name) for name in found if name.split(".")[0] == "lambdalint"}


def _owning_module(name: str) -> str:
    while name not in MODULES:
        name = name.rpartition(".")[0]
    return name


IMPORTS = {
    module: _runtime_imports(ast.parse(path.read_bytes()), module)
    for module, path in MODULES.items()
}


def _in(module: str, package: str) -> bool:
    return module == package or module.startswith(package + ".")


def _cycles() -> list[list[str]]:
    """The import graph's strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for imported in sorted(IMPORTS[module] - {module}):
            if imported not in index:
                visit(imported)
                low[module] = min(low[module], low[imported])
            elif imported in on_stack:
                low[module] = min(low[module], index[imported])
        if low[module] == index[module]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == module:
                    break
            if len(component) > 1:
                components.append(sorted(component))

    for module in sorted(MODULES):
        if module not in index:
            visit(module)
    return components


def test_the_walk_sees_imports_inside_functions():
    assert "lambdalint.checks" in IMPORTS["lambdalint.registry"]


def test_no_import_cycle():
    assert _cycles() == []


def test_discovery_imports_neither_the_engine_nor_a_rule():
    forbidden = (
        "lambdalint.engine",
        "lambdalint.registry",
        "lambdalint.checks",
        "lambdalint.check",
    )
    assert {
        module: sorted(name for name in imported if any(_in(name, f) for f in forbidden))
        for module, imported in IMPORTS.items()
        if _in(module, "lambdalint.discovery")
    } == {module: [] for module in MODULES if _in(module, "lambdalint.discovery")}


def test_rules_engine_and_analysis_do_not_import_outputs():
    stages = [
        module
        for module in MODULES
        if _in(module, "lambdalint.checks")
        or module in ("lambdalint.engine", "lambdalint.analysis")
    ]
    assert {
        module: sorted(name for name in IMPORTS[module] if _in(name, "lambdalint.output"))
        for module in stages
    } == {module: [] for module in stages}


def test_per_file_work_is_plain_data_both_ways(tmp_path: Path) -> None:
    # a process pool sends the task to a worker and the result back: both must pickle
    import pickle

    from lambdalint.engine import check_file
    from lambdalint.runner import Options, Run

    project = tmp_path / "project"
    (project / "src").mkdir(parents=True)
    (project / "pyproject.toml").write_text("[tool.lambdalint]\n")
    (project / "template.yaml").write_text(
        "Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n"
        "      Runtime: python3.12\n      Handler: app.missing\n      CodeUri: src/\n"
    )
    (project / "src" / "app.py").write_text("async def other(event, context):\n    pass\n")
    task = Run(Options(paths=[str(project)])).task(project / "src" / "app.py")
    result = check_file(task)
    assert result.missing, "the declared function is missing: a fact for the project rules"
    assert pickle.loads(pickle.dumps(task)) == task  # noqa: S301 - our own bytes
    assert pickle.loads(pickle.dumps(result)) == result  # noqa: S301 - our own bytes


def test_the_registry_table_names_each_rule_by_its_code() -> None:
    """``checks.REGISTERED`` lists codes without importing rules; it must agree with them."""
    assert [check.code for check in all_checks()] == list(checks.REGISTERED)
