"""Per-file behaviour: unreadable input (LAM900), a failing rule (LAM901), noqa, file discovery."""

from __future__ import annotations

import json
from pathlib import Path

import libcst as cst
import pytest
from e2e import ASYNC_HANDLER, PLAIN_HANDLER, async_message, lambdalint, write

from lambdalint import checks, cli
from lambdalint.check import Check
from lambdalint.engine import FileTask, check_file

ASYNC = ASYNC_HANDLER.format(name="lambda_handler")
NOT_A_HANDLER = "def helper(item):\n    return (1\n"


def test_unreadable_files_are_lam900_and_the_run_goes_on(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "pyproject.toml": "[tool.lambdalint]\n",
            "a_syntax.py": "def lambda_handler(event, context):\n    return (1\n",
            "b_latin1.py": b"def lambda_handler(event, context):\n    return 'caf\xe9'\n",
            "c_null.py": b"def lambda_handler(event, context):\n    return 1\0\n",
            "d_tabs.py": "def lambda_handler(event, context):\n\tif event:\n        pass\n",
            "e_ok.py": ASYNC,
        },
    )
    run = lambdalint("check", cwd=tmp_path)
    assert run.stdout == (
        "a_syntax.py:2:12: LAM900 syntax error: '(' was never closed\n"
        "b_latin1.py:2:16: LAM900 cannot decode file as utf-8 (byte 0xe9: invalid continuation"
        " byte); save it as UTF-8 or declare its encoding\n"
        "c_null.py:2:13: LAM900 file contains a null byte\n"
        "d_tabs.py:3:1: LAM900 syntax error: inconsistent use of tabs and spaces in indentation\n"
        f"e_ok.py:1:1: {async_message()}\n"
    )
    assert (run.code, run.stderr) == (1, "")


def test_a_declared_encoding_is_honoured(tmp_path: Path) -> None:
    source = "# -*- coding: latin-1 -*-\nasync def lambda_handler(event, context):\n    'caf\xe9'\n"
    write(tmp_path, {"pyproject.toml": "[tool.lambdalint]\n", "app.py": source.encode("latin-1")})
    assert lambdalint("check", cwd=tmp_path).stdout == f"app.py:2:1: {async_message()}\n"


def test_an_empty_file_is_valid_python(tmp_path: Path) -> None:
    write(tmp_path, {"pyproject.toml": "[tool.lambdalint]\n", "lambda_function.py": ""})
    run = lambdalint("check", cwd=tmp_path)
    assert (run.code, run.stdout, run.stderr) == (0, "", "")


def test_an_empty_file_configured_as_a_handler_module_has_no_handler(tmp_path: Path) -> None:
    write(
        tmp_path,
        {"pyproject.toml": '[tool.lambdalint]\nhandlers = ["app.lambda_handler"]\n', "app.py": ""},
    )
    run = lambdalint("check", cwd=tmp_path)
    assert run.stdout == (
        "pyproject.toml:2:13: LAM007 handler 'app.lambda_handler': app.py has no"
        " top-level 'lambda_handler'\n"
    )


def test_a_syntax_error_in_a_file_that_holds_no_handler_is_not_parsed_by_the_prefilter(
    tmp_path: Path,
) -> None:
    write(tmp_path, {"pyproject.toml": "[tool.lambdalint]\n", "helpers.py": NOT_A_HANDLER})
    assert lambdalint("check", cwd=tmp_path).code == 0


def _relative(output: str, folder: Path) -> str:
    """The text output of a run given folder's absolute path, its paths relative to folder."""
    return output.replace(f"{folder.as_posix()}/", "")


class BreaksOnFileA(Check):
    """A rule with a bug that only shows on one file."""

    code = "LAM950"
    name = "breaks-on-file-a"
    summary = "test only"

    def visit_Pass(self, node, where) -> None:
        if self.context.path.name == "a.py":
            raise ValueError("cannot handle this pass")


def test_a_rule_failing_on_one_file_is_lam901_and_everything_else_still_runs(
    tmp_path: Path, monkeypatch, capsys
) -> None:
    write(tmp_path, {"pyproject.toml": "[tool.lambdalint]\n", "a.py": ASYNC, "b.py": ASYNC})
    monkeypatch.setattr(checks, "CHECKS", [*checks.CHECKS, BreaksOnFileA])
    assert cli.main(["check", str(tmp_path)]) == 2
    assert _relative(capsys.readouterr().out, tmp_path) == (
        f"a.py:1:1: {async_message()}\n"
        "a.py:1:1: LAM901 rule LAM950 breaks-on-file-a failed on this file: ValueError: cannot"
        " handle this pass; please report this bug\n"
        f"b.py:1:1: {async_message()}\n"
    )


def test_analysis_failing_on_one_file_is_lam901_and_other_files_still_run(
    tmp_path: Path, monkeypatch, capsys
) -> None:
    from lambdalint.analysis import FileContext

    original = FileContext.find_handlers

    def find_handlers(self, targets):
        if self.path.name == "a.py":
            raise AttributeError("no such node")
        return original(self, targets)

    write(tmp_path, {"pyproject.toml": "[tool.lambdalint]\n", "a.py": ASYNC, "b.py": ASYNC})
    monkeypatch.setattr(FileContext, "find_handlers", find_handlers)
    assert cli.main(["check", "--exit-zero", str(tmp_path)]) == 2
    assert _relative(capsys.readouterr().out, tmp_path) == (
        "a.py:1:1: LAM901 analysing this file failed: AttributeError: no such node;"
        " this file was not checked\n"
        f"b.py:1:1: {async_message()}\n"
    )


def test_deeply_nested_code_python_compiles_is_checked(tmp_path: Path) -> None:
    long_sum = " + ".join(["1"] * 2500)
    write(
        tmp_path,
        {
            "pyproject.toml": "[tool.lambdalint]\n",
            "app.py": ASYNC.replace("pass", f"return {long_sum}"),
        },
    )
    run = lambdalint("check", cwd=tmp_path)
    assert (run.code, run.stdout, run.stderr) == (1, f"app.py:1:1: {async_message()}\n", "")


@pytest.mark.parametrize(
    ("comment", "reported"),
    [
        ("  # noqa", False),
        ("  # noqa: LAM002", False),
        ("  # NOQA:LAM002,LAM004", False),
        ("  # noqa: LAM0", False),
        ("  # noqa: LAM004", True),
        ("  # noqa: E501", True),
        ("", True),
    ],
)
def test_noqa_on_the_reported_line_follows_flake8(
    tmp_path: Path, comment: str, reported: bool
) -> None:
    write(
        tmp_path,
        {
            "pyproject.toml": "[tool.lambdalint]\n",
            "app.py": f"async def lambda_handler(event, context):{comment}\n    pass\n",
        },
    )
    assert lambdalint("check", cwd=tmp_path).stdout == (
        f"app.py:1:1: {async_message()}\n" if reported else ""
    )


def test_noqa_counts_lines_as_python_does_despite_form_feeds(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "pyproject.toml": "[tool.lambdalint]\n",
            "app.py": "import os\x0c\nasync def lambda_handler(event, context):  # noqa\n"
            "    pass\n",
        },
    )
    assert lambdalint("check", cwd=tmp_path).stdout == ""
    assert (
        lambdalint(
            "check",
            "--format",
            "json",
            "-",
            cwd=tmp_path,
            stdin=b"import os\x0c\nasync def lambda_handler(event, context):\n    pass\n",
        ).stdout.count('"line": 2')
        == 1
    )


def test_discovery_skips_ignored_virtualenv_and_build_folders(tmp_path: Path) -> None:
    skipped = [
        "generated_client.py",
        "gen/a.py",
        ".venv/a.py",
        "env/a.py",
        "node_modules/x/a.py",
        ".aws-sam/build/Fn/a.py",
        "cdk.out/asset/a.py",
        "build/lib/a.py",
        "dist/a.py",
    ]
    write(
        tmp_path,
        {
            ".git/HEAD": "ref: refs/heads/main\n",
            # anchored to the repository's root, as git reads it
            ".gitignore": "generated_*.py\n/service/gen/\n",
            "service/pyproject.toml": "[tool.lambdalint]\n",
            "service/app.py": ASYNC,
            "service/env/pyvenv.cfg": "home = /usr/bin\n",
            **{f"service/{name}": ASYNC for name in skipped},
        },
    )
    # the repository's .gitignore applies although the walk starts below it
    run = lambdalint("check", cwd=tmp_path / "service")
    assert run.stdout == f"app.py:1:1: {async_message()}\n"
    explicit = lambdalint("check", "build/lib/a.py", cwd=tmp_path / "service")
    assert explicit.stdout == f"build/lib/a.py:1:1: {async_message()}\n"


def test_gitignore_files_are_read_as_git_reads_them(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            ".git/HEAD": "ref: refs/heads/main\n",
            # anchored: only the root's out/; dir-only: a file named cache.py stays
            ".gitignore": "/out/\ncache/\ngenerated/**\n*_local.py\n",
            "out/a.py": ASYNC,
            "pkg/out/a.py": ASYNC,
            "cache/a.py": ASYNC,
            "pkg/cache.py": ASYNC,
            "generated/deep/a.py": ASYNC,
            # a nested .gitignore applies to its folder and can re-include what an outer one ignores
            # a line git cannot read (a lone "!") is passed over, as git does
            "pkg/.gitignore": "!keep_local.py\n!\n",
            "pkg/x_local.py": ASYNC,
            "pkg/keep_local.py": ASYNC,
            "other/x_local.py": ASYNC,
        },
    )
    checked = lambdalint("check", "--format", "json", cwd=tmp_path).stdout
    paths = sorted({item["path"] for item in json.loads(checked)})
    assert paths == ["pkg/cache.py", "pkg/keep_local.py", "pkg/out/a.py"]
    in_subfolder = lambdalint("check", "pkg", cwd=tmp_path).stdout.splitlines()
    assert [line.split(":")[0] for line in in_subfolder] == [
        "pkg/cache.py",
        "pkg/keep_local.py",
        "pkg/out/a.py",
    ]


def test_exclude_globs_keep_their_shell_style_meaning(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "pyproject.toml": '[tool.lambdalint]\nexclude = ["legacy", "jobs/*.py"]\n',
            "app.py": ASYNC,
            "src/legacy/a.py": ASYNC,  # a name matches at any depth
            "jobs/deep/a.py": ASYNC,  # * also matches /
            "jobs.py": ASYNC,
        },
    )
    checked = lambdalint("check", cwd=tmp_path).stdout.splitlines()
    assert [line.split(":")[0] for line in checked] == ["app.py", "jobs.py"]


def test_a_plain_handler_has_no_findings(tmp_path: Path) -> None:
    write(tmp_path, {"pyproject.toml": "[tool.lambdalint]\n", "app.py": PLAIN_HANDLER})
    assert lambdalint("check", cwd=tmp_path).code == 0


class ShowsWhere(Check):
    """A rule that reports, for every call and on leaving every def, what its cursor says."""

    code = "LAM952"
    name = "shows-where"
    summary = "test only"

    def visit_Call(self, node, where) -> None:
        scope = where.scope.name.value if isinstance(where.scope, cst.FunctionDef) else "lambda"
        parents = [type(parent).__name__ for parent in where.ancestors()][:3]
        self.report(
            node,
            f"in {scope}, def {where.function.name.value},"
            f" reached {where.reached.name.value}, under {'<'.join(parents)}",
        )

    def leave_FunctionDef(self, node, where) -> None:
        self.report(node.name, f"left {node.name.value}, {len(list(where.ancestors()))} deep")


def test_node_rules_get_the_cursor_of_the_engines_walk(tmp_path: Path, monkeypatch) -> None:
    source = (
        "def lambda_handler(event, context):\n"
        "    def nested():\n"
        "        return (lambda: start())()\n"
        "    class Job:\n"
        "        size = measure()\n"
        "    return helper()\n"
        "\n"
        "def helper():\n"
        "    return []\n"
    )
    monkeypatch.setattr(checks, "CHECKS", [*checks.CHECKS, ShowsWhere])
    task = FileTask(tmp_path / "app.py", None, frozenset({"LAM952"}))
    assert sorted((d.line, d.message) for d in check_file(task, source.encode()).diagnostics) == [
        (1, "left lambda_handler, 0 deep"),
        (2, "left nested, 2 deep"),
        (3, "in lambda, def nested, reached lambda_handler, under Lambda<Call<Return"),
        (
            3,
            (
                "in nested, def nested, reached lambda_handler, under Return<SimpleStatementLine"
                "<IndentedBlock"
            ),
        ),
        (
            5,
            (
                "in lambda_handler, def lambda_handler, reached lambda_handler, under"
                " Assign<SimpleStatementLine<IndentedBlock"
            ),
        ),
        (
            6,
            (
                "in lambda_handler, def lambda_handler, reached lambda_handler, under"
                " Return<SimpleStatementLine<IndentedBlock"
            ),
        ),
        (8, "left helper, 0 deep"),
    ]
