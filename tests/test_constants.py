"""The value lambdalint reads from a string literal is the one Python reads, for every literal."""

from __future__ import annotations

import ast

import libcst as cst
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from lambdalint.constants import string_segments


# Python warns of escapes it does not know ("\\d"), as the checked code's author would see
@pytest.mark.filterwarnings("ignore:invalid escape sequence")
@given(
    text=st.text(alphabet=st.characters(codec="utf-8"), max_size=12)
    | st.text(alphabet="ab'\"\\\r\nN{}x0", max_size=12),
    quote=st.sampled_from(["'", '"', "'''", '"""']),
    prefix=st.sampled_from(["", "r", "u", "R", "U", "b", "rb", "Br"]),
)
def test_a_string_literal_reads_as_python_reads_it(text: str, quote: str, prefix: str) -> None:
    literal = f"{prefix}{quote}{text}{quote}"
    try:
        expression = cst.parse_expression(literal)
        value = ast.literal_eval(literal)
    except (cst.ParserSyntaxError, SyntaxError, ValueError):
        assume(False)  # not one literal, or one Python refuses
        raise
    assume(isinstance(expression, cst.SimpleString))
    assert string_segments(expression) == ([value] if isinstance(value, str) else None)
