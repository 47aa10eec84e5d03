"""Runs the installed ``lambdalint`` console script the way a user does, on small projects."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

LAMBDALINT = Path(sys.executable).with_name("lambdalint")

# A handler that only LAM002 reports: right signature, returns None, no clients, no buckets.
ASYNC_HANDLER = "async def {name}(event, context):\n    pass\n"
PLAIN_HANDLER = "def lambda_handler(event, context):\n    pass\n"


def async_message(name: str = "lambda_handler") -> str:
    return (
        f"LAM002 handler '{name}' is async def; the runtime calls it without awaiting"
        " and gets a coroutine; make it a plain def that calls asyncio.run(...)"
    )


@dataclass(frozen=True)
class Run:
    code: int
    stdout: str
    stderr: str


def lambdalint(
    *args: str,
    cwd: Path,
    stdin: bytes | None = None,
    env: Mapping[str, str] | None = None,
    command: list[str] | None = None,
) -> Run:
    environment = {key: value for key, value in os.environ.items() if key != "NO_COLOR"}
    environment.update(env or {})
    completed = subprocess.run(
        [*(command or [str(LAMBDALINT)]), *args],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        env=environment,
        timeout=300,
    )
    return Run(completed.returncode, completed.stdout.decode(), completed.stderr.decode())


def write(root: Path, files: Mapping[str, str | bytes]) -> Path:
    """Create files under root; a project's own pyproject.toml fences off any outer config."""
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root
