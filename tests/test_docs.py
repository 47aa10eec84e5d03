"""The docs cannot lie: generated pages are current, documented examples do what they say."""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from cases import REPO

from lambdalint.registry import all_checks, all_rules, documentation
from lambdalint.runner import Options, lint

SECTIONS = ["What it does", "Why is this bad?", "Example", "Use instead", "Exceptions", "Fix"]
# LAM007's examples are configuration: they name a handler in this module.
CONFIGURED_MODULE = "def lambda_handler(event, context):\n    return {}\n"
CHECKS = all_checks()
GENERATOR = REPO / "docs" / "generate.py"


def sections(text: str) -> dict[str, str]:
    """``## Heading`` -> the text under it, in document order."""
    parts = re.split(r"^## (.+)$", text, flags=re.MULTILINE)
    return {heading.strip(): body for heading, body in zip(parts[1::2], parts[2::2])}


def code_blocks(section: str) -> dict[str, str]:
    """language -> code of a section's fenced blocks: one python or toml block, and a yaml
    block for the template.yaml that a rule about deployed functions needs."""
    blocks = re.findall(r"^```(\w+)\n(.*?)^```$", section, flags=re.MULTILINE | re.DOTALL)
    languages = sorted(language for language, _ in blocks)
    assert languages in (["python"], ["toml"], ["python", "yaml"]), f"code blocks: {languages}"
    return dict(blocks)


def load_generator():
    spec = importlib.util.spec_from_file_location("generate", GENERATOR)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_committed_rule_pages_are_current() -> None:
    result = subprocess.run(
        [sys.executable, str(GENERATOR), "--check"], capture_output=True, text=True, cwd=REPO
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_check_mode_names_every_drifted_page(tmp_path: Path, capsys) -> None:
    generator = load_generator()
    pages, readme = tmp_path / "rules", tmp_path / "README.md"
    shutil.copytree(generator.RULE_DOCS, pages)
    edited, removed = pages / "LAM002.md", pages / "LAM007.md"
    edited.write_text(edited.read_text(encoding="utf-8") + "\nhand edit\n", encoding="utf-8")
    removed.unlink()
    (pages / "LAM099.md").write_text("# a retired rule\n", encoding="utf-8")
    # a hand-added row in the README's table
    readme.write_text(
        generator.README.read_text(encoding="utf-8").replace(
            generator.TABLE_END, "| LAM099 | `retired` | error | gone |\n" + generator.TABLE_END
        ),
        encoding="utf-8",
    )

    assert generator.main(["--check"], pages, readme) == 1
    printed = capsys.readouterr().out.splitlines()
    assert f"{pages.as_posix()}/LAM002.md: out of date" in printed
    assert f"{pages.as_posix()}/LAM007.md: missing" in printed
    assert f"{pages.as_posix()}/LAM099.md: no rule has this code any more" in printed
    assert f"{readme.as_posix()}: out of date" in printed
    assert edited.read_text(encoding="utf-8").endswith("hand edit\n"), "--check writes nothing"

    assert generator.main([], pages, readme) == 0
    assert generator.main(["--check"], pages, readme) == 0
    assert not (pages / "LAM099.md").exists()
    assert readme.read_text(encoding="utf-8") == generator.README.read_text(encoding="utf-8")


@pytest.mark.parametrize("check", CHECKS, ids=lambda check: check.code)
def test_docstring_has_the_six_sections_in_order(check) -> None:
    assert list(sections(documentation(check))) == SECTIONS


def example_findings(tmp_path: Path, blocks: dict[str, str]) -> set[str]:
    """The codes lambdalint reports on a documented example, as a project of its own."""
    if "toml" in blocks:
        (tmp_path / "pyproject.toml").write_text(blocks["toml"], encoding="utf-8")
        (tmp_path / "orders.py").write_text(CONFIGURED_MODULE, encoding="utf-8")
    else:
        (tmp_path / "pyproject.toml").write_text("[tool.lambdalint]\n", encoding="utf-8")
        (tmp_path / "lambda_function.py").write_text(blocks["python"], encoding="utf-8")
    if "yaml" in blocks:
        (tmp_path / "template.yaml").write_text(blocks["yaml"], encoding="utf-8")
    return {diagnostic.code for diagnostic in lint(Options(paths=[str(tmp_path)])).diagnostics}


@pytest.mark.parametrize("check", CHECKS, ids=lambda check: check.code)
def test_documented_example_is_reported(check, tmp_path: Path) -> None:
    example = code_blocks(sections(documentation(check))["Example"])
    assert check.code in example_findings(tmp_path, example)


@pytest.mark.parametrize("check", CHECKS, ids=lambda check: check.code)
def test_documented_alternative_is_not_reported(check, tmp_path: Path) -> None:
    documented = sections(documentation(check))
    alternative = code_blocks(documented["Use instead"])
    deployment = {
        language: code
        for language, code in code_blocks(documented["Example"]).items()
        if language == "yaml"
    }  # the alternative is deployed as the example is
    assert check.code not in example_findings(tmp_path, {**deployment, **alternative})


def installed_lambdalint(*args: str) -> subprocess.CompletedProcess:
    executable = shutil.which("lambdalint", path=str(Path(sys.executable).parent))
    assert executable, "the lambdalint console script is not installed next to this Python"
    return subprocess.run([executable, *args], capture_output=True, text=True)


@pytest.mark.parametrize("rule", all_rules(), ids=lambda rule: rule.code)
def test_explain_prints_the_documentation(rule) -> None:
    result = installed_lambdalint("explain", rule.code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"# {rule.code} {rule.name}\n")
    assert documentation(rule).strip() in result.stdout


def test_rules_lists_every_rule_by_name() -> None:
    result = installed_lambdalint("rules")
    assert result.returncode == 0, result.stderr
    listed = [line.split()[:3] for line in result.stdout.splitlines()]
    assert listed == [[rule.code, rule.name, rule.severity] for rule in all_rules()]
