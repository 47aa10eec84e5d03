"""Real code does not crash lambdalint: ~300 standard-library modules, each made a handler module.

Measured on a 2-core machine with Python 3.11: about 20 s for 300 modules (one CLI run).
"""

from __future__ import annotations

import ast
import sysconfig
from pathlib import Path

from e2e import lambdalint

STDLIB = Path(sysconfig.get_paths()["stdlib"])
MODULE_COUNT = 300
# the biggest and most deeply nested modules first, so they are always part of the sample
MUST_INCLUDE = [
    "pydoc_data/topics.py",
    "typing.py",
    "argparse.py",
    "_pydecimal.py",
    "email/_header_value_parser.py",
    "tarfile.py",
    "inspect.py",
]


def _sample() -> list[Path]:
    top_level = sorted(STDLIB.glob("*.py"))
    packages = sorted(
        path
        for path in STDLIB.glob("*/*.py")
        if not {"test", "tests", "idlelib", "site-packages"} & set(path.parts)
    )
    candidates = [STDLIB / name for name in MUST_INCLUDE] + top_level + packages
    return [path for path in dict.fromkeys(candidates) if path.is_file()]


def _as_handler_module(source: bytes) -> bytes | None:
    """The module plus a lambda_handler that calls each of its module-level functions."""
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError):  # a few modules are deliberately broken fixtures
        return None
    names = [node.name for node in tree.body if isinstance(node, ast.FunctionDef)]
    calls = "".join(f"    {name}()\n" for name in names) or "    pass\n"
    return source + b"\n\ndef lambda_handler(event, context):\n" + calls.encode()


def test_standard_library_modules_as_handlers_check_without_a_crash(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.lambdalint]\n")
    written = 0
    for path in _sample():
        module = _as_handler_module(path.read_bytes())
        if module is None:
            continue
        relative = path.relative_to(STDLIB).as_posix().replace("/", "__")
        (tmp_path / relative).write_bytes(module)
        written += 1
        if written == MODULE_COUNT:
            break
    assert written == MODULE_COUNT

    run = lambdalint("check", cwd=tmp_path)

    output = run.stdout + run.stderr
    assert run.code in (0, 1), output[-2000:]
    assert "Traceback" not in output
    assert "LAM901" not in output
    assert "internal error" not in output
