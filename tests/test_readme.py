"""The README shows the real output of its example commands, so it cannot drift from the tool."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from cases import REPO
from e2e import lambdalint

EXAMPLES = "docs/examples"
# A fenced block whose first line is a lambdalint command on the example project, prompt
# included; the rest is what it prints (stdout, then stderr, as a terminal shows them).
SHOWN_RUN = re.compile(
    r"^```\n\$ lambdalint (?P<command>check [^\n]*docs/examples/orders-app)\n(?P<output>.*?)^```$",
    re.MULTILINE | re.DOTALL,
)


def test_the_readme_shows_the_example_commands_real_output(tmp_path: Path) -> None:
    shown = list(SHOWN_RUN.finditer((REPO / "README.md").read_text(encoding="utf-8")))
    assert [run.group("command") for run in shown] == [
        "check docs/examples/orders-app",
        "check --diff docs/examples/orders-app",
        "check --fix docs/examples/orders-app",
    ]
    for block in shown:
        # each on a fresh copy of the example, as a fresh clone has it (--fix writes to it)
        copy = tmp_path / block.group("command").replace(" ", "_")
        shutil.copytree(
            REPO / EXAMPLES, copy / EXAMPLES, ignore=shutil.ignore_patterns(".lambdalint_cache")
        )
        run = lambdalint(*block.group("command").split(), cwd=copy)
        assert run.code == 1
        assert block.group("output") == run.stdout + run.stderr


def test_the_fix_shown_is_the_one_written(tmp_path: Path) -> None:
    copy = tmp_path / EXAMPLES
    shutil.copytree(REPO / EXAMPLES, copy, ignore=shutil.ignore_patterns(".lambdalint_cache"))
    lambdalint("check", "--fix", "orders-app", cwd=copy)
    created = (copy / "orders-app/src/orders/create.py").read_text(encoding="utf-8")
    assert "def lambda_handler(event, _context=None):\n" in created
    again = lambdalint("check", "--diff", "orders-app", cwd=copy)
    assert (again.code, again.stdout, again.stderr) == (0, "", "Would fix 0 findings.\n")
