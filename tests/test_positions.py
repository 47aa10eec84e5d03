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


LAZY_TRICKY = {
    **TRICKY,
    # a statement whose code occurs twice is placed by the one around it, or by the module
    "twice_in_functions.py": "def f(x):\n    return x\n\n\ndef g(x):\n    return x\n",
    "twice_at_top.py": "x = 1\ny = 2\nx = 1\n",
    "same_functions.py": "def f():\n    return 1\ndef f():\n    return 1\n",
    # a statement whose code also occurs inside another line, not at its start
    "inside_a_line.py": "s = '''\nx = 1\n'''\nx = 1\n",
    # an expression whose code occurs once, twice, inside a longer name, in a comment
    "expressions.py": "y = make(1)  # make(2)\nz = make(2) + make(3) + remake(3)\n",
    "nested_blocks.py": (
        "class A:\n  def f(self):\n    if self:\n          pass\n    for x in y:\n        return x\n"
        "  # trailing comment\n"
    ),
    "match.py": (
        "match command:\n    case [x]:\n        go(x)\n    case _:\n        go(x)\n# end\n"
    ),
    "comments.py": "# header\n\nimport os  # why\n\n\n# about f\ndef f():\n    # inside\n    pass\n",
    "no_newline_block.py": "def f():\n    return 1",
}


def every_node(node: cst.CSTNode) -> list[cst.CSTNode]:
    return [node, *(below for child in node.children for below in every_node(child))]


def statements(module: cst.Module) -> list[cst.CSTNode]:
    """Every statement of a block, nested ones included."""
    return [
        node
        for node in every_node(module)
        if isinstance(node, (cst.Module, cst.IndentedBlock))
        for node in node.body
    ]


def assert_same_positions_placed(source: str) -> None:
    # each statement looked up first in a Positions of its own: placed alone, or with the
    # statements around it, never differently from the whole module's code generation
    module = cst.parse_module(source)
    expected = MetadataWrapper(module, unsafe_skip_copy=True).resolve(PositionProvider)
    for statement in statements(module):
        positions = Positions(module, source)
        for node in every_node(statement):
            if node in expected:  # not a field its code leaves out (a match's unused "as")
                assert positions[node] == expected[node], (type(node).__name__, statement)
    positions = Positions(module, source)
    for node in every_node(module):
        if node in expected:
            assert positions[node] == expected[node], type(node).__name__


def assert_same_positions_placed_alone(source: str) -> None:
    # each expression looked up first in a Positions of its own: placed by its own code when
    # that is on one line and occurs once, else by a statement, never differently
    module = cst.parse_module(source)
    expected = MetadataWrapper(module, unsafe_skip_copy=True).resolve(PositionProvider)
    for node in every_node(module):
        if isinstance(node, cst.BaseExpression) and node in expected:
            assert Positions(module, source)[node] == expected[node], type(node).__name__


@pytest.mark.parametrize("name", sorted(LAZY_TRICKY))
def test_positions_placed_by_statement_match_libcst(name: str) -> None:
    assert_same_positions_placed(LAZY_TRICKY[name])
    assert_same_positions_placed_alone(LAZY_TRICKY[name])


@pytest.mark.parametrize("path", [*sorted(RULES.rglob("*.py")), STDLIB / "tokenize.py"], ids=str)
def test_positions_placed_by_statement_match_libcst_on_real_files(path: Path) -> None:
    source = path.read_bytes().decode("utf-8")
    assert_same_positions_placed(source)
    if path.is_relative_to(RULES):  # each expression alone: small files only
        assert_same_positions_placed_alone(source)


@pytest.mark.parametrize(
    ("source", "line"),
    [
        ("import os\n\n\ndef handler(event, context):\n    return make()\n", 5),
        ("class A:\n  def f(self):\n    if self:\n        return make()\n  x = 1\n", 4),
        ("match x:\n  case 1:\n    y = 1\n  case _:\n    return make()\n", 5),
    ],
)
def test_a_node_in_a_unique_statement_is_placed_from_that_statement_s_code_alone(
    monkeypatch: pytest.MonkeyPatch, source: str, line: int
) -> None:
    module = cst.parse_module(source)
    call = next(node for node in every_node(module) if isinstance(node, cst.Call))
    for around in (cst.Module, cst.ClassDef, cst.FunctionDef, cst.If, cst.Match):
        monkeypatch.setattr(around, "_codegen_impl", None)  # raises if generated
    start = Positions(module, source)[call].start
    assert (start.line, source.splitlines()[line - 1][start.column :]) == (line, "make()")
