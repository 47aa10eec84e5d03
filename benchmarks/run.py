"""Where lambdalint stands on speed and memory, beside pythaw (issue 9's acceptance table).

    python benchmarks/run.py [--corpus DIR] [--only REPO] [--repeat N] [--files N]

Run it with the interpreter of the virtualenv that has lambdalint (and pythaw, for the
comparison columns) installed. It prints three tables:

- the development corpus (``--corpus``, one folder per ``<owner>/<name>`` repository): a row
  per repository, their TOTAL, and the whole corpus given to lambdalint in one invocation;
- a generated SAM monorepo (``--files`` handlers, each reaching a helper) and a tree of
  helper files that no byte prefilter lets through to a parser;
- the time per stage of one in-process ``--jobs 1`` run over the corpus (without it, over
  the monorepo), with the process start and import costs that dominate small repositories.

Each tool runs with the repository root as its working directory. "cold" deletes every
``.lambdalint_cache`` folder under the trees first (so it holds whether or not lambdalint
has its persistent cache yet), "warm" repeats the same command right after, "--jobs 1" is
cold again. A timing is the minimum of ``--repeat`` runs; peak RSS is the maximum over
lambdalint's runs and every process each started (pool workers included: this process
becomes their subreaper so the pool's forkserver is waited for here).

Fairness: children run without PYTHONDONTWRITEBYTECODE (set on the development machines),
which would otherwise make every start of an editable install compile lambdalint's modules
(~0.1 s) while pythaw's site-packages were byte-compiled at install; and each tool runs
once untimed on the trees first, so bytecode exists and the files are in the page cache.
"""

from __future__ import annotations

import argparse
import ast
import ctypes
import functools
import importlib.metadata
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CORPUS = Path("/tmp/lambdalint-corpus")  # noqa: S108 - where the corpus is built, read only
CACHE_DIR_NAME = ".lambdalint_cache"
CHILD_ENV = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
LAMBDALINT = str(Path(sys.executable).with_name("lambdalint"))
PYTHAW = shutil.which("pythaw", path=str(Path(sys.executable).parent))
PR_SET_CHILD_SUBREAPER = 36

HANDLER_FILE = """\
import json
import os

import boto3

from lib.helper_{n} import load_{n}

TABLE = os.environ["TABLE"]


def lambda_handler(event, context):
    table = boto3.resource("dynamodb").Table(TABLE)
    return {{"statusCode": 200, "body": json.dumps(load_{n}(table, event["id"]))}}
"""
HELPER_FILE = """\
def load_{n}(table, key):
    return table.get_item(Key={{"id": key}})["Item"]
"""
TEMPLATE_FUNCTION = """\
  Function{n}:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      CodeUri: src/
      Handler: handlers.handler_{n}.lambda_handler
"""


@dataclass(frozen=True)
class Measure:
    seconds: float
    rss_mib: float


@dataclass
class Workload:
    label: str
    cwd: Path
    paths: list[str]  # lambdalint's, relative to cwd
    trees: list[Path]  # where its caches live; pythaw checks each (it takes one path)
    timings: dict[str, Measure] = field(default_factory=dict)


def measure(command: Sequence[str], cwd: Path) -> Measure:
    """Wall seconds until command exits, and the peak RSS of it and of every descendant."""
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        process = subprocess.Popen(
            command, cwd=cwd, env=CHILD_ENV, stdout=subprocess.DEVNULL, stderr=errors
        )
        _, status, usage = os.wait4(process.pid, 0)  # its usage covers the children it waited
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        peaks = [usage.ru_maxrss, *orphan_peaks()]
        if process.returncode != 0:
            errors.seek(0)
            message = errors.read().decode(errors="replace")
            raise SystemExit(f"{' '.join(command)} in {cwd}: exit {process.returncode}\n{message}")
    return Measure(seconds, max(peaks) / 1024)


def orphan_peaks() -> list[int]:
    """ru_maxrss (KiB) of descendants that outlived their parent, reparented to this process."""
    peaks: list[int] = []
    while True:
        try:
            _, _, usage = os.wait4(-1, 0)
        except ChildProcessError:
            return peaks
        peaks.append(usage.ru_maxrss)


def combined(runs: list[Measure], seconds: Callable[[list[float]], float]) -> Measure:
    """The runs' seconds combined (min of repeats, sum of parts), and their highest peak."""
    return Measure(seconds([run.seconds for run in runs]), max(run.rss_mib for run in runs))


def clear_caches(trees: list[Path]) -> None:
    for tree in trees:
        for folder, subfolders, _ in os.walk(tree):
            if CACHE_DIR_NAME in subfolders:
                shutil.rmtree(Path(folder, CACHE_DIR_NAME))
                subfolders.remove(CACHE_DIR_NAME)


def lambdalint(work: Workload, *flags: str) -> Measure:
    return measure([LAMBDALINT, "check", "--exit-zero", *flags, *work.paths], work.cwd)


def pythaw(trees: list[Path]) -> Measure | None:
    if PYTHAW is None:
        return None
    return combined([measure([PYTHAW, "check", "--exit-zero", "."], tree) for tree in trees], sum)


def warm_up(work: Workload) -> None:
    """Each tool once, untimed: bytecode written, the trees in the page cache."""
    lambdalint(work)
    pythaw(work.trees)


def time_workload(work: Workload, repeat: int, with_pythaw: bool = True) -> None:
    runs: dict[str, list[Measure]] = {"cold": [], "warm": [], "jobs1": [], "pythaw": []}
    for _ in range(repeat):
        clear_caches(work.trees)
        runs["cold"].append(lambdalint(work))
        runs["warm"].append(lambdalint(work))
        clear_caches(work.trees)
        runs["jobs1"].append(lambdalint(work, "--jobs", "1"))
        if with_pythaw and (measured := pythaw(work.trees)) is not None:
            runs["pythaw"].append(measured)
    clear_caches(work.trees)  # leave the trees as they were found
    work.timings = {name: combined(found, min) for name, found in runs.items() if found}


def python_files(trees: list[Path]) -> int:
    return sum(
        name.endswith(".py") for tree in trees for *_, names in os.walk(tree) for name in names
    )


def timing_row(work: Workload) -> list[str]:
    timings = work.timings
    base = timings.get("pythaw")

    def ratio(name: str) -> str:
        return f"{timings[name].seconds / base.seconds:.2f}x" if base else "-"

    peak = max(timings[name].rss_mib for name in ("cold", "warm", "jobs1"))
    return [
        work.label,
        str(python_files(work.trees)),
        *(f"{timings[name].seconds:.2f} s" for name in ("cold", "warm", "jobs1")),
        f"{base.seconds:.2f} s" if base else "-",
        ratio("cold"),
        ratio("warm"),
        f"{peak:.0f} MiB",
        f"{base.rss_mib:.0f} MiB" if base else "-",
    ]


TIMING_HEADER = ["workload", ".py files", "cold", "warm", "--jobs 1", "pythaw"]
TIMING_HEADER += ["cold/pythaw", "warm/pythaw", "peak RSS", "pythaw RSS"]


def print_table(header: list[str], rows: list[list[str]]) -> None:
    widths = [max(len(row[column]) for row in [header, *rows]) for column in range(len(header))]
    for index, row in enumerate([header, *rows]):
        cells = [
            cell.ljust(w) if i == 0 else cell.rjust(w)
            for i, (cell, w) in enumerate(zip(row, widths))
        ]
        print("| " + " | ".join(cells) + " |")
        if index == 0:
            print("|" + "|".join("-" * (width + 2) for width in widths) + "|")


def corpus_section(corpus: Path, only: list[str], repeat: int) -> list[Path]:
    repos = sorted(path for path in corpus.glob("*/*") if path.is_dir())
    if only:
        repos = [
            repo for repo in repos if {repo.name, f"{repo.parent.name}/{repo.name}"} & set(only)
        ]
        if not repos:
            raise SystemExit(f"--only {', '.join(only)}: no such repository in {corpus}")
    print(f"\n## Development corpus: {corpus} ({len(repos)} repositories)\n")
    works = [Workload(repo.name, repo, ["."], [repo]) for repo in repos]
    whole = Workload("whole corpus in one run", corpus, [str(repo) for repo in repos], repos)
    warm_up(whole)
    for work in works:
        time_workload(work, repeat)
    total = Workload("TOTAL", corpus, [], repos)
    total.timings = {
        name: combined([w.timings[name] for w in works], sum) for name in works[0].timings
    }
    time_workload(whole, repeat, with_pythaw=False)
    if "pythaw" in total.timings:
        whole.timings["pythaw"] = total.timings["pythaw"]
    print_table(TIMING_HEADER, [timing_row(work) for work in [*works, total, whole]])
    print(
        "\nThe last row gives lambdalint every repository root in one `lambdalint check`;"
        " `pythaw check` takes one path, so its time there is the sum of its per-repository runs."
    )
    return repos


class StageClock:
    """Exclusive seconds per stage: a timed call inside another is taken out of the outer's."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self._open: list[str] = []

    def wrap(self, owner: object, name: str, stage: str) -> None:
        original: Callable[..., Any] = getattr(owner, name)  # fails loudly when it moves

        @functools.wraps(original)
        def timed(*args: Any, **kwargs: Any) -> Any:
            return self.run(stage, functools.partial(original, *args, **kwargs))

        setattr(owner, name, timed)

    def run(self, stage: str, work: Callable[[], Any]) -> Any:
        self._open.append(stage)
        start = time.perf_counter()
        try:
            return work()
        finally:
            elapsed = time.perf_counter() - start
            self._open.pop()
            self.seconds[stage] = self.seconds.get(stage, 0.0) + elapsed
            if self._open:
                outer = self._open[-1]
                self.seconds[outer] = self.seconds.get(outer, 0.0) - elapsed


def import_seconds(module: str, repeat: int) -> float:
    """The import of module in a fresh interpreter, as a run's start pays it."""
    code = f"import time; t = time.perf_counter(); import {module}; print(time.perf_counter() - t)"
    command = [sys.executable, "-c", code]
    return min(
        float(subprocess.run(command, env=CHILD_ENV, capture_output=True, check=True).stdout)
        for _ in range(repeat)
    )


def stages_section(label: str, roots: list[Path], repeat: int) -> None:
    """One in-process run as `lambdalint check --jobs 1` makes it, timed per stage."""
    print(f"\n## Time per stage: {label}, one cold run in this process, --jobs 1\n")
    with tempfile.TemporaryDirectory() as empty:  # what every run pays before any file
        fixed = {
            "process start (python -c pass)": [sys.executable, "-c", "pass"],
            "lambdalint check (empty folder)": [LAMBDALINT, "check", "."],
            **({"pythaw check (empty folder)": [PYTHAW, "check", "."]} if PYTHAW else {}),
        }
        rows = [
            [
                label,
                f"{min(measure(command, Path(empty)).seconds for _ in range(repeat)):.3f} s",
                "-",
            ]
            for label, command in fixed.items()
        ]
    rows += [
        [f"import {module}", f"{import_seconds(module, repeat):.3f} s", "-"]
        for module in ("lambdalint.cli", "libcst")
    ]
    clear_caches(roots)
    import libcst

    from lambdalint import runner
    from lambdalint.output import renderer

    clock = StageClock()
    for owner, name, stage in [
        (runner, "project_tree", "walk"),
        (runner, "walk", "walk"),
        (runner, "discover", "discovery"),
        (runner, "declared_handlers", "discovery"),
        (runner, "build_map", "discovery"),
        (libcst, "parse_module", "parse (libcst)"),
        (ast, "parse", "parse (ast)"),
        (runner.Batch, "add", "rules"),
        (runner.Batch, "results", "rules"),
        (runner.Run, "project_findings", "rules"),
    ]:
        clock.wrap(owner, name, stage)
    options = runner.Options(paths=[str(root) for root in roots], jobs=1)
    result = clock.run("other", lambda: runner.Run(options).execute())
    clock.run("output", lambda: renderer("text")(result.diagnostics, False))
    clear_caches(roots)
    whole = sum(clock.seconds.values())
    for stage in ("walk", "discovery", "parse (libcst)", "parse (ast)", "rules", "output", "other"):
        seconds = clock.seconds.get(stage, 0.0)
        rows.append([stage, f"{seconds:.3f} s", f"{seconds / whole:.0%}"])
    rows.append(["in-process total", f"{whole:.3f} s", "100%"])
    print_table(["stage", "seconds", "share"], rows)
    print(
        "\n- walk: listing each project's tree (.gitignore, exclude) and the checked folders"
        "\n- discovery: reading deployment templates and CDK/Terraform apps into the handler map"
        "\n- parse: libcst.parse_module and ast.parse (the handler convention, CDK apps, syntax"
        " errors), wherever called"
        "\n- rules: per-file work besides parsing (prefilter, decode, metadata, every check)"
        " and the project rules"
        "\n- output: the text report; other: the rest of the run (config, tasks, sorting)."
        " A stage includes the imports it makes on first use"
    )


def generated_section(files: int, repeat: int, stages: bool) -> None:
    print(f"\n## Generated trees ({files} modules each)\n")
    with tempfile.TemporaryDirectory() as tmp:
        monorepo, helpers_only = Path(tmp, "monorepo"), Path(tmp, "helpers")
        for folder in (monorepo / "src/handlers", monorepo / "src/lib", helpers_only):
            folder.mkdir(parents=True)
        template = ["Transform: AWS::Serverless-2016-10-31", "Resources:"]
        for n in range(files):
            (monorepo / f"src/handlers/handler_{n}.py").write_text(HANDLER_FILE.format(n=n))
            (monorepo / f"src/lib/helper_{n}.py").write_text(HELPER_FILE.format(n=n))
            (helpers_only / f"helper_{n}.py").write_text(HELPER_FILE.format(n=n))
            template.append(TEMPLATE_FUNCTION.format(n=n).rstrip())
        (monorepo / "template.yaml").write_text("\n".join(template) + "\n")
        works = [
            Workload(
                f"SAM monorepo: {files} handlers + {files} helpers", monorepo, ["."], [monorepo]
            ),
            Workload(f"{files} helper files, no handler", helpers_only, ["."], [helpers_only]),
        ]
        for work in works:
            warm_up(work)
            time_workload(work, repeat)
        print_table(TIMING_HEADER, [timing_row(work) for work in works])
        if stages:  # no corpus: the stages of the monorepo instead
            stages_section("generated SAM monorepo", [monorepo], repeat)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--only", action="append", default=[], metavar="REPO")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--files", type=int, default=500)
    args = parser.parse_args()
    if sys.platform.startswith("linux"):  # descendants the pool leaves behind come here
        ctypes.CDLL(None).prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)
    pythaw_version = importlib.metadata.version("pythaw") if PYTHAW else "(not installed)"
    print(
        f"# lambdalint {importlib.metadata.version('lambdalint')} vs pythaw {pythaw_version},"
        f" {os.cpu_count()} CPUs, Python {sys.version.split()[0]},"
        f" minimum of {args.repeat} run(s)"
    )
    repos = []
    if args.corpus.is_dir():
        repos = corpus_section(args.corpus, args.only, args.repeat)
    else:
        print(f"\n{args.corpus}: no development corpus there; its tables are skipped")
    generated_section(args.files, args.repeat, stages=not repos)
    if repos:
        stages_section(f"{len(repos)} corpus repositories", repos, args.repeat)


if __name__ == "__main__":
    main()
