"""Prints lambdalint's speed and memory on generated and real code as a table.

Targets (from the core issue's measurements): a handler file costs a few ms (libcst's
parse is ~2 ms; full scope metadata would be ~22 ms), a file that cannot hold a
handler costs microseconds, and ``import lambdalint`` stays small.

    python benchmarks/run.py [--files N]
"""

from __future__ import annotations

import argparse
import resource
import shutil
import subprocess
import sys
import sysconfig
import tempfile
import time
from pathlib import Path

HANDLER_FILE = """\
import json
import os

import boto3

TABLE = os.environ["TABLE"]


def _load(table, key):
    return table.get_item(Key={{"id": key}})["Item"]


def lambda_handler(event, context):
    table = boto3.resource("dynamodb").Table(TABLE)
    item = _load(table, event["id"])
    return {{"statusCode": 200, "body": json.dumps(item), "n": {n}}}
"""
HELPER_FILE = """\
def helper_{n}(values):
    return [value * 2 for value in values]
"""


def timed_check(project: Path) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB) of one `lambdalint check` in a child process."""
    lambdalint = Path(sys.executable).with_name("lambdalint")
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    subprocess.run(
        [str(lambdalint), "check", "--exit-zero", str(project)],
        stdout=subprocess.DEVNULL,
        check=True,
    )
    elapsed = time.perf_counter() - start
    peak = max(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, before)
    return elapsed, peak / 1024


def import_time_ms() -> float:
    output = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "import lambdalint"],
        capture_output=True,
        text=True,
        check=True,
    ).stderr
    line = [line for line in output.splitlines() if line.rstrip().endswith("| lambdalint")][-1]
    return int(line.split("|")[1]) / 1000


def stdlib_copy(target: Path, count: int) -> int:
    stdlib = Path(sysconfig.get_paths()["stdlib"])
    copied = 0
    for source in sorted(stdlib.glob("*.py"))[:count]:
        text = source.read_text(encoding="utf-8", errors="replace")
        (target / source.name).write_text(
            text + "\n\ndef lambda_handler(event, context):\n    return None\n", encoding="utf-8"
        )
        copied += 1
    return copied


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=int, default=500)
    args = parser.parse_args()
    rows = [("import lambdalint", "-", f"{import_time_ms():.1f} ms", "-", "-")]
    with tempfile.TemporaryDirectory() as tmp:
        for label, template in (("handler files", HANDLER_FILE), ("helper files", HELPER_FILE)):
            project = Path(tmp) / label.replace(" ", "_")
            project.mkdir()
            (project / "pyproject.toml").write_text("[tool.lambdalint]\n")
            for n in range(args.files):
                (project / f"module_{n}.py").write_text(template.format(n=n))
            seconds, peak = timed_check(project)
            rows.append(
                (
                    label,
                    str(args.files),
                    f"{seconds:.2f} s",
                    f"{seconds / args.files * 1000:.2f} ms",
                    f"{peak:.0f} MiB",
                )
            )
        project = Path(tmp) / "stdlib"
        project.mkdir()
        (project / "pyproject.toml").write_text("[tool.lambdalint]\n")
        count = stdlib_copy(project, args.files)
        seconds, peak = timed_check(project)
        rows.append(
            (
                "stdlib modules + handler",
                str(count),
                f"{seconds:.2f} s",
                f"{seconds / count * 1000:.2f} ms",
                f"{peak:.0f} MiB",
            )
        )
        shutil.rmtree(project)
    header = ("workload", "files", "total", "per file", "peak RSS")
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(len(header))]
    for row in [header, tuple("-" * w for w in widths), *rows]:
        print("  ".join(str(cell).ljust(width) for cell, width in zip(row, widths)))


if __name__ == "__main__":
    main()
