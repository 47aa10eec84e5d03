"""``[tool.lambdalint]``: what each key does, and one clear line for every mistake in it."""

from __future__ import annotations

from pathlib import Path

import pytest
from e2e import ASYNC_HANDLER, async_message, lambdalint, write

from lambdalint.config import load_config

ASYNC = ASYNC_HANDLER.format(name="lambda_handler")


@pytest.mark.parametrize(
    ("pyproject", "error"),
    [
        (
            '[tool.lambdalint]\nextend-selct = ["LAM002"]\n',
            (
                "pyproject.toml:2: unknown key 'extend-selct' in [tool.lambdalint];"
                " did you mean 'extend-select'?"
            ),
        ),
        (
            '[project]\nname = "orders"\n[tool.lambdalint]\nselect = ["LAM002"\n',
            "pyproject.toml:4: invalid TOML: ",
        ),
        (
            '[tool.lambdalint]\nhandlers = ["app.lambda_handler"]\nhandlers = []\n',
            "pyproject.toml:3: invalid TOML: ",
        ),
        (
            '[tool.lambdalint]\nselect = ["LAM002", "LAM77"]\n',
            "pyproject.toml:2: 'select': unknown rule code or prefix 'LAM77'",
        ),
        (
            '[tool.lambdalint]\n\nignore = ["E501"]\n',
            "pyproject.toml:3: 'ignore': unknown rule code or prefix 'E501'",
        ),
        (
            '[tool.lambdalint]\nper-file-ignores = { "tests/*" = ["LAM9999"] }\n',
            "pyproject.toml:2: 'per-file-ignores.tests/*': unknown rule code or prefix 'LAM9999'",
        ),
        ("[tool.lambdalint]\nselect = 2\n", "pyproject.toml:2: 'select' must be a list of strings"),
        (
            '[tool.lambdalint]\nexclude = ["build", 3]\n',
            "pyproject.toml:2: 'exclude' must be a list of strings",
        ),
        (
            '[tool.lambdalint]\nhandlers = "app.lambda_handler"\n',
            "pyproject.toml:2: 'handlers' must be a list",
        ),
        (
            "[tool.lambdalint]\nhandlers = [3]\n",
            (
                'pyproject.toml:2: a handlers entry must be "module.function"'
                ' or { handler = "module.function", code-root = "dir" }'
            ),
        ),
        (
            '[tool.lambdalint]\nhandlers = [{ handler = "app.lambda_handler", coderoot = "src" }]\n',
            (
                "pyproject.toml:2: unknown key 'coderoot' in a handlers entry;"
                " expected 'handler' and 'code-root'"
            ),
        ),
        (
            '[tool.lambdalint]\ncode-root = ["src"]\n',
            "pyproject.toml:2: 'code-root' must be a string",
        ),
        (
            '[tool.lambdalint]\nper-file-ignores = ["tests/*"]\n',
            "pyproject.toml:2: 'per-file-ignores' must be a table of glob = [codes]",
        ),
        (
            '[tool.lambdalint]\nhandlers = [\n  { handler = "app.lambda_handler", code-root = 5 },\n]\n',
            "pyproject.toml:3: 'code-root' must be a string (a folder)",
        ),
        # TOML's \\u0000 escape: a NUL byte no path, glob or name can hold
        (
            '[tool.lambdalint]\ncode-root = "src\\u0000"\n',
            "pyproject.toml:2: 'code-root' contains a NUL byte",
        ),
        (
            '[tool.lambdalint]\nbaseline = "base\\u0000line.json"\n',
            "pyproject.toml:2: 'baseline' contains a NUL byte",
        ),
        (
            '[tool.lambdalint]\nexclude = ["build", "gen\\u0000"]\n',
            "pyproject.toml:2: 'exclude' contains a NUL byte",
        ),
        (
            '[tool.lambdalint]\nper-file-ignores = { "tests/\\u0000*" = ["LAM002"] }\n',
            "pyproject.toml:2: 'per-file-ignores' contains a NUL byte",
        ),
        (
            '[tool.lambdalint]\nhandlers = [{ handler = "app.lambda\\u0000handler" }]\n',
            "pyproject.toml:2: 'handlers' contains a NUL byte",
        ),
        (
            '[tool.lambdalint]\noutput-file = ""\n',
            "pyproject.toml:2: 'output-file' is empty; it must name a file",
        ),
        (
            '[tool.lambdalint]\nselect = ["LAM002", ""]\n',
            "pyproject.toml:2: 'select': an empty rule code; name a code or prefix like LAM00",
        ),
    ],
)
def test_a_configuration_mistake_is_one_line_on_stderr_and_exit_2(
    tmp_path: Path, pyproject: str, error: str
) -> None:
    write(tmp_path, {"pyproject.toml": pyproject, "app.py": ASYNC})
    run = lambdalint("check", cwd=tmp_path)
    assert (run.code, run.stdout) == (2, "")
    assert run.stderr.startswith(f"lambdalint: {error}")
    assert run.stderr.count("\n") == 1 and "Traceback" not in run.stderr


def test_broken_toml_names_the_file_line_and_reason(tmp_path: Path) -> None:
    write(tmp_path, {"pyproject.toml": '[tool.lambdalint]\nselect = ["LAM002",,]\n'})
    run = lambdalint("check", cwd=tmp_path)
    assert run.stderr == "lambdalint: pyproject.toml:2: invalid TOML: Invalid value\n"


@pytest.mark.parametrize(
    ("args", "error"),
    [
        (["check", "no/such/dir"], "no/such/dir: no such file or directory"),
        (
            ["check", "--config", "missing.toml"],
            "missing.toml: cannot read configuration: No such file or directory",
        ),
    ],
)
def test_a_missing_path_is_one_line_and_exit_2(tmp_path: Path, args: list[str], error: str) -> None:
    run = lambdalint(*args, cwd=tmp_path)
    assert (run.code, run.stdout, run.stderr) == (2, "", f"lambdalint: {error}\n")


def test_handlers_as_strings_and_tables_with_their_own_code_root(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "pyproject.toml": '[tool.lambdalint]\ncode-root = "src"\nhandlers = [\n'
            '  "app.lambda_handler",\n'
            '  { handler = "api.lambda_handler",'
            ' code-root = "services/orders" },\n]\n',
            "src/app.py": ASYNC,
            "services/orders/api.py": ASYNC,
            "services/orders/helper.py": ASYNC,  # not declared: a handler by convention
        },
    )
    config = load_config(tmp_path / "pyproject.toml")
    assert [(spec.handler, spec.code_root, spec.declared_line) for spec in config.handlers] == [
        ("app.lambda_handler", (tmp_path / "src").resolve(), 4),
        ("api.lambda_handler", (tmp_path / "services/orders").resolve(), 5),
    ]
    run = lambdalint("check", cwd=tmp_path)
    assert run.stdout == (
        f"services/orders/api.py:1:1: {async_message()}\n"
        f"services/orders/helper.py:1:1: {async_message()}\n"
        f"src/app.py:1:1: {async_message()}\n"
    )


def test_per_file_ignores_match_globs_relative_to_the_config(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "pyproject.toml": '[tool.lambdalint]\nper-file-ignores = { "legacy/*.py" = ["lam002"] }\n',
            "app.py": ASYNC,
            "legacy/old.py": ASYNC,
        },
    )
    assert lambdalint("check", cwd=tmp_path).stdout == f"app.py:1:1: {async_message()}\n"


def test_exclude_skips_files_and_folders(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "pyproject.toml": '[tool.lambdalint]\nexclude = ["generated", "scratch_*.py"]\n',
            "app.py": ASYNC,
            "generated/client.py": ASYNC,
            "scratch_try.py": ASYNC,
        },
    )
    assert lambdalint("check", cwd=tmp_path).stdout == f"app.py:1:1: {async_message()}\n"


def test_select_in_config_applies_and_the_command_line_overrides_it(tmp_path: Path) -> None:
    write(tmp_path, {"pyproject.toml": '[tool.lambdalint]\nselect = ["LAM007"]\n', "app.py": ASYNC})
    assert lambdalint("check", cwd=tmp_path).code == 0
    assert lambdalint("check", "--select", "LAM002", cwd=tmp_path).stdout == (
        f"app.py:1:1: {async_message()}\n"
    )


def test_ignore_in_config_adds_to_the_command_line(tmp_path: Path) -> None:
    write(tmp_path, {"pyproject.toml": '[tool.lambdalint]\nignore = ["LAM002"]\n', "app.py": ASYNC})
    assert lambdalint("check", "--extend-select", "LAM007", cwd=tmp_path).code == 0


def test_the_nearest_pyproject_with_a_lambdalint_table_wins(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "pyproject.toml": '[tool.lambdalint]\nignore = ["LAM002"]\n',
            "service/pyproject.toml": '[project]\nname = "service"\n',  # no table: not a config
            "service/app.py": ASYNC,
            "other/pyproject.toml": "[tool.lambdalint]\n",
            "other/app.py": ASYNC,
        },
    )
    assert lambdalint("check", cwd=tmp_path).stdout == f"other/app.py:1:1: {async_message()}\n"


@pytest.mark.parametrize(
    ("document", "error"),
    [
        ("tool = 5\n", "other.toml:1: 'tool' must be a table, such as [tool.lambdalint]"),
        (
            '[project]\nname = "orders"\n\n[tool]\nlambdalint = 5\n',
            "other.toml:5: [tool.lambdalint] must be a table",
        ),
        ("", None),  # a file without the table: the defaults, as with no configuration
    ],
)
def test_the_file_config_names_must_hold_tables(
    tmp_path: Path, document: str, error: str | None
) -> None:
    write(
        tmp_path, {"pyproject.toml": "[tool.lambdalint]\n", "other.toml": document, "app.py": ASYNC}
    )
    run = lambdalint("check", "--config", "other.toml", cwd=tmp_path)
    if error is None:
        assert (run.code, run.stdout, run.stderr) == (1, f"app.py:1:1: {async_message()}\n", "")
    else:
        assert (run.code, run.stdout, run.stderr) == (2, "", f"lambdalint: {error}\n")


def test_an_unreadable_config_file_is_one_line_and_exit_2(tmp_path: Path) -> None:
    write(tmp_path, {"app.py": ASYNC})
    (tmp_path / "loop.toml").symlink_to("loop.toml")
    run = lambdalint("check", "--config", "loop.toml", cwd=tmp_path)
    assert (run.code, run.stdout, run.stderr) == (
        2,
        "",
        "lambdalint: loop.toml: cannot read configuration: Too many levels of symbolic links\n",
    )


def test_an_empty_select_selects_nothing_and_says_so(tmp_path: Path) -> None:
    write(tmp_path, {"pyproject.toml": "[tool.lambdalint]\n\nselect = []\n", "app.py": ASYNC})
    run = lambdalint("check", cwd=tmp_path)
    warning = "lambdalint: warning: pyproject.toml:3: no rule is selected, so nothing is checked\n"
    assert (run.code, run.stdout, run.stderr) == (0, "", warning)
    # as in ruff, extend-select adds to the empty selection, and --select replaces it
    write(
        tmp_path, {"pyproject.toml": '[tool.lambdalint]\nselect = []\nextend-select = ["LAM002"]\n'}
    )
    assert lambdalint("check", cwd=tmp_path).stdout == f"app.py:1:1: {async_message()}\n"
    run = lambdalint("check", "--select", "", "--ignore", "LAM002", cwd=tmp_path)
    assert (run.code, run.stdout) == (0, "")
    assert (
        run.stderr == "lambdalint: warning: --select: no rule is selected, so nothing is checked\n"
    )


def test_a_handler_path_that_climbs_out_of_the_code_root_says_what_the_runtime_imports(
    tmp_path: Path,
) -> None:
    write(
        tmp_path,
        {
            "pyproject.toml": '[tool.lambdalint]\nhandlers = ["../../outside/x.handler", "./app.lambda_handler"]\n',
            "app.py": "def lambda_handler(event, context):\n    pass\n",
        },
    )
    run = lambdalint("check", cwd=tmp_path)
    assert run.stdout == (
        "pyproject.toml:2:13: LAM007 handler '../../outside/x.handler': the runtime imports"
        " module '......outside.x', which is relative or has an empty part, so the import fails;"
        " name the module by its path inside the code root\n"
        "pyproject.toml:2:40: LAM007 handler './app.lambda_handler': the runtime imports"
        " module '..app', which is relative or has an empty part, so the import fails;"
        " name the module by its path inside the code root\n"
    )
