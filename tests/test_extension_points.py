"""Adding a rule or a discovery source takes exactly the steps docs/architecture.md lists.

A rule is its module plus its entry in ``lambdalint.checks.CHECKS``: a throwaway rule
registered there and nowhere else shows up in every place users meet rules. A discovery
source is its module, its name in ``Config.discover`` and its suffixes in
``DECLARATION_SUFFIXES``; tests/test_discovery_docs.py checks each configured source's
section in docs/discovery.md.
"""

from __future__ import annotations

import ast
import importlib.util
import inspect
import json
import pkgutil
import runpy
import sys
from importlib import import_module
from pathlib import Path
from types import ModuleType

import pytest
from cases import REPO
from e2e import write

from lambdalint import checks, cli, discovery
from lambdalint.config import DISCOVERY_SOURCES
from lambdalint.discovery.declarations import DECLARATION_SUFFIXES
from lambdalint.flake8_plugin import Plugin
from lambdalint.output import sarif_format
from lambdalint.registry import all_rules
from lambdalint.runner import Options, lint

# A rule as a contributor writes it: its documentation is the module docstring.
RULE_MODULE = '''"""## What it does
Reports print() in a handler.

## Why is this bad?
A throwaway rule: it exists only while a test runs.
"""

import libcst as cst

from lambdalint.check import Check


class ThrowawayRule(Check):
    code = "LAM099"
    name = "throwaway-rule"
    summary = "A handler calls print"
    severity = "warning"

    def visit_Call(self, node: cst.Call, where: object) -> None:
        if isinstance(node.func, cst.Name) and node.func.value == "print":
            self.report(node, "print() in a handler")
'''
HANDLER = "def lambda_handler(event, context):\n    print(event)\n    return {}\n"


@pytest.fixture
def rule(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> type:
    """The throwaway rule, registered as a real one is: one entry in CHECKS."""
    path = tmp_path / "throwaway_rule.py"
    path.write_text(RULE_MODULE, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("throwaway_rule", path)
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "throwaway_rule", module)
    spec.loader.exec_module(module)
    monkeypatch.setattr(checks, "CHECKS", [*checks.CHECKS, module.ThrowawayRule])
    return module.ThrowawayRule


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    write(root, {"pyproject.toml": "[tool.lambdalint]\n", "app.py": HANDLER})
    return root


def test_a_registered_rule_gets_its_docs_page_index_row_and_readme_row(rule: type) -> None:
    generate = runpy.run_path(str(REPO / "docs" / "generate.py"))
    pages = generate["render_pages"]()
    assert pages["LAM099.md"].startswith("# LAM099 throwaway-rule\n")
    assert "A handler calls print.\n\n- **Severity:** warning" in pages["LAM099.md"]
    assert "## What it does\nReports print() in a handler." in pages["LAM099.md"]
    assert (
        "| [LAM099](LAM099.md) | throwaway-rule | warning | A handler calls print |"
        in (pages["README.md"])
    )
    readme = generate["with_rule_table"](
        (REPO / "README.md").read_text(encoding="utf-8"), all_rules()
    )
    assert (
        "| [LAM099](docs/rules/LAM099.md) | `throwaway-rule` | warning"
        " | A handler calls print |\n| [LAM900]"
    ) in readme
    # and `docs/generate.py --check` asks for the page, the index and the README's table
    pages = generate["RULE_DOCS"]
    assert generate["drift"](generate["generated_files"](), pages) == {
        pages / "LAM099.md": "missing",
        pages / "README.md": "out of date",
        REPO / "README.md": "out of date",
    }


def test_a_registered_rule_is_listed_and_explained(rule: type, capsys) -> None:
    assert cli.main(["rules"]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert "LAM099  throwaway-rule           warning  A handler calls print" in listed
    assert cli.main(["explain", "lam099"]) == 0
    assert capsys.readouterr().out == (
        "# LAM099 throwaway-rule\n\nA handler calls print.\n\n## What it does\n"
        "Reports print() in a handler.\n\n## Why is this bad?\n"
        "A throwaway rule: it exists only while a test runs.\n"
    )


def test_a_registered_rule_runs_and_has_its_sarif_metadata(rule: type, project: Path) -> None:
    found = lint(Options(paths=[str(project)])).diagnostics
    assert [(d.path.name, d.line, d.column, d.code, d.message) for d in found] == [
        ("app.py", 2, 5, "LAM099", "print() in a handler")
    ]
    run = json.loads(sarif_format.render(found, color=False))["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    (result,) = run["results"]
    assert rules[result["ruleIndex"]] == {
        "id": "LAM099",
        "name": "throwaway-rule",
        "shortDescription": {"text": "A handler calls print"},
        "fullDescription": {"text": "Reports print() in a handler."},
        "help": {
            "text": inspect.getdoc(sys.modules["throwaway_rule"]),
            "markdown": inspect.getdoc(sys.modules["throwaway_rule"]),
        },
        "helpUri": "https://github.com/lambdalint/lambdalint/blob/main/docs/rules/LAM099.md",
        "defaultConfiguration": {"level": "warning"},
    }


def test_a_registered_rule_is_reported_through_flake8(
    rule: type, project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(Plugin, "_run", None)  # a Run from an earlier test knows other codes
    monkeypatch.setattr(Plugin, "handlers", ())
    path = project / "app.py"
    plugin = Plugin(ast.parse(HANDLER), str(path), HANDLER.splitlines(keepends=True))
    assert [(line, column, text) for line, column, text, _ in plugin.run()] == [
        (2, 4, "LAM099 print() in a handler")
    ]


def is_source(module: ModuleType) -> bool:
    """A deployment format: ``discover(root, excluded)`` (cdk_typescript's takes paths)."""
    found = getattr(module, "discover", None)
    return callable(found) and list(inspect.signature(found).parameters) == ["root", "excluded"]


DISCOVERY_MODULES = [
    import_module(f"lambdalint.discovery.{info.name}")
    for info in pkgutil.iter_modules(discovery.__path__)
]
SOURCES = [module for module in DISCOVERY_MODULES if is_source(module)]


def test_every_source_module_is_a_configured_source() -> None:
    assert sorted(module.__name__.rsplit(".", 1)[1] for module in SOURCES) == sorted(
        DISCOVERY_SOURCES
    )


@pytest.mark.parametrize("source", SOURCES, ids=lambda module: module.__name__.rsplit(".", 1)[1])
def test_every_suffix_a_source_reads_is_in_the_shared_walk(
    source: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: set[str] = set()

    def declaration_files(root: Path, suffixes: tuple[str, ...], excluded=()):
        asked.update(suffixes)
        return iter(())

    for module in DISCOVERY_MODULES:
        if hasattr(module, "declaration_files"):
            monkeypatch.setattr(module, "declaration_files", declaration_files)
    source.discover(tmp_path, ())
    assert asked, "the source asked declarations.declaration_files for no file"
    # a suffix outside DECLARATION_SUFFIXES would walk the whole tree again for that source
    assert asked <= set(DECLARATION_SUFFIXES)
