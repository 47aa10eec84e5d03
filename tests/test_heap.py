"""What a run leaves out of the garbage collector's scans, in a process of its own: pytest's
would already be settled by an earlier test."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from cases import REPO

SCRIPT = textwrap.dedent(
    """
    import gc, weakref
    from pathlib import Path
    from lambdalint.runner import Options, Run

    class Cycle:
        pass

    garbage = Cycle()
    garbage.itself = garbage
    gone = weakref.ref(garbage)
    del garbage
    before = gc.get_freeze_count()
    Run(Options()).project_for(Path("{first}/handler.py"))
    first = gc.get_freeze_count()
    Run(Options()).project_for(Path("{second}/handler.py"))
    print(before, first, gc.get_freeze_count(), gone() is None)
    """
)


def test_the_first_project_settles_the_heap_without_keeping_garbage() -> None:
    projects = REPO / "tests" / "projects"
    script = SCRIPT.format(first=projects / "sam-app", second=projects / "terraform-app")
    printed = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout.split()
    before, first, later, collected = printed
    assert int(before) == 0
    # lambdalint's imports and the SAM project's discovery: thousands of objects
    assert int(first) > 5_000
    # a later project stays collectable, so the count does not grow (it may shrink as
    # settled objects are freed)
    assert int(later) <= int(first)
    assert collected == "True"  # the cycle was collected, not settled
