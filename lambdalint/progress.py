"""What a person at a terminal sees of a long ``lambdalint check``: a progress line while
it runs, a one-line summary at the end. Both go to stderr, and only when it is a terminal:
stdout is the report, and a pipe, a CI log, pre-commit or an editor get nothing more on
stderr than problems."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

PROGRESS_AFTER = 2.0  # seconds: a quicker run shows no progress line at all
PROGRESS_EVERY = 0.5
CLEAR_LINE = "\r\x1b[K"


def counted(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def summary(findings: int, checked: Mapping[Path, int], seconds: float) -> str:
    """``Found 2 findings in 40 files (3 handlers) in 1.2 s``: how much was looked at says
    whether discovery found what the user deploys."""
    return (
        f"Found {counted(findings, 'finding')} in {counted(len(checked), 'file')}"
        f" ({counted(sum(checked.values()), 'handler')}) in {seconds:.1f} s"
    )


@contextmanager
def progress(stream: TextIO, checked: Mapping[Path, int]) -> Iterator[None]:
    """While the block runs, after PROGRESS_AFTER seconds, rewrite one line on stream with
    the files checked so far; the line is erased when the block ends."""
    start = time.monotonic()
    done = threading.Event()
    shown = threading.Event()

    def show() -> None:
        if done.wait(PROGRESS_AFTER):
            return
        while not done.is_set():
            seconds = time.monotonic() - start
            stream.write(
                f"{CLEAR_LINE}lambdalint: {counted(len(checked), 'file')} checked, {seconds:.0f} s"
            )
            stream.flush()
            shown.set()
            done.wait(PROGRESS_EVERY)

    # a daemon: an interrupted run exits without waiting for it
    worker = threading.Thread(target=show, name="lambdalint-progress", daemon=True)
    worker.start()
    try:
        yield
    finally:
        done.set()
        worker.join()
        if shown.is_set():
            stream.write(CLEAR_LINE)
            stream.flush()
