"""Every case in rules/ produces exactly the findings its markers claim."""

from __future__ import annotations

import pytest
from cases import REPO, Case, all_cases

from lambdalint.registry import all_checks
from lambdalint.runner import Options, lint

CASES = all_cases()


def findings(case: Case) -> set[tuple[str, int, str]]:
    result = lint(Options(paths=[str(case.path)]))
    return {
        (d.path.resolve().relative_to(REPO).as_posix(), d.line, d.code) for d in result.diagnostics
    }


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_case_findings_match_markers(case: Case) -> None:
    assert findings(case) == case.expected()


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_case_says_what_it_is(case: Case) -> None:
    assert case.description().startswith("#"), "a case's first line says what it is and why"


@pytest.mark.parametrize("check", all_checks(), ids=lambda check: check.code)
def test_every_rule_has_positive_and_negative_cases(check) -> None:
    mine = [case for case in CASES if case.code == check.code]
    assert any(any(code == check.code for _, _, code in case.expected()) for case in mine)
    assert any(not case.expected() for case in mine)
