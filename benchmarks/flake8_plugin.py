"""Prints what the flake8 plugin adds to flake8's time, as a table.

The promises (issue 9): nothing measurable when no LAM code is selected; at most 10 %
on a tree without handlers; on a tree with handlers, no more than ``lambdalint check``
itself takes there. Each time is the best of --repeat runs of ``flake8 -j1 --isolated``
(one process, no configuration of the tree's own), so the columns compare like with like:

- ``no plugin``: flake8 from an environment without lambdalint (``--without``), default
  selection;
- ``--select F``: this environment's flake8, lambdalint installed but not selected;
- ``default``: this environment's flake8 with its default selection, LAM included;
- ``added``: ``default`` less ``no plugin``, and that as a share of ``no plugin``;
- ``check``: ``lambdalint check`` on the same tree.

    python benchmarks/flake8_plugin.py --without /tmp/venv-noll/bin/flake8 [TREE ...]

Without TREE: the corpus's amazon-bedrock-samples and serverless-samples, and a tree of
standard-library modules, which holds no handler.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import sysconfig
import tempfile
import time
from pathlib import Path

CORPUS = Path("/tmp/lambdalint-corpus/aws-samples")  # noqa: S108 - where the corpus is built, read only
CORPUS_TREES = ("amazon-bedrock-samples", "serverless-samples")
HERE = Path(sys.executable).parent


def best_of(repeat: int, command: list[str], cwd: Path) -> tuple[float, str]:
    """The shortest wall time of repeat runs, and the output of the last."""
    times = []
    output = ""
    for _ in range(repeat):
        start = time.perf_counter()
        output = subprocess.run(command, cwd=cwd, capture_output=True, text=True).stdout
        times.append(time.perf_counter() - start)
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
    no_plugin = best_of(repeat, [str(without), *flake8[1:]], tree)[0] if without else None
    select_f = best_of(repeat, [*flake8, "--select", "F"], tree)[0]
    default, output = best_of(repeat, flake8, tree)
    findings = sum(1 for line in output.splitlines() if ": LAM" in line)
    check = best_of(repeat, [str(HERE / "lambdalint"), "check", "--exit-zero", "."], tree)[0]
    if no_plugin is None:
        added = "-"
        plain = "-"
    else:
        added = f"{default - no_plugin:+.2f} s ({(default - no_plugin) / no_plugin:+.0%})"
        plain = f"{no_plugin:.2f} s"
    return (
        tree.name,
        str(python_files(tree)),
        str(findings),
        plain,
        f"{select_f:.2f} s",
        f"{default:.2f} s",
        added,
        f"{check:.2f} s",
    )


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
        "no plugin",
        "--select F",
        "default",
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
