"""The pre-commit hook as a user adds it: four lines in .pre-commit-config.yaml, then git commit.

The hook repository is a snapshot of this checkout's working tree (what git would carry:
tracked and untracked files, minus the ignored ones) committed in a temporary repository,
so the test runs the hook definition and the package as they are now, committed or not.
pre-commit installs it from there into its own virtualenv, under a per-session
PRE_COMMIT_HOME (about 10 s, once).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from e2e import ASYNC_HANDLER, PLAIN_HANDLER, async_message, write

CHECKOUT = Path(__file__).resolve().parents[1]
PRE_COMMIT = Path(sys.executable).with_name("pre-commit")


@dataclass(frozen=True)
class Git:
    code: int
    output: str


@pytest.fixture(scope="session")
def environment(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """No user or system git configuration, a fixed identity, a private pre-commit cache."""
    inherited = {key: value for key, value in os.environ.items() if not key.startswith("GIT_")}
    return {
        **inherited,
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": "Dev",
        "GIT_AUTHOR_EMAIL": "dev@example.com",
        "GIT_COMMITTER_NAME": "Dev",
        "GIT_COMMITTER_EMAIL": "dev@example.com",
        "PRE_COMMIT_HOME": str(tmp_path_factory.mktemp("pre-commit-home")),
    }


def git(*args: str, cwd: Path, env: dict[str, str]) -> Git:
    completed = subprocess.run(
        ["git", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=600
    )
    return Git(completed.returncode, completed.stdout + completed.stderr)


@pytest.fixture(scope="session")
def hook_revision(
    tmp_path_factory: pytest.TempPathFactory, environment: dict[str, str]
) -> tuple[Path, str]:
    """This checkout committed as it is now: the repository and the sha a user puts in rev:."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=CHECKOUT,
        capture_output=True,
        check=True,
    ).stdout
    repository = tmp_path_factory.mktemp("lambdalint-hook")
    for name in filter(None, listed.decode().split("\0")):
        source = CHECKOUT / name
        if source.is_file():  # a tracked file deleted in the working tree is not carried
            (repository / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, repository / name)
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "snapshot"]):
        assert git(*args, cwd=repository, env=environment).code == 0
    sha = git("rev-parse", "HEAD", cwd=repository, env=environment).output.strip()
    return repository, sha


@pytest.fixture
def project(tmp_path: Path, hook_revision: tuple[Path, str], environment: dict[str, str]) -> Path:
    """A git repository whose .pre-commit-config.yaml uses the hook, installed as a git hook."""
    return installed(tmp_path, hook_revision, environment, "lambdalint")


def installed(
    tmp_path: Path, hook_revision: tuple[Path, str], environment: dict[str, str], hook: str
) -> Path:
    repository, sha = hook_revision
    write(
        tmp_path,
        {
            ".pre-commit-config.yaml": (
                f"repos:\n  - repo: {repository}\n    rev: {sha}\n    hooks:\n      - id: {hook}\n"
            ),
            "pyproject.toml": '[tool.lambdalint]\nhandlers = ["app.lambda_handler"]\n',
        },
    )
    assert git("init", "-q", cwd=tmp_path, env=environment).code == 0
    installed = subprocess.run(
        [str(PRE_COMMIT), "install"],
        cwd=tmp_path,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert installed.returncode == 0, installed.stderr
    return tmp_path


def commit(project: Path, files: dict[str, str], environment: dict[str, str]) -> Git:
    write(project, files)
    assert git("add", "-A", cwd=project, env=environment).code == 0
    return git("commit", "-m", "change", cwd=project, env=environment)


def commits(project: Path, environment: dict[str, str]) -> int:
    return int(git("rev-list", "--count", "HEAD", cwd=project, env=environment).output)


def test_a_clean_commit_passes_and_a_broken_handler_is_blocked(
    project: Path, environment: dict[str, str]
) -> None:
    clean = commit(project, {"app.py": PLAIN_HANDLER}, environment)
    assert clean.code == 0, clean.output
    assert "lambdalint" in clean.output and "Passed" in clean.output

    broken = commit(project, {"app.py": ASYNC_HANDLER.format(name="lambda_handler")}, environment)
    assert broken.code == 1
    assert "- hook id: lambdalint\n- exit code: 1\n" in broken.output
    assert f"\napp.py:1:1: {async_message()}\n" in broken.output
    assert commits(project, environment) == 1


def test_a_commit_that_only_changes_the_handler_list_is_checked(
    project: Path, environment: dict[str, str]
) -> None:
    assert commit(project, {"app.py": PLAIN_HANDLER}, environment).code == 0
    # no Python file changes: the hook still runs, and checks the handlers of the project
    renamed = commit(
        project, {"pyproject.toml": '[tool.lambdalint]\nhandlers = ["app.main"]\n'}, environment
    )
    assert renamed.code == 1
    assert (
        "\npyproject.toml:2:13: LAM007 handler 'app.main': app.py has no top-level 'main'\n"
        in renamed.output
    )
    assert commits(project, environment) == 1


def test_what_is_checked_is_the_staged_content_not_unstaged_edits(
    project: Path, environment: dict[str, str]
) -> None:
    assert commit(project, {"app.py": PLAIN_HANDLER}, environment).code == 0
    write(project, {"helpers.py": "def helper():\n    return 1\n"})
    assert git("add", "helpers.py", cwd=project, env=environment).code == 0
    write(project, {"app.py": ASYNC_HANDLER.format(name="lambda_handler")})  # not staged
    staged = git("commit", "-m", "helper", cwd=project, env=environment)
    assert staged.code == 0, staged.output
    assert "lambdalint" in staged.output and "Passed" in staged.output
    assert (project / "app.py").read_text(encoding="utf-8").startswith("async def")


def test_the_fix_hook_fixes_and_fails_the_commit_as_ruffs_does(
    tmp_path: Path, hook_revision: tuple[Path, str], environment: dict[str, str]
) -> None:
    project = installed(tmp_path, hook_revision, environment, "lambdalint-fix")
    missing_context = "def lambda_handler(event):\n    return None\n"
    fixed = commit(project, {"app.py": missing_context}, environment)
    assert fixed.code == 1
    assert "- hook id: lambdalint-fix\n- files were modified by this hook\n" in fixed.output
    assert "Found 1 finding (1 fixed, 0 remaining)." in fixed.output
    assert (project / "app.py").read_text(encoding="utf-8") == (
        "def lambda_handler(event, _context=None):\n    return None\n"
    )
    assert git("rev-parse", "--verify", "-q", "HEAD", cwd=project, env=environment).code != 0
    again = git("commit", "-am", "fixed", cwd=project, env=environment)
    assert again.code == 0, again.output
    assert commits(project, environment) == 1
