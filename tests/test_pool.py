"""`check --jobs`: per-file work in worker processes reports exactly what one process does."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from cases import REPO, all_cases
from e2e import async_message, lambdalint, write

PROJECTS = sorted((REPO / "tests" / "projects").iterdir())
JOBS = (["--jobs", "1"], ["--jobs", "2"], [])  # the last: the default, one per CPU


def same_whatever_the_jobs(*args: str, cwd: Path) -> None:
    for output_format in ("text", "json"):
        runs = {
            " ".join(jobs) or "default": lambdalint(
                # no cache: every run checks each file itself
                "check",
                "--exit-zero",
                "--no-cache",
                "--format",
                output_format,
                *jobs,
                *args,
                cwd=cwd,
            )
            for jobs in JOBS
        }
        serial = runs.pop("--jobs 1")
        assert serial.code == 0, serial.stderr
        for jobs, run in runs.items():
            assert run == serial, f"{output_format} output of {jobs} differs from --jobs 1"


def test_every_case_project_reports_the_same_whatever_the_jobs() -> None:
    # each project as its own argument: checked as at its root, in one run that fills a pool
    same_whatever_the_jobs(
        *(project.relative_to(REPO).as_posix() for project in PROJECTS), cwd=REPO
    )


def test_every_rule_case_reports_the_same_whatever_the_jobs() -> None:
    # each case as its own argument, as the rule-case tests check them; enough for a pool
    cases = [case.path.relative_to(REPO).as_posix() for case in all_cases()]
    same_whatever_the_jobs(*cases, cwd=REPO)


def pool_sized_project(tmp_path: Path) -> tuple[Path, list[str]]:
    """a.py and 63 more async handlers: files enough and long enough (comments: a commented
    module) that a pool pays off; the project and the files' names, a.py first."""
    names = ["a", *(f"m{index:02}" for index in range(63))]
    commented = "".join(f"# {index:03} {'-' * 95}\n" for index in range(100))
    project = write(
        tmp_path / "project",
        {
            "pyproject.toml": "[tool.lambdalint]\n",
            **{
                f"{name}.py": f"{commented}async def lambda_handler(event, context):\n    pass\n"
                for name in names
            },
        },
    )
    return project, names


BREAKING_RULE = """\
import os

from lambdalint import checks
from lambdalint.check import Check


class BreaksOnFileA(Check):
    code = "LAM950"
    name = "breaks-on-file-a"
    summary = "test only"

    def visit_Pass(self, node, where):
        with open(os.environ["CHECKED_BY"], "a") as pids:
            pids.write(f"{os.getpid()}\\n")
        if self.context.path.name == "a.py":
            raise ValueError("cannot handle this pass")


checks.CHECKS.append(BreaksOnFileA)
"""


def test_a_rule_failing_in_a_worker_is_lam901_for_that_file_and_the_run_goes_on(
    tmp_path: Path,
) -> None:
    # the bug is installed at every interpreter's start, so the workers have it too
    write(tmp_path / "site", {"sitecustomize.py": BREAKING_RULE})
    project, names = pool_sized_project(tmp_path)
    pids = tmp_path / "pids"
    env = {"PYTHONPATH": str(tmp_path / "site"), "CHECKED_BY": str(pids)}
    serial = lambdalint("check", "--no-cache", "--jobs", "1", cwd=project, env=env)
    assert len(set(pids.read_text().split())) == 1
    pids.unlink()
    pooled = lambdalint("check", "--no-cache", "--jobs", "2", cwd=project, env=env)
    assert len(set(pids.read_text().split())) == 2  # the files were checked by two workers
    assert pooled == serial
    assert pooled.code == 2
    lines = pooled.stdout.splitlines()
    assert lines[:2] == [
        (
            "a.py:1:1: LAM901 rule LAM950 breaks-on-file-a failed on this file: ValueError:"
            " cannot handle this pass; please report this bug"
        ),
        f"a.py:101:1: {async_message()}",
    ]
    assert lines[2:] == [f"{name}.py:101:1: {async_message()}" for name in names[1:]]


CRASHING_RULE = """\
import multiprocessing
import os
import signal

from lambdalint import checks
from lambdalint.check import Check


class KillsItsWorkerOnFileA(Check):
    code = "LAM950"
    name = "kills-its-worker-on-file-a"
    summary = "test only"

    def visit_Pass(self, node, where):
        if self.context.path.name == "a.py" and multiprocessing.parent_process() is not None:
            {crash}


checks.CHECKS.append(KillsItsWorkerOnFileA)
"""


@pytest.mark.parametrize(
    ("crash", "cause"),
    # what a segfault or an out-of-memory kill in a parser does to a worker, without a core dump
    [("os.kill(os.getpid(), signal.SIGKILL)", "SIGKILL"), ("os._exit(3)", "exit code 3")],
)
def test_a_worker_killed_by_a_file_is_lam901_for_that_file_and_the_run_goes_on(
    tmp_path: Path, crash: str, cause: str
) -> None:
    # only in worker processes: rerunning the file in the main process would kill the run
    write(tmp_path / "site", {"sitecustomize.py": CRASHING_RULE.format(crash=crash)})
    project, names = pool_sized_project(tmp_path)
    env = {"PYTHONPATH": str(tmp_path / "site")}
    os.utime(project / "a.py")  # too recent for the run to be remembered whole (memo.py)
    pooled = lambdalint("check", "--jobs", "2", cwd=project, env=env)
    assert (pooled.code, pooled.stderr) == (2, "")
    assert pooled.stdout.splitlines() == [
        (
            f"a.py:1:1: LAM901 checking this file crashed the worker process ({cause});"
            " this file was not checked"
        ),
        *(f"{name}.py:101:1: {async_message()}" for name in names[1:]),
    ]
    # the next run answers from the cache: the file is not checked again, least of all in
    # the main process, where what killed a worker would end the run
    rerun = lambdalint("check", "--jobs", "2", "--verbose", cwd=project, env=env)
    assert rerun.stdout == pooled.stdout
    assert "lambdalint: cache: a.py from the cache\n" in rerun.stderr


@pytest.mark.parametrize("jobs", ["0", "-1", "x"])
def test_jobs_below_one_or_not_a_number_is_a_usage_error(tmp_path: Path, jobs: str) -> None:
    run = lambdalint("check", "--jobs", jobs, cwd=write(tmp_path, {"app.py": "x = 1\n"}))
    assert run.code == 2
    assert run.stderr.endswith(
        f"lambdalint check: error: argument --jobs: expected a number of processes"
        f" of at least 1, got '{jobs}'\n"
    )
    assert run.stdout == ""


DISCOVERY_KILLER = """\
import multiprocessing
import os
import signal

from lambdalint.discovery import sam

read_templates = sam.discover


def discover(root, excluded=()):
    in_worker = multiprocessing.parent_process() is not None
    with open(os.environ["DISCOVERED_BY"], "a") as log:
        log.write(f"{root.name} {'worker' if in_worker else 'main'}\\n")
    if root.name == "{victim}" and in_worker:
        os.kill(os.getpid(), signal.SIGKILL)
    return read_templates(root, excluded)


sam.discover = discover
"""
TEMPLATE = """\
Resources:
  Function:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      CodeUri: src/
      Handler: app.handler
"""


@pytest.mark.parametrize("victim", ["none", "second"])
def test_each_of_several_projects_is_discovered_in_a_worker_and_cached(
    tmp_path: Path, victim: str
) -> None:
    # the templates of every project are read by a worker; one whose worker dies is read
    # again in the main process, and either way the cache has them all
    write(tmp_path / "site", {"sitecustomize.py": DISCOVERY_KILLER.replace("{victim}", victim)})
    names = ("first", "second", "third")
    for name in names:
        write(
            tmp_path / name,
            {
                "pyproject.toml": "[tool.lambdalint]\n",
                "template.yaml": TEMPLATE,
                "src/app.py": "async def handler(event, context):\n    pass\n",
            },
        )
    log = tmp_path / "discovered"
    env = {"PYTHONPATH": str(tmp_path / "site"), "DISCOVERED_BY": str(log)}
    serial = lambdalint("check", "--no-cache", "--jobs", "1", *names, cwd=tmp_path, env=env)
    assert serial.stdout.splitlines() == [
        f"{name}/src/app.py:1:1: {async_message('handler')}" for name in names
    ]
    log.unlink()
    for name in names:  # too recent for the run to be remembered whole (lambdalint.memo)
        os.utime(tmp_path / name / "pyproject.toml")
    pooled = lambdalint("check", "--jobs", "2", *names, cwd=tmp_path, env=env)
    assert pooled == serial
    readers = [line.split() for line in log.read_text().splitlines()]
    if victim == "none":
        assert sorted(readers) == [[name, "worker"] for name in names]
    else:  # read twice: by the worker it killed, then by the main process (as may be a
        # project whose worker the death took with it)
        assert [where for name, where in readers if name == "second"] == ["worker", "main"]
    rerun = lambdalint("check", "--jobs", "2", "--verbose", *names, cwd=tmp_path, env=env)
    assert rerun.stdout == pooled.stdout
    for name in names:
        assert f"lambdalint: cache: discovery of {name} from the cache\n" in rerun.stderr
