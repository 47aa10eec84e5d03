"""The persistent cache, through the real CLI: a warm run answers as a cold one would,
re-checks exactly what a change touches (``--verbose`` names each file checked or taken
from the cache), and never trusts a cache file it did not write whole."""

from __future__ import annotations

import hashlib
import os
import pickle
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from e2e import lambdalint, write

CLIENT_HANDLER = """\
import boto3


def lambda_handler(event, context):
    client = boto3.client("s3")
    return client.list_buckets()
"""
CLIENT_FINDING = (
    'LAM004 boto3.client("s3") is created on every invocation; create it once at module'
    " level and reuse it"
)
ASYNC_HANDLER = "async def lambda_handler(event, context):\n    return None\n"
PLAIN_HANDLER = "def lambda_handler(event, context):\n    return None\n"
TEMPLATE = """\
AWSTemplateFormatVersion: "2010-09-09"
Transform: AWS::Serverless-2016-10-31
Resources:
  Invoices:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      CodeUri: invoices/
      Handler: app.lambda_handler
  Uploads:
    Type: AWS::S3::Bucket
  Orders:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      CodeUri: orders/
      Handler: app.lambda_handler
      Environment:
        Variables:
          BUCKET: !Ref Uploads
"""
WRITES_ITS_TRIGGER = """\
import os

import boto3

s3 = boto3.client("s3")


def lambda_handler(event, context):
    s3.put_object(Bucket=os.environ["BUCKET"], Key="copy", Body=b"")
"""
ORDERS_TRIGGER = """\
      Events:
        Upload:
          Type: S3
          Properties:
            Bucket: !Ref Uploads
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return write(
        tmp_path,
        {
            "pyproject.toml": "[tool.lambdalint]\n",
            "template.yaml": TEMPLATE,
            "orders/app.py": WRITES_ITS_TRIGGER,
            "invoices/app.py": CLIENT_HANDLER,
            "invoices/helpers.py": "def total(items):\n    return sum(items)\n",
        },
    )


def checked(project: Path, *args: str) -> tuple[str, list[str]]:
    """The report and, in order, what --verbose says about the cache."""
    run = lambdalint("check", "--verbose", *args, cwd=project)
    assert run.code in (0, 1), run.stderr
    return run.stdout, [line for line in run.stderr.splitlines() if "cache" in line]


def age(*paths: Path) -> None:
    """Date files well before the run that caches them: a stat then vouches for them."""
    for path in paths:
        os.utime(path, (1_600_000_000, 1_600_000_000))


def test_a_warm_run_reports_what_the_cold_run_did_from_the_cache(project: Path) -> None:
    cold, cold_notes = checked(project)
    warm, warm_notes = checked(project)
    assert warm == cold
    assert f"invoices/app.py:5:14: {CLIENT_FINDING}\n" in cold
    assert cold_notes == [
        "lambdalint: cache: discovery of . read from the templates",
        "lambdalint: cache: invoices/app.py checked",
        "lambdalint: cache: invoices/helpers.py checked",
        "lambdalint: cache: orders/app.py checked",
    ]
    assert warm_notes == [
        "lambdalint: cache: discovery of . from the cache",
        "lambdalint: cache: invoices/app.py from the cache",
        "lambdalint: cache: invoices/helpers.py from the cache",
        "lambdalint: cache: orders/app.py from the cache",
    ]
    folder = project / ".lambdalint_cache"
    assert (folder / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"
    assert (
        (folder / "CACHEDIR.TAG")
        .read_text(encoding="utf-8")
        .startswith("Signature: 8a477f597d28d172789f06886806bc55")
    )


def test_a_changed_file_is_checked_again_and_nothing_else(project: Path) -> None:
    checked(project)
    (project / "invoices/app.py").write_text(PLAIN_HANDLER, encoding="utf-8")
    report, notes = checked(project)
    assert "LAM004" not in report
    assert notes == [
        "lambdalint: cache: discovery of . from the cache",
        "lambdalint: cache: invoices/app.py checked",
        "lambdalint: cache: invoices/helpers.py from the cache",
        "lambdalint: cache: orders/app.py from the cache",
    ]


def test_a_rewrite_in_the_same_clock_tick_is_still_seen(project: Path) -> None:
    """Same size, written right after the run read it: the content decides, not the stat."""
    handler = project / "invoices/app.py"
    checked(project)
    handler.write_text(CLIENT_HANDLER.replace('"s3"', '"s4"'), encoding="utf-8")
    report, _ = checked(project)
    assert 'boto3.client("s4")' in report


REACHING_HANDLER = """\
from helpers import total


def lambda_handler(event, context):
    return total(event["items"])
"""
HELPER_WITH_CLIENT = """\
import boto3


def total(items):
    boto3.client("s3")
    return sum(items)
"""


def test_a_changed_helper_module_that_a_handler_reaches_invalidates_the_handler(
    project: Path,
) -> None:
    """A handler's findings depend on the modules its calls reach: editing one re-checks the
    handlers that reach it, and only those."""
    (project / "invoices/app.py").write_text(REACHING_HANDLER, encoding="utf-8")
    helpers = project / "invoices/helpers.py"
    before, _ = checked(project)
    assert "helpers.py" not in before
    helpers.write_text(HELPER_WITH_CLIENT, encoding="utf-8")
    report, notes = checked(project)
    assert notes[1:] == [
        "lambdalint: cache: invoices/app.py checked",
        "lambdalint: cache: invoices/helpers.py checked",
        "lambdalint: cache: orders/app.py from the cache",
    ]
    assert (
        f"invoices/helpers.py:5:5: {CLIENT_FINDING}; reached from lambda_handler via"
        " invoices/app.py:5 total()\n"
    ) in report
    age(*project.rglob("*.py"))
    assert checked(project)[0] == report  # the stat vouches for the helper: all from the cache
    helpers.write_text("def total(items):\n    return sum(items)\n", encoding="utf-8")
    after, notes = checked(project)
    assert "helpers.py" not in after
    assert "lambdalint: cache: invoices/app.py checked" in notes


def test_a_new_module_the_handler_imports_invalidates_the_handler(project: Path) -> None:
    """A module the handler's import did not find then is looked for again once it exists."""
    (project / "invoices/app.py").write_text(
        REACHING_HANDLER.replace("helpers", "billing"), encoding="utf-8"
    )
    assert "billing.py" not in checked(project)[0]
    (project / "invoices/billing.py").write_text(HELPER_WITH_CLIENT, encoding="utf-8")
    report, _ = checked(project)
    assert "invoices/billing.py:5:5: LAM004" in report


def test_a_changed_config_checks_every_file_again(project: Path) -> None:
    checked(project)
    (project / "pyproject.toml").write_text(
        '[tool.lambdalint]\nignore = ["LAM004"]\n', encoding="utf-8"
    )
    report, notes = checked(project)
    assert "LAM004" not in report
    assert notes == [
        "lambdalint: cache: discovery of . from the cache",
        "lambdalint: cache: invoices/app.py checked",
        "lambdalint: cache: invoices/helpers.py checked",
        "lambdalint: cache: orders/app.py checked",
    ]


def test_a_new_trigger_in_the_template_rechecks_only_its_handler(project: Path) -> None:
    before, _ = checked(project)
    assert "LAM006" not in before
    template = project / "template.yaml"
    template.write_text(TEMPLATE + ORDERS_TRIGGER, encoding="utf-8")
    report, notes = checked(project)
    assert "orders/app.py:9:5: LAM006" in report
    assert notes == [
        "lambdalint: cache: discovery of . read from the templates",
        "lambdalint: cache: invoices/app.py from the cache",
        "lambdalint: cache: invoices/helpers.py from the cache",
        "lambdalint: cache: orders/app.py checked",
    ]


def test_a_new_environment_variable_rechecks_only_its_handler(project: Path) -> None:
    checked(project)
    (project / "template.yaml").write_text(TEMPLATE + "          TABLE: orders\n", encoding="utf-8")
    _, notes = checked(project)
    assert notes == [
        "lambdalint: cache: discovery of . read from the templates",
        "lambdalint: cache: invoices/app.py from the cache",
        "lambdalint: cache: invoices/helpers.py from the cache",
        "lambdalint: cache: orders/app.py checked",
    ]


def cache_files(project: Path, folder: str = ".lambdalint_cache") -> list[Path]:
    """The project caches under the project's cache folder (not the runs' memos)."""
    return [
        path
        for path in (project / folder).rglob("*")
        if path.is_file()
        and path.name not in (".gitignore", "CACHEDIR.TAG")
        and not path.name.startswith("run-")
    ]


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda data: data[: len(data) // 2], id="truncated"),
        pytest.param(lambda data: b"\0garbage" * 100, id="garbage"),
        pytest.param(lambda data: data[:-1] + bytes([data[-1] ^ 1]), id="one-bit"),
    ],
)
def test_a_damaged_cache_file_is_ignored_and_rewritten(project: Path, damage: object) -> None:
    cold, _ = checked(project)
    (entry,) = cache_files(project)
    entry.write_bytes(damage(entry.read_bytes()))  # type: ignore[operator]
    report, notes = checked(project)
    assert report == cold
    assert "lambdalint: cache: invoices/app.py checked" in notes
    _, notes = checked(project)
    assert "lambdalint: cache: invoices/app.py from the cache" in notes


class _Planted:
    """A pickle that would create a file if anything called what it names."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (os.system, (f"touch {self.marker}",))


def test_a_foreign_cache_file_is_never_trusted_or_run(project: Path, tmp_path: Path) -> None:
    """A well-formed file with a valid checksum that holds something else than lambdalint's
    entries: a planted pickle is not unpickled into a call."""
    cold, _ = checked(project)
    (entry,) = cache_files(project)
    marker = tmp_path / "ran"
    payload = pickle.dumps((_Planted(marker), {}, None))
    magic = entry.read_bytes().split(b"\n", 1)[0] + b"\n"
    entry.write_bytes(magic + hashlib.sha256(payload).digest() + payload)
    report, notes = checked(project)
    assert report == cold
    assert not marker.exists()
    assert "lambdalint: cache: invoices/app.py checked" in notes


def test_two_runs_at_once_leave_a_valid_cache(project: Path) -> None:
    command = [str(Path(sys.executable).with_name("lambdalint")), "check", "--exit-zero"]
    runs = [subprocess.Popen(command, cwd=project, stdout=subprocess.PIPE) for _ in range(2)]
    outputs = [run.communicate(timeout=300)[0].decode() for run in runs]
    assert outputs[0] == outputs[1]
    report, notes = checked(project)
    assert report == outputs[0]
    assert all(note.endswith("from the cache") for note in notes), notes
    assert [path.name for path in (project / ".lambdalint_cache").rglob(".partial-*")] == []


def test_no_cache_reads_and_writes_nothing(project: Path) -> None:
    """A file edited behind the stat's back (same size, old time) fools the cache, as it
    fools ruff's and git's; --no-cache neither reads that entry nor writes one."""
    handler = project / "invoices/app.py"
    age(handler)
    checked(project)
    handler.write_text(CLIENT_HANDLER.replace('"s3"', '"s4"'), encoding="utf-8")
    age(handler)
    stale, _ = checked(project)
    assert 'boto3.client("s3")' in stale
    fresh = lambdalint("check", "--no-cache", "--verbose", cwd=project)
    assert 'boto3.client("s4")' in fresh.stdout
    assert "cache" not in fresh.stderr
    other = write(project / "elsewhere", {"pyproject.toml": "[tool.lambdalint]\n", "app.py": ""})
    lambdalint("check", "--no-cache", ".", cwd=other)
    assert not (other / ".lambdalint_cache").exists()


def test_the_cache_folder_is_configurable(project: Path, tmp_path: Path) -> None:
    (project / "pyproject.toml").write_text(
        '[tool.lambdalint]\ncache-dir = "build/lint-cache"\n', encoding="utf-8"
    )
    checked(project)
    assert cache_files(project) == []
    assert len(cache_files(project, "build/lint-cache")) == 1
    elsewhere = tmp_path / "elsewhere-cache"
    lambdalint("check", "--cache-dir", str(elsewhere), cwd=project)
    assert len(cache_files(tmp_path, "elsewhere-cache")) == 1


def test_a_warm_run_does_not_import_libcst(project: Path) -> None:
    checked(project)
    run = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "lambdalint", "check", "."],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 1
    imported = [line.rsplit("|", 1)[-1].strip() for line in run.stderr.splitlines()]
    assert "lambdalint.cli" in imported
    assert [name for name in imported if name.startswith("libcst")] == []


def test_a_partial_file_an_interrupted_run_left_is_removed(project: Path) -> None:
    checked(project)
    (entry,) = cache_files(project)
    abandoned, recent = entry.parent / ".partial-abandoned", entry.parent / ".partial-writing"
    for partial in (abandoned, recent):
        partial.write_bytes(b"half")
    age(abandoned)
    (project / "invoices/app.py").write_text(PLAIN_HANDLER, encoding="utf-8")  # a run that writes
    checked(project)
    assert sorted(
        path.name for path in entry.parent.iterdir() if not path.name.startswith("run-")
    ) == [".partial-writing", entry.name]


PROJECTS = Path(__file__).parent / "projects"


@pytest.mark.parametrize("name", sorted(path.name for path in PROJECTS.iterdir()))
def test_every_case_project_is_answered_from_the_cache_the_second_time(
    name: str, tmp_path: Path
) -> None:
    """Whatever each deployment format's discovery keeps (images, CDK apps in two languages,
    Terraform), it comes back from the cache whole: the warm run checks nothing."""
    project = tmp_path / name
    shutil.copytree(PROJECTS / name, project, ignore=shutil.ignore_patterns(".lambdalint_cache"))
    cold, _ = checked(project)
    warm, notes = checked(project)
    assert warm == cold
    assert notes and all(note.endswith("from the cache") for note in notes), notes


def test_a_fifo_where_the_cache_file_belongs_is_never_read(project: Path) -> None:
    cold, _ = checked(project)
    (entry,) = cache_files(project)
    entry.unlink()
    os.mkfifo(entry)
    report, notes = checked(project)  # would block forever if the FIFO were opened
    assert report == cold
    assert "lambdalint: cache: invoices/app.py checked" in notes
    assert entry.is_file()  # replaced by a cache file


# -- the whole run remembered (lambdalint.memo) --------------------------------------------

WHOLE_RUN = (
    "lambdalint: cache: nothing the run depends on has changed: the whole run from the cache"
)


def settled() -> None:
    """Wait out the racy window: a run is remembered only when nothing it read changed in
    the second before it started."""
    time.sleep(1.1)


def remembered(project: Path, *args: str) -> str:
    """The report of a run that the next identical run answers whole from its memo."""
    settled()
    report, notes = checked(project, *args)
    assert WHOLE_RUN not in notes
    again, notes = checked(project, *args)
    assert (again, notes) == (report, [WHOLE_RUN])
    return report


def truth(project: Path) -> str:
    return lambdalint("check", "--no-cache", cwd=project).stdout


def test_an_unchanged_run_is_answered_whole_from_the_memo(project: Path) -> None:
    report = remembered(project)
    assert report == truth(project)
    assert f"invoices/app.py:5:14: {CLIENT_FINDING}\n" in report
    as_json, notes = checked(project, "--format", "json")  # the same run, shown otherwise
    assert notes == [WHOLE_RUN]
    assert '"code": "LAM004"' in as_json
    assert "LAM004" not in remembered(project, "--select", "LAM002")  # another run: its own


def test_a_run_that_read_a_file_edited_just_before_is_not_remembered(project: Path) -> None:
    remembered(project)
    (project / "invoices/app.py").write_text(CLIENT_HANDLER.replace('"s3"', '"s4"'), "utf-8")
    first, _ = checked(project)
    second, notes = checked(project)  # the edit is within the racy window of the first run
    assert 'boto3.client("s4")' in first
    assert second == first
    assert WHOLE_RUN not in notes


@pytest.mark.parametrize(
    ("change", "seen"),
    [
        pytest.param(
            lambda project: (project / "invoices/app.py").write_text(
                CLIENT_HANDLER.replace('"s3"', '"s4"'), "utf-8"
            ),
            'boto3.client("s4")',
            id="checked-file",
        ),
        pytest.param(
            lambda project: (project / "invoices/extra.py").write_text(ASYNC_HANDLER, "utf-8"),
            "invoices/extra.py:1:1: LAM002",
            id="new-file",
        ),
        pytest.param(
            lambda project: (project / "invoices/helpers.py").write_text(
                HELPER_WITH_CLIENT, "utf-8"
            ),
            "invoices/helpers.py:5:5: LAM004",
            id="reached-module",
        ),
        pytest.param(
            lambda project: (project / "pyproject.toml").write_text(
                '[tool.lambdalint]\nignore = ["LAM004"]\n', "utf-8"
            ),
            "",
            id="config",
        ),
        pytest.param(
            lambda project: (project / "template.yaml").write_text(
                TEMPLATE + ORDERS_TRIGGER, "utf-8"
            ),
            "orders/app.py:9:5: LAM006",
            id="template-trigger",
        ),
        pytest.param(
            lambda project: (project / ".gitignore").write_text("reports/\n", "utf-8"),
            "",
            id="gitignore",
        ),
        pytest.param(
            lambda project: (project / "reports/pyproject.toml").write_text(
                '[tool.lambdalint]\nselect = ["LAM002"]\n', "utf-8"
            ),
            "",
            id="nested-project",
        ),
    ],
)
def test_a_change_to_anything_the_run_depends_on_is_seen(
    project: Path, change: Callable[[Path], object], seen: str
) -> None:
    write(
        project,
        {
            "invoices/app.py": REACHING_HANDLER,
            "invoices/helpers.py": "def total(items):\n    return sum(items)\n",
            "reports/app.py": CLIENT_HANDLER,  # found by the naming convention
        },
    )
    before = remembered(project)
    assert f"reports/app.py:5:14: {CLIENT_FINDING}\n" in before
    change(project)
    report, notes = checked(project)
    assert WHOLE_RUN not in notes
    assert report == truth(project)
    assert report != before
    assert seen in report


def test_a_damaged_memo_is_ignored(project: Path) -> None:
    report = remembered(project)
    (memo,) = (project / ".lambdalint_cache").rglob("run-*")
    memo.write_bytes(memo.read_bytes()[:-10])
    again, notes = checked(project)
    assert again == report
    assert WHOLE_RUN not in notes


def test_a_gitignore_above_the_project_is_looked_at_again(tmp_path: Path) -> None:
    """Outside the walked tree, the run looked for a .gitignore in each folder up to the
    repository's root: one appearing there is seen."""
    repository = write(tmp_path / "repository", {".git/HEAD": "ref: refs/heads/main\n"})
    project = write(
        repository / "service",
        {"pyproject.toml": "[tool.lambdalint]\n", "reports/app.py": CLIENT_HANDLER},
    )
    assert "reports/app.py:5:14: LAM004" in remembered(project)
    (repository / ".gitignore").write_text("service/reports/\n", encoding="utf-8")
    report, notes = checked(project)
    assert WHOLE_RUN not in notes
    assert report == ""
