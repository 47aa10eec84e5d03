"""Prints what the flake8 plugin adds to flake8's time, as a table.

The promises (issue 9): nothing measurable when no LAM code is selected; at most 10 %
on a tree without handlers; on a tree with handlers, no more than ``lambdalint check``
itself takes there. Each time is the CPU time of ``flake8 -j1 --isolated`` (one process,
no configuration of the tree's own), the least of --repeat runs, with the median beside
it; the commands take turns, one run of each per round, so a slow spell of a shared
machine falls on all of them alike. The columns:

- ``F without``, ``F with``: ``--select F``, with flake8 from an environment without
  lambdalint (``--without``), then with this one's, where lambdalint is installed;
- ``all without``, ``all with``: flake8's default selection, which includes LAM;
- ``added``: ``all with`` less ``all without``, and that as a share of it;
- ``check``: ``lambdalint check --no-cache --jobs 1`` on the same tree: one process and no
  cache, as ``flake8 -j1`` has (a pool's workers would escape the CPU count).

``--instructions`` adds what the machine's noise cannot blur: the instructions each of
``all without``, ``all with`` and ``check`` executes, counted once by valgrind's
callgrind (about fifty times slower than a run; ``PYTHONHASHSEED=0`` fixes the
interpreter's own variation). An instruction count leaves out what memory costs: two
commands that execute as many instructions can still differ in time.

    python benchmarks/flake8_plugin.py --without /tmp/venv-noll/bin/flake8 [TREE ...]

Without TREE: the corpus's amazon-bedrock-samples and serverless-samples, and a tree of
standard-library modules, which holds no handler.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import sysconfig
import tempfile
from pathlib import Path

CORPUS = Path("/tmp/lambdalint-corpus/aws-samples")  # noqa: S108 - where the corpus is built, read only
CORPUS_TREES = ("amazon-bedrock-samples", "serverless-samples")
HERE = Path(sys.executable).parent
CALLGRIND_TOTAL = re.compile(r"Collected\s*:\s*(\d+)")


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def cpu_time(command: list[str], cwd: Path) -> tuple[float, str]:
    """The CPU time (user + system) of one run, and its output: on a shared machine, wall
    time mostly measures the neighbours."""
    before = cpu_seconds()
    output = subprocess.run(command, cwd=cwd, capture_output=True, text=True).stdout
    return cpu_seconds() - before, output


def instructions(command: list[str], cwd: Path) -> int:
    """The instructions one run executes, counted by callgrind."""
    environment = {**os.environ, "PYTHONHASHSEED": "0"}
    valgrind = shutil.which("valgrind") or "valgrind"  # main() made sure it is there
    counted = subprocess.run(
        [valgrind, "--tool=callgrind", "--callgrind-out-file=/dev/null", *command],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=environment,
    )
    found = CALLGRIND_TOTAL.search(counted.stderr)
    if found is None:
        raise SystemExit(f"callgrind counted nothing: {counted.stderr[-500:]}")
    return int(found.group(1))


def python_files(tree: Path) -> int:
    return sum(1 for path in tree.rglob("*.py") if ".git" not in path.parts)


def standard_library_tree(target: Path, count: int) -> Path:
    """count modules of this Python's standard library: real code, and no handler in it."""
    stdlib = Path(sysconfig.get_paths()["stdlib"])
    target.mkdir()
    for source in sorted(stdlib.glob("*.py"))[:count]:
        shutil.copy(source, target / source.name)
    return target


def seconds(times: list[float]) -> str:
    return f"{min(times):.2f} s ({statistics.median(times):.2f})"


def billions(count: int) -> str:
    return f"{count / 1e9:.2f} G"


def row(tree: Path, without: Path | None, repeat: int, count: bool) -> tuple[str, ...]:
    flake8 = [str(HERE / "flake8"), "-j1", "--isolated", "."]
    plain = [str(without), *flake8[1:]] if without else None
    commands = {
        "F with": [*flake8, "--select", "F"],
        "all with": flake8,
        "check": [
            str(HERE / "lambdalint"),
            *("check", "--no-cache", "--jobs", "1", "--exit-zero", "."),
        ],
    }
    if plain is not None:
        commands |= {"F without": [*plain, "--select", "F"], "all without": plain}
    times: dict[str, list[float]] = {name: [] for name in commands}
    printed: dict[str, str] = {}  # each command's output, of its last run
    for _ in range(repeat):
        for name, command in commands.items():
            spent, printed[name] = cpu_time(command, tree)
            times[name].append(spent)
    findings = sum(1 for line in printed["all with"].splitlines() if ": LAM" in line)
    cells = [tree.name, str(python_files(tree)), str(findings)]
    if plain is None:
        cells += ["-", seconds(times["F with"]), "-", seconds(times["all with"]), "-"]
    else:
        added = min(times["all with"]) - min(times["all without"])
        cells += [
            seconds(times["F without"]),
            seconds(times["F with"]),
            seconds(times["all without"]),
            seconds(times["all with"]),
            f"{added:+.2f} s ({added / min(times['all without']):+.0%})",
        ]
    cells.append(seconds(times["check"]))
    if count:
        counted = {name: instructions(commands[name], tree) for name in ("all with", "check")}
        if plain is not None:
            counted_added = counted["all with"] - instructions(plain, tree)
            cells.append(f"{billions(counted_added)} / {billions(counted['check'])}")
        else:
            cells.append(f"- / {billions(counted['check'])}")
    return tuple(cells)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("trees", nargs="*", type=Path)
    parser.add_argument("--without", type=Path, help="a flake8 whose environment lacks lambdalint")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--stdlib-modules", type=int, default=60)
    parser.add_argument(
        "--instructions", action="store_true", help="count instructions with callgrind"
    )
    args = parser.parse_args()
    if args.instructions and shutil.which("valgrind") is None:
        parser.error("--instructions needs valgrind on PATH")
    header = (
        "tree",
        ".py files",
        "LAM findings",
        "F without",
        "F with",
        "all without",
        "all with",
        "added",
        "check",
        *(["instructions: added / check"] if args.instructions else []),
    )
    with tempfile.TemporaryDirectory() as tmp:
        trees = args.trees or [
            *(CORPUS / name for name in CORPUS_TREES if (CORPUS / name).is_dir()),
            standard_library_tree(Path(tmp) / "stdlib-no-handlers", args.stdlib_modules),
        ]
        rows = [row(tree.resolve(), args.without, args.repeat, args.instructions) for tree in trees]
    widths = [max(len(line[i]) for line in [header, *rows]) for i in range(len(header))]
    for line in [header, tuple("-" * width for width in widths), *rows]:
        print("  ".join(cell.ljust(width) for cell, width in zip(line, widths)))


if __name__ == "__main__":
    main()
