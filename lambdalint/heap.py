"""What lambdalint spares Python's cyclic garbage collector: scans that cannot find garbage.

The collector runs every few hundred allocations, and every so often it scans every
container object the process holds. Two kinds of lambdalint's objects give it nothing to
find: a libcst tree, which holds no cycles, while it is built; and what the process imports
to check code (libcst's node classes, the Terraform parser's tables: ~70,000 objects),
which lives as long as the process does. Under flake8 the scans of the latter fall on
flake8's own work too, making it slower than without lambdalint.
"""

from __future__ import annotations

import contextlib
import gc
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterator

_settled = False


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """The collector does not run within the block; what the block allocates is scanned
    after it, if it is still alive then."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def settle() -> None:
    """Once per process, after its first project is built (its imports done): leave out of
    the collector's scans what the process holds then, garbage collected first so none of
    it is kept. Later projects are not settled: a process that checks several times (tests,
    an editor running flake8 in-process) keeps their objects collectable."""
    global _settled
    if _settled:
        return
    _settled = True
    gc.collect()
    gc.freeze()
