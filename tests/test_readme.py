"""The README shows the real output of its example command, so it cannot drift from the tool."""

from __future__ import annotations

import re

from cases import REPO
from e2e import lambdalint

COMMAND = "lambdalint check docs/examples/orders-app"
# A fenced block whose first line is the command, prompt included; the rest is its output.
SHOWN_RUN = re.compile(
    rf"^```\n\$ {re.escape(COMMAND)}\n(?P<output>.*?)^```$", re.MULTILINE | re.DOTALL
)


def test_the_readme_shows_the_example_commands_real_output() -> None:
    shown = SHOWN_RUN.search((REPO / "README.md").read_text(encoding="utf-8"))
    assert shown is not None, f"README.md has no ``` block starting with '$ {COMMAND}'"
    run = lambdalint(*COMMAND.split()[1:], cwd=REPO)
    assert (run.code, run.stderr) == (1, "")
    assert shown.group("output") == run.stdout
