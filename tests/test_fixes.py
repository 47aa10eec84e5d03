"""--fix, --diff, --fix-only and --unsafe-fixes: every case's fix gives its expected output,
the fixed handler really runs, fixing is idempotent and never breaks code, and the
command behaves as ruff's does."""

from __future__ import annotations

import contextlib
import json
import os
import random
import shutil
import stat
import sys
from pathlib import Path

import pytest
from cases import REPO, Case, all_cases
from e2e import lambdalint, write
from test_runtime_oracle import ORACLE_CODES, lambdalint_findings, runtime_failures

from lambdalint import cli, fixing
from lambdalint.checks.handler_signature import HandlerSignature
from lambdalint.diagnostics import SAFE, UNSAFE, Diagnostic, Edit, Fix
from lambdalint.engine import FileTask, check_file
from lambdalint.registry import all_codes
from lambdalint.runner import Options, lint

CASES = all_cases()
MISSING_CONTEXT = "def lambda_handler(event):\n    return {'statusCode': 200}\n"
MISSING_FINDING = (
    "app.py:1:1: LAM001 handler 'lambda_handler' takes 1 positional parameter but the runtime"
    " passes 2 (event, context); add a context parameter\n"
)


def placed(case: Case, tmp_path: Path) -> Path:
    """A copy of the case where it sits under rules/ (whose pyproject.toml applies)."""
    rules = tmp_path / "rules"
    target = rules / case.path.relative_to(REPO / "rules")
    target.parent.mkdir(parents=True)
    shutil.copy(REPO / "rules/pyproject.toml", rules / "pyproject.toml")
    if case.path.is_dir():
        shutil.copytree(case.path, target, ignore=shutil.ignore_patterns("fixed", "__pycache__"))
    else:
        shutil.copy(case.path, target)
    return target


def fixed(target: Path) -> list[Diagnostic]:
    """Fix the copy (unsafe fixes too); the findings left."""
    return lint(Options(paths=[str(target)], fix=True, unsafe_fixes=True)).diagnostics


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_each_case_is_fixed_as_its_fixed_file_says(case: Case, tmp_path: Path) -> None:
    target = placed(case, tmp_path)
    before = lint(Options(paths=[str(target)])).diagnostics
    fixable = [item for item in before if item.fix is not None]
    left = fixed(target)
    for file in case.files():
        after = (target / file.relative_to(case.path)) if case.path.is_dir() else target
        expected = case.fixed(file)
        wanted = expected.read_bytes() if expected.exists() else file.read_bytes()
        assert after.read_bytes() == wanted, f"{after} differs from {expected}"
    # every fixed finding is gone, none left has a fix (a fix may bring a new finding to light:
    # the set an async handler returns reaches the encoder once it runs), and a second --fix
    # changes nothing
    assert not {(item.code, item.message) for item in fixable} & {
        (item.code, item.message) for item in left
    }
    assert [item for item in left if item.fix is not None] == []
    snapshot = {path: path.read_bytes() for path in tmp_path.rglob("*.py")}
    assert fixed(target) == left
    assert {path: path.read_bytes() for path in tmp_path.rglob("*.py")} == snapshot


def test_every_fixed_file_belongs_to_a_case() -> None:
    expected = {case.fixed(file) for case in CASES for file in case.files()}
    kept = {path for path in (REPO / "rules").rglob("*.py") if path.name.endswith(".fixed.py")}
    kept |= set((REPO / "rules").rglob("fixed/*.py"))
    assert kept and kept <= expected


FIXED_ORACLE_CASES = [
    case
    for case in CASES
    if case.code in ORACLE_CODES and any(case.fixed(file).exists() for file in case.files())
]


@pytest.mark.parametrize("case", FIXED_ORACLE_CASES, ids=[case.id for case in FIXED_ORACLE_CASES])
def test_a_fixed_handler_runs_as_the_runtime_calls_it(
    case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The runtime is the oracle of the fixed code too: what lambdalint still reports (an
    async handler, say) fails there, and a handler it no longer reports runs."""
    target = placed(case, tmp_path)
    fixed(target)
    copy = Case(case.rule_dir, target)
    findings = lambdalint_findings(copy)
    failures = {name: why for name, why in runtime_failures(copy, monkeypatch).items() if why}
    assert not any("LAM001" in finding for finding in findings)
    assert not any("positional argument" in why for why in failures.values()), failures
    assert bool(findings) == bool(failures), (findings, failures)


# -- fixing as a property: generated handlers ---------------------------------------------

DECORATED = ("", "@functools.wraps(print)\n")


def _signature(rng: random.Random) -> str:
    """A parameter list a handler might have, valid Python or not (ast decides)."""
    parts: list[str] = []
    for name in rng.sample(["event", "ctx", "request", "_context", "payload"], rng.randint(0, 2)):
        annotation = rng.choice(["", ": dict", ": 'LambdaContext'"])
        default = rng.choice(["", "", " = None", "=None", "=(None)", " = ( {} )"])
        parts.append(f"{name}{annotation}{default}")
    if parts and rng.random() < 0.2:
        parts.insert(rng.randint(1, len(parts)), "/")
    if rng.random() < 0.2:
        parts.append(rng.choice(["*args", "*"]))
        if parts[-1] == "*":
            parts.append(rng.choice(["key=1", "key"]))
    if rng.random() < 0.2:
        parts.append("**kwargs")
    if rng.random() < 0.3 and parts:
        comma = "," if rng.random() < 0.5 else ""
        comment = rng.choice(["", "  # the request"])
        return "\n    " + f",{comment}\n    ".join(parts) + comma + "\n"
    return ", ".join(parts) + ("," if parts and rng.random() < 0.2 else "")


def _program(rng: random.Random) -> str:
    body = rng.choice(
        [
            "    return 1\n",
            "    return _context\n",
            "    x = _event\n    return x\n",
            '    s3 = boto3.client("s3")  # the client\n    return s3\n',
        ]
    )
    shape = rng.random()
    if shape < 0.15:
        params = ", ".join(p for p in ["event", "context"][: rng.randint(0, 2)])
        return f"lambda_handler = lambda {params}: 1  # a lambda\n"
    if shape < 0.3:
        return (
            f"class Handler:\n    def __call__(self, {_signature(rng)}):\n    {body}\n\n"
            "lambda_handler = Handler()\n"
        )
    spacing = rng.choice(["", "\n# leading comment\n"])
    imports = rng.choice(
        ["import functools\nimport boto3\n", '"""Docstring."""\nimport asyncio\nimport boto3\n', ""]
    )
    kind = rng.choice(["def", "def", "async def"])
    return f"{imports}{spacing}\n{kind} lambda_handler({_signature(rng)}):\n{body}"


def _parses(text: str) -> bool:
    try:
        compile(text, "generated.py", "exec")
    except SyntaxError:
        return False
    return True


def test_fixing_generated_handlers_never_breaks_them_and_is_idempotent(tmp_path: Path) -> None:
    rng = random.Random(20261207)  # noqa: S311 - programs to test, no secret
    path = tmp_path / "generated.py"
    task = FileTask(path, None, frozenset(all_codes()))
    programs = [text for text in (_program(rng) for _ in range(3000)) if _parses(text)]
    fixes = 0
    for text in programs:
        result = check_file(task, text.encode())
        outcome = fixing.fixes_applied(task, result, text, "utf-8", lambda item: True)
        if outcome is None:
            assert not any(item.fix for item in result.diagnostics), text
            continue
        fixes += outcome.fixes
        assert _parses(outcome.after), (text, outcome.after)
        assert (
            fixing.fixes_applied(task, outcome.result, outcome.after, "utf-8", lambda _: True)
            is None
        )
        left = outcome.result.diagnostics
        assert not any(item.fix for item in left), outcome.after
        if any(item.code == "LAM001" for item in left) or "boto3.client" in outcome.after:
            continue  # a signature no fix mends; a client made at import needs a region
        namespace: dict[str, object] = {}
        exec(compile(outcome.after, "generated.py", "exec"), namespace)  # noqa: S102 - our code
        handler = namespace["lambda_handler"]
        assert callable(handler)
        # the runtime's call binds now (a body may read a global no program defines)
        with contextlib.suppress(NameError):
            handler({}, object())
    assert len(programs) > 2000 and fixes > 500


# -- the guarantees: passes, failures, what a write keeps ---------------------------------


def test_edits_that_touch_wait_for_the_next_pass() -> None:
    first = Fix(SAFE, "a", (Edit(1, 4, 1, 4, "x"),))
    same_place = Fix(SAFE, "b", (Edit(1, 4, 1, 4, "y"),))
    overlapping = Fix(SAFE, "c", (Edit(1, 2, 1, 6, "z"),))
    apart = Fix(SAFE, "d", (Edit(2, 0, 2, 0, "w"),))
    chosen = fixing._disjoint([same_place, first, overlapping, apart])
    assert chosen == [overlapping, apart]  # the earliest first, then what touches none taken
    assert fixing.applied("abcdefg\nline\n", chosen) == "abzg\nwline\n"


def test_two_handlers_in_one_file_are_fixed_together(tmp_path: Path) -> None:
    project = write(
        tmp_path,
        {
            "pyproject.toml": '[tool.lambdalint]\nhandlers = ["app.lambda_handler", "app.other"]\n',
            "app.py": "def lambda_handler(event):\n    return 1\n\n\ndef other():\n    return 2\n",
        },
    )
    run = lambdalint("check", "--fix", cwd=project)
    assert (run.code, run.stdout) == (0, "")
    assert run.stderr == "Found 2 findings (2 fixed, 0 remaining).\n"
    assert (project / "app.py").read_text(encoding="utf-8") == (
        "def lambda_handler(event, _context=None):\n    return 1\n\n\n"
        "def other(_event=None, _context=None):\n    return 2\n"
    )


@pytest.mark.parametrize(
    ("name", "content"),
    [
        pytest.param("bom", "\ufeff" + MISSING_CONTEXT, id="utf-8-bom"),
        pytest.param("crlf", MISSING_CONTEXT.replace("\n", "\r\n"), id="crlf"),
        pytest.param(
            "latin1",
            "# -*- coding: latin-1 -*-\n# caf\xe9\n" + MISSING_CONTEXT,
            id="latin-1-cookie",
        ),
    ],
)
def test_a_fixed_file_keeps_its_encoding_newlines_and_mode(
    tmp_path: Path, name: str, content: str
) -> None:
    encoding = "latin-1" if name == "latin1" else "utf-8"
    raw = content.encode(encoding)
    project = write(tmp_path, {"pyproject.toml": "[tool.lambdalint]\n", "app.py": raw})
    handler = project / "app.py"
    handler.chmod(0o754)
    run = lambdalint("check", "--fix", cwd=project)
    assert run.code == 0, run.stderr
    expected = content.replace("(event)", "(event, _context=None)").encode(encoding)
    assert handler.read_bytes() == expected
    assert stat.S_IMODE(handler.stat().st_mode) == 0o754
    assert sorted(path.name for path in project.iterdir()) == [
        ".lambdalint_cache",
        "app.py",
        "pyproject.toml",
    ]  # no temporary file left


def test_a_fix_through_a_link_edits_its_target_and_keeps_the_link(tmp_path: Path) -> None:
    project = write(
        tmp_path, {"pyproject.toml": "[tool.lambdalint]\n", "real/app.py": MISSING_CONTEXT}
    )
    (project / "app.py").symlink_to(project / "real/app.py")
    lambdalint("check", "--fix", "app.py", cwd=project)
    assert (project / "app.py").is_symlink()
    assert "(event, _context=None)" in (project / "real/app.py").read_text(encoding="utf-8")


def _broken_fix(self: HandlerSignature, handler: object, parameters: object) -> Fix:
    return Fix(SAFE, "break it", (Edit(1, 0, 1, 3, "(((("),))


def test_a_fix_that_breaks_the_code_leaves_the_file_untouched_and_is_lam901(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = write(tmp_path, {"pyproject.toml": "[tool.lambdalint]\n", "app.py": MISSING_CONTEXT})
    monkeypatch.setattr(HandlerSignature, "_added", _broken_fix)
    result = lint(Options(paths=[str(project)], fix=True))
    assert (project / "app.py").read_text(encoding="utf-8") == MISSING_CONTEXT
    assert [(item.code, item.line) for item in result.diagnostics] == [
        ("LAM001", 1),
        ("LAM901", 1),
    ]
    assert result.diagnostics[1].message.startswith(
        "applying fixes to this file failed (ParserSyntaxError: "
    )
    assert result.diagnostics[1].message.endswith(
        "; the file was left as it was; please report this bug"
    )


# -- the command, as ruff's ---------------------------------------------------------------


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """One LAM001 finding --fix fixes, and one it cannot (a parameter too many)."""
    return write(
        tmp_path,
        {
            "pyproject.toml": "[tool.lambdalint]\n",
            "app.py": MISSING_CONTEXT,
            "jobs.py": "def lambda_handler(event, context, retries):\n    return None\n",
        },
    )


def test_check_alone_reports_and_fixes_nothing(project: Path) -> None:
    run = lambdalint("check", cwd=project)
    assert (run.code, run.stderr) == (1, "")  # not a terminal: stderr is for problems
    assert run.stdout.startswith(MISSING_FINDING)
    assert (project / "app.py").read_text(encoding="utf-8") == MISSING_CONTEXT


def test_diff_prints_the_change_writes_nothing_and_exits_1(project: Path) -> None:
    run = lambdalint("check", "--diff", cwd=project)
    assert (run.code, run.stderr) == (1, "Would fix 1 finding.\n")
    assert run.stdout == (
        "--- app.py\n+++ app.py\n@@ -1,2 +1,2 @@\n"
        "-def lambda_handler(event):\n+def lambda_handler(event, _context=None):\n"
        "     return {'statusCode': 200}\n"
    )
    assert (project / "app.py").read_text(encoding="utf-8") == MISSING_CONTEXT
    (project / "app.py").write_text(MISSING_CONTEXT.replace("(event)", "(event, context)"))
    clean = lambdalint("check", "--diff", cwd=project)
    assert (clean.code, clean.stdout, clean.stderr) == (0, "", "Would fix 0 findings.\n")


def test_fix_writes_reports_what_is_left_and_exits_on_it(project: Path) -> None:
    run = lambdalint("check", "--fix", cwd=project)
    assert run.code == 1
    assert run.stdout.startswith("jobs.py:1:1: LAM001 handler 'lambda_handler' requires 3 ")
    assert run.stderr == "Found 2 findings (1 fixed, 1 remaining).\n"
    assert "(event, _context=None)" in (project / "app.py").read_text(encoding="utf-8")
    (project / "jobs.py").unlink()
    again = lambdalint("check", "--fix", cwd=project)
    assert (again.code, again.stdout, again.stderr) == (
        0,
        "",
        "Found 0 findings (0 fixed, 0 remaining).\n",
    )


def test_fix_only_fixes_and_reports_nothing_else(project: Path) -> None:
    run = lambdalint("check", "--fix-only", cwd=project)
    assert (run.code, run.stdout, run.stderr) == (0, "", "Fixed 1 finding.\n")
    assert "(event, _context=None)" in (project / "app.py").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "setting", ['unfixable = ["LAM001"]', 'fixable = ["LAM002"]'], ids=["unfixable", "fixable"]
)
def test_fixable_and_unfixable_say_which_rules_fix(project: Path, setting: str) -> None:
    (project / "pyproject.toml").write_text(f"[tool.lambdalint]\n{setting}\n", encoding="utf-8")
    run = lambdalint("check", "--fix", cwd=project)
    assert run.code == 1
    assert run.stderr == "Found 2 findings (0 fixed, 2 remaining).\n"
    assert (project / "app.py").read_text(encoding="utf-8") == MISSING_CONTEXT


def _unsafe(self: HandlerSignature, handler: object, parameters: object) -> Fix | None:
    found = HANDLER_ADDED(self, handler, parameters)
    return Fix(UNSAFE, found.description, found.edits) if found else None


HANDLER_ADDED = HandlerSignature._added


def test_unsafe_fixes_need_their_flag(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(HandlerSignature, "_added", _unsafe)
    monkeypatch.chdir(project)

    def after_the_summary(*flags: str) -> list[str]:
        """What a person sees on a terminal after the run's summary line."""
        monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
        assert cli.main(["check", "--no-cache", "--jobs", "1", *flags]) == 1
        return capsys.readouterr().err.splitlines()[1:]

    assert after_the_summary() == [
        "No fixes available (1 hidden fix can be enabled with the `--unsafe-fixes` option)."
    ]
    assert after_the_summary("--unsafe-fixes") == ["[*] 1 fixable with the `--fix` option."]
    assert cli.main(["check", "--no-cache", "--jobs", "1", "--fix"]) == 1
    assert capsys.readouterr().err.splitlines()[0] == "Found 2 findings (0 fixed, 2 remaining)."
    assert cli.main(["check", "--no-cache", "--jobs", "1", "--fix", "--unsafe-fixes"]) == 1
    assert capsys.readouterr().err.splitlines()[0] == "Found 2 findings (1 fixed, 1 remaining)."


def test_json_and_sarif_carry_the_fix(project: Path) -> None:
    (finding, _) = json.loads(lambdalint("check", "--format", "json", cwd=project).stdout)
    assert finding["fix"] == {
        "applicability": "safe",
        "message": "Add `_context=None` to the parameters",
        "edits": [
            {
                "content": ", _context=None",
                "location": {"row": 1, "column": 25},
                "end_location": {"row": 1, "column": 25},
            }
        ],
    }
    sarif = json.loads(lambdalint("check", "--format", "sarif", cwd=project).stdout)
    fixed, unfixable = sarif["runs"][0]["results"]
    assert "fixes" not in unfixable
    assert fixed["fixes"] == [
        {
            "description": {"text": "Add `_context=None` to the parameters (safe fix)"},
            "artifactChanges": [
                {
                    "artifactLocation": {"uri": "app.py", "uriBaseId": "%SRCROOT%"},
                    "replacements": [
                        {
                            "deletedRegion": {
                                "startLine": 1,
                                "startColumn": 25,
                                "endLine": 1,
                                "endColumn": 25,
                            },
                            "insertedContent": {"text": ", _context=None"},
                        }
                    ],
                }
            ],
        }
    ]


def test_the_runs_cache_never_answers_a_fix(project: Path) -> None:
    """A run that would print the same findings must still fix them (lambdalint.memo)."""
    os.utime(project / "app.py", (1_600_000_000, 1_600_000_000))
    lambdalint("check", cwd=project)
    lambdalint("check", cwd=project)
    assert lambdalint("check", "--diff", cwd=project).code == 1
    assert lambdalint("check", "--fix", cwd=project).stderr.startswith("Found 2 findings (1 fixed")
