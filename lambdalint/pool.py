"""Per-file work on every core (``--jobs``): the same ``check_file`` as a serial run, in
worker processes, with results handed back in the order of the tasks."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Sequence
from concurrent.futures import Future, ProcessPoolExecutor

from lambdalint.convention import COULD_DEFINE_HANDLER
from lambdalint.engine import FileResult, FileTask, check_file

# Measured on the corpus: a file that libcst parses costs ~4 ms plus ~3 ms a KB, and
# starting the pool ~0.55 s (the server imports libcst, the workers fork from it). N workers
# win once the serial work exceeds 0.55 * N / (N - 1) s (1.1 s on two cores); a quarter more
# keeps a busy machine from ending up slower, so small runs never pay for a pool.
SECONDS_PER_FILE, SECONDS_PER_BYTE = 0.004, 0.000003
POOL_START_SECONDS, MARGIN = 0.55, 1.25
# chunks per worker: few enough to keep pickling cheap, enough to even out slow files
CHUNKS_PER_WORKER = 4


def default_jobs() -> int:
    """The CPUs this process may run on (a container's share, not the host's)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def check_files(tasks: Sequence[tuple[FileTask, bytes | None]], jobs: int) -> list[FileResult]:
    """Each task's result, in the tasks' order, as check_file gives it in this process; a
    task comes with its file's bytes when the caller has read them already."""
    if jobs == 1:
        return [check_file(task, source) for task, source in tasks]
    results: dict[int, FileResult] = {}
    parsed: dict[int, tuple[FileTask, bytes | None]] = {}
    for index, (task, given) in enumerate(tasks):
        source = given if given is not None else _read(task)
        if _parses(task, source):
            parsed[index] = (task, source)
        else:  # settled by the prefilter (or a read error) at once: not worth a worker
            results[index] = check_file(task, source)
    items = list(parsed.values())
    done = _in_pool(items, jobs) if _worth_a_pool(items, jobs) else _check_chunk(items)
    results.update(zip(parsed, done))
    return [results[index] for index in range(len(tasks))]


def _read(task: FileTask) -> bytes | None:
    """The file's bytes; None lets check_file read it and report why it cannot."""
    try:
        return task.path.read_bytes()
    except OSError:
        return None


def _parses(task: FileTask, source: bytes | None) -> bool:
    """Whether check_file may get as far as libcst: the work worth a worker."""
    if source is None or task.targets == ():
        return False
    return task.targets is not None or COULD_DEFINE_HANDLER.search(source) is not None


def _worth_a_pool(items: list[tuple[FileTask, bytes | None]], jobs: int) -> bool:
    serial = sum(SECONDS_PER_FILE + SECONDS_PER_BYTE * len(source or b"") for _, source in items)
    return serial > POOL_START_SECONDS * jobs / (jobs - 1) * MARGIN


def _in_pool(items: list[tuple[FileTask, bytes | None]], jobs: int) -> list[FileResult]:
    # forkserver, not fork: the parent may hold threads (engine._on_deep_stack's, the pool's
    # own) that fork would copy mid-lock; not spawn either: the server imports libcst once and
    # each worker forks from it, where spawn pays the import in every worker. Windows only
    # spawns.
    method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    context = multiprocessing.get_context(method)
    if method == "forkserver":
        context.set_forkserver_preload(
            ["lambdalint.pool", "lambdalint.analysis", "lambdalint.checks"]
        )
    size = max(1, -(-len(items) // (jobs * CHUNKS_PER_WORKER)))
    chunks = [items[start : start + size] for start in range(0, len(items), size)]
    results: list[FileResult] = []
    with ProcessPoolExecutor(min(jobs, len(chunks)), mp_context=context) as pool:
        futures = [pool.submit(_check_chunk, chunk) for chunk in chunks]
        for chunk, future in zip(chunks, futures):
            results.extend(_outcome(chunk, future))
    return results


def _check_chunk(chunk: list[tuple[FileTask, bytes | None]]) -> list[FileResult]:
    return [check_file(task, source) for task, source in chunk]


def _outcome(
    chunk: list[tuple[FileTask, bytes | None]], future: Future[list[FileResult]]
) -> list[FileResult]:
    """The chunk's results; when its worker raised or died, the chunk again in this process,
    so a failing file is reported (or stops the run) exactly as a serial run would."""
    try:
        return future.result()
    except Exception:  # noqa: BLE001 - rerun here, where the serial path's handling applies
        return _check_chunk(chunk)
