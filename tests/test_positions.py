"""lambdalint's position pass must agree with libcst's PositionProvider, node for node."""

from __future__ import annotations

import sysconfig
from pathlib import Path

import libcst as cst
import pytest
from cases import RULES
from libcst.metadata import MetadataWrapper, PositionProvider

from lambdalint.positions import Positions

STDLIB = Path(sysconfig.get_paths()["stdlib"])
SOURCES = [
    *sorted(RULES.rglob("*.py")),
    *(STDLIB / name for name in ("argparse.py", "typing.py", "tokenize.py", "ftplib.py")),
]
TRICKY = {
    "crlf.py": "def lambda_handler(event, context):\r\n    return {\r\n  'a': 1}\r\n",
    "no_newline.py": "x = (1,\n     2)",
    "semicolons.py": "import os; x = 1; y = [\n    x,\n]\nif x: pass\nelse: y = 2\n",
    "decorated.py": "@a\n@b(1)\nasync def f(\n    x,\n) -> int:\n    '''doc'''\n    return x\n",
    "empty.py": "",
    "strings.py": 'x = f"{a!r:>{w}}" "tail" \\\n    """multi\nline"""\n',
}


def assert_same_positions(module: cst.Module) -> None:
    expected = MetadataWrapper(module, unsafe_skip_copy=True).resolve(PositionProvider)
    positions = Positions(module)
    for node, code_range in expected.items():
        assert positions[node] == code_range, type(node).__name__


@pytest.mark.parametrize("path", SOURCES, ids=lambda path: path.name)
def test_positions_match_libcst_on_real_files(path: Path) -> None:
    assert_same_positions(cst.parse_module(path.read_bytes()))


@pytest.mark.parametrize("name", sorted(TRICKY))
def test_positions_match_libcst_on_tricky_layouts(name: str) -> None:
    assert_same_positions(cst.parse_module(TRICKY[name]))
