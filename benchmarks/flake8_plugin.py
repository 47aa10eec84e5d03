"""Prints what the flake8 plugin adds to flake8's time, as a table.

The promises (issue 9): nothing measurable when no LAM code is selected; at most 10 %
on a tree without handlers; on a tree with handlers, no more than ``lambdalint check``
itself takes there. Each time is the least CPU time of --repeat runs of ``flake8 -j1
--isolated`` (one process, no configuration of the tree's own), so the columns compare
like with like:

- ``F without``, ``F with``: ``--select F``, with flake8 from an environment without
  lambdalint (``--without``), then with this one's, where lambdalint is installed;
- ``all without``, ``all with``: flake8's default selection, which includes LAM;
- ``added``: ``all with`` less ``all without``, and that as a share of it;
- ``check``: ``lambdalint check --no-cache --jobs 1`` on the same tree: one process and no
  cache, as ``flake8 -j1`` has (a pool's workers would escape the CPU count).

    python benchmarks/flake8_plugin.py --without /tmp/venv-noll/bin/flake8 [TREE ...]

Without TREE: the corpus's amazon-bedrock-samples and serverless-samples, and a tree of
standard-library modules, which holds no handler.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import subprocess
import sys
import sysconfig
import tempfile
from pathlib import Path

CORPUS = Path("/tmp/lambdalint-corpus/aws-samples")  # noqa: S108 - where the corpus is built, read only
CORPUS_TREES = ("amazon-bedrock-samples", "serverless-samples")
HERE = Path(sys.executable).parent


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def best_of(repeat: int, command: list[str], cwd: Path) -> tuple[float, str]:
    """The least CPU time (user + system) of repeat runs, and the output of the last: on a
    shared machine, wall time mostly measures the neighbours."""
    times = []
    output = ""
    for _ in range(repeat):
        before = cpu_seconds()
        output = subprocess.run(command, cwd=cwd, capture_output=True, text=True).stdout
        times.append(cpu_seconds() - before)
    return min(times), output


def python_files(tree: Path) -> int:
    return sum(1 for path in tree.rglob("*.py") if ".git" not in path.parts)


def standard_library_tree(target: Path, count: int) -> Path:
    """count modules of this Python's standard library: real code, and no handler in it."""
    stdlib = Path(sysconfig.get_paths()["stdlib"])
    target.mkdir()
    for source in sorted(stdlib.glob("*.py"))[:count]:
        shutil.copy(source, target / source.name)
    return target


def row(tree: Path, without: Path | None, repeat: int) -> tuple[str, ...]:
    flake8 = [str(HERE / "flake8"), "-j1", "--isolated", "."]
    plain = [str(without), *flake8[1:]] if without else None
    select_f = best_of(repeat, [*flake8, "--select", "F"], tree)[0]
    default, output = best_of(repeat, flake8, tree)
    findings = sum(1 for line in output.splitlines() if ": LAM" in line)
    check = best_of(
        repeat,
        [str(HERE / "lambdalint"), "check", "--no-cache", "--jobs", "1", "--exit-zero", "."],
        tree,
    )[0]
    cells = [tree.name, str(python_files(tree)), str(findings)]
    if plain is None:
        cells += ["-", f"{select_f:.2f} s", "-", f"{default:.2f} s", "-"]
    else:
        plain_f = best_of(repeat, [*plain, "--select", "F"], tree)[0]
        plain_default = best_of(repeat, plain, tree)[0]
        added = default - plain_default
        cells += [
            f"{plain_f:.2f} s",
            f"{select_f:.2f} s",
            f"{plain_default:.2f} s",
            f"{default:.2f} s",
            f"{added:+.2f} s ({added / plain_default:+.0%})",
        ]
    return (*cells, f"{check:.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("trees", nargs="*", type=Path)
    parser.add_argument("--without", type=Path, help="a flake8 whose environment lacks lambdalint")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--stdlib-modules", type=int, default=60)
    args = parser.parse_args()
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
    )
    with tempfile.TemporaryDirectory() as tmp:
        trees = args.trees or [
            *(CORPUS / name for name in CORPUS_TREES if (CORPUS / name).is_dir()),
            standard_library_tree(Path(tmp) / "stdlib-no-handlers", args.stdlib_modules),
        ]
        rows = [row(tree.resolve(), args.without, args.repeat) for tree in trees]
    widths = [max(len(line[i]) for line in [header, *rows]) for i in range(len(header))]
    for line in [header, tuple("-" * width for width in widths), *rows]:
        print("  ".join(cell.ljust(width) for cell, width in zip(line, widths)))


if __name__ == "__main__":
    main()
