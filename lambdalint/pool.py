"""Per-file work on every core (``--jobs``): the same ``check_file`` as a serial run, in
worker processes, with results handed back in the order of the tasks."""

from __future__ import annotations

import functools
import os
import signal
import threading
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from lambdalint.convention import COULD_DEFINE_HANDLER
from lambdalint.engine import FileResult, FileTask, check_file, crashed

if TYPE_CHECKING:  # the machinery is imported by the runs that start a pool, not by all
    from concurrent.futures import Future, ProcessPoolExecutor
    from multiprocessing.connection import Connection
    from multiprocessing.context import ForkServerContext, SpawnContext
    from multiprocessing.process import BaseProcess

# Measured on the corpus: a file that libcst parses costs ~4 ms plus ~3 ms a KB, and
# starting the pool ~0.55 s (the server imports libcst, the workers fork from it). N workers
# win once the serial work exceeds 0.55 * N / (N - 1) s (1.1 s on two cores); a quarter more
# keeps a busy machine from ending up slower, so small runs never pay for a pool.
SECONDS_PER_FILE, SECONDS_PER_BYTE = 0.004, 0.000003
POOL_START_SECONDS, MARGIN = 0.55, 1.25
# chunks per worker: few enough to keep pickling cheap, enough to even out slow files
CHUNKS_PER_WORKER = 4
T = TypeVar("T")


class Workers:
    """A run's worker processes, shared by discovery and checking and shut down by ``close``
    at the end of the run.

    ``submit`` never waits: the first one starts the pool in a thread of its own, because
    starting a worker waits for the fork server to import libcst (~0.4 s) and this process
    has its own share of the work to do meanwhile."""

    def __init__(self, jobs: int) -> None:
        self.jobs = jobs
        self._executor: ProcessPoolExecutor | None = None
        self._context: ForkServerContext | SpawnContext | None = None
        self._lock = threading.Lock()
        self._queued: list[tuple[Future[Any], Callable[..., Any], tuple[object, ...]]] = []
        self._starting: threading.Thread | None = None

    @property
    def started(self) -> bool:
        return self._starting is not None

    @property
    def context(self) -> ForkServerContext | SpawnContext:
        # forkserver, not fork: the parent may hold threads (engine._on_deep_stack's, the
        # pool's own) that fork would copy mid-lock; not spawn either: the server imports
        # libcst once and each worker forks from it, where spawn pays the import in every
        # worker. Windows only spawns.
        if self._context is None:
            import multiprocessing

            if "forkserver" in multiprocessing.get_all_start_methods():
                context = multiprocessing.get_context("forkserver")
                context.set_forkserver_preload(
                    ["lambdalint.pool", "lambdalint.analysis", "lambdalint.checks"]
                )
                self._context = context
            else:
                self._context = multiprocessing.get_context("spawn")
        return self._context

    def submit(self, work: Callable[..., T], *args: object) -> Future[T]:
        from concurrent.futures import Future

        with self._lock:
            if self._executor is not None:
                return _submitted(self._executor, work, args)
            queued: Future[T] = Future()
            self._queued.append((queued, work, args))
            if self._starting is None:
                self._starting = threading.Thread(target=self._start, daemon=True)
                self._starting.start()
            return queued

    def _start(self) -> None:
        from concurrent.futures import ProcessPoolExecutor

        executor: ProcessPoolExecutor | None = None
        try:
            executor = ProcessPoolExecutor(self.jobs, mp_context=self.context)
            executor.submit(os.getpid).result()  # waits for the fork server, outside the lock
        except BaseException as error:  # noqa: BLE001 - each queued task reports it
            if executor is not None:
                executor.shutdown(wait=False)
            with self._lock:
                for queued, _, _ in self._queued:
                    queued.set_exception(error)  # its caller does the work itself
                self._queued.clear()
                self._starting = None  # the next task tries again
            return
        with self._lock:
            for queued, work, args in self._queued:
                _submitted(executor, work, args).add_done_callback(functools.partial(_copy, queued))
            self._queued.clear()
            self._executor = executor

    def close(self) -> None:
        """Stop the workers; a later submit starts new ones (after one died, say)."""
        if self._starting is not None:
            self._starting.join()
            self._starting = None
        if self._executor is not None:
            self._executor.shutdown()
            self._executor = None


def _submitted(
    executor: ProcessPoolExecutor, work: Callable[..., T], args: tuple[object, ...]
) -> Future[T]:
    """The task's future; one holding the error when a worker's death broke the pool."""
    from concurrent.futures import Future
    from concurrent.futures.process import BrokenProcessPool

    try:
        return executor.submit(work, *args)
    except BrokenProcessPool as error:
        broken: Future[T] = Future()
        broken.set_exception(error)
        return broken


def _copy(to: Future[T], done: Future[T]) -> None:
    if done.cancelled():  # never left pending: its caller would wait forever
        to.cancel()
        return
    error = done.exception()
    if error is not None:
        to.set_exception(error)
    else:
        to.set_result(done.result())


def default_jobs() -> int:
    """The CPUs this process may run on (a container's share, not the host's)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def check_files(
    tasks: Sequence[tuple[FileTask, bytes | None]], workers: Workers | None
) -> list[FileResult]:
    """Each task's result, in the tasks' order, as check_file gives it in this process; a
    task comes with its file's bytes when the caller has read them already. Without workers
    (--jobs 1) every file is checked here."""
    if workers is None:
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
    done = _in_pool(items, workers) if _worth_a_pool(items, workers) else _check_chunk(items)
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


def _worth_a_pool(items: list[tuple[FileTask, bytes | None]], workers: Workers) -> bool:
    """Whether the files take long enough serially to pay for the pool: for its start, unless
    discovery started it already, and for sending the files over."""
    serial = sum(SECONDS_PER_FILE + SECONDS_PER_BYTE * len(source or b"") for _, source in items)
    start = 0.0 if workers.started else POOL_START_SECONDS
    return serial > (start + SECONDS_PER_FILE) * workers.jobs / (workers.jobs - 1) * MARGIN


def _in_pool(items: list[tuple[FileTask, bytes | None]], workers: Workers) -> list[FileResult]:
    jobs = workers.jobs
    size = max(1, -(-len(items) // (jobs * CHUNKS_PER_WORKER)))
    chunks = [items[start : start + size] for start in range(0, len(items), size)]
    futures = [workers.submit(_check_chunk, chunk) for chunk in chunks]
    outcomes = [_outcome(chunk, future) for chunk, future in zip(chunks, futures)]
    # a worker died: the pool is broken for every chunk not done yet, and which file killed
    # it is unknown, so each of their files gets a process of its own
    orphans = [item for chunk, done in zip(chunks, outcomes) if done is None for item in chunk]
    if orphans:
        workers.close()
    alone = iter(_one_process_each(orphans, workers.context, jobs))
    return [
        result
        for done, chunk in zip(outcomes, chunks)
        for result in (done if done is not None else [next(alone) for _ in chunk])
    ]


def _check_chunk(chunk: list[tuple[FileTask, bytes | None]]) -> list[FileResult]:
    return [check_file(task, source) for task, source in chunk]


def _outcome(
    chunk: list[tuple[FileTask, bytes | None]], future: Future[list[FileResult]]
) -> list[FileResult] | None:
    """The chunk's results; None when its worker process died (a native crash), for
    _one_process_each to find the file. When the worker raised, the chunk again in this
    process, so a failing file is reported (or stops the run) exactly as a serial run would."""
    from concurrent.futures.process import BrokenProcessPool

    try:
        return future.result()
    except BrokenProcessPool:
        return None
    except Exception:  # noqa: BLE001 - rerun here, where the serial path's handling applies
        return _check_chunk(chunk)


def _one_process_each(
    items: list[tuple[FileTask, bytes | None]], context: ForkServerContext | SpawnContext, jobs: int
) -> list[FileResult]:
    """Each file checked in a fresh process of its own, jobs at a time: a file whose process
    dies again is a LAM901 naming the signal or exit code; a Python exception is rerun here."""
    from multiprocessing.connection import wait

    results: dict[int, FileResult] = {}
    waiting = list(enumerate(items))
    running: dict[Connection, tuple[int, BaseProcess]] = {}
    while waiting or running:
        while waiting and len(running) < jobs:
            index, (task, source) = waiting.pop(0)
            receiver, sender = context.Pipe(duplex=False)
            child = context.Process(target=_check_alone, args=(sender, task, source), daemon=True)
            child.start()
            sender.close()  # only the child writes: its death is then EOF here
            running[receiver] = (index, child)
        ready = wait(list(running))
        for receiver in [receiver for receiver in running if receiver in ready]:
            index, process = running.pop(receiver)
            try:
                result: FileResult | None = receiver.recv()
            except Exception:  # noqa: BLE001 - died before or while sending: EOF, a torn pickle
                result = None
            process.join()
            receiver.close()
            task, source = items[index]
            if result is not None:
                results[index] = result
            elif process.exitcode == 0:  # check_file raised: the serial path's handling
                results[index] = check_file(task, source)
            else:
                results[index] = crashed(task, source, _cause(process.exitcode))
    return [results[index] for index in range(len(items))]


def _check_alone(sender: Connection, task: FileTask, source: bytes | None) -> None:
    try:
        result: FileResult | None = check_file(task, source)
    except Exception:  # noqa: BLE001 - the parent reruns the file and reports it
        result = None
    sender.send(result)
    sender.close()


def _cause(exitcode: int | None) -> str:
    """How a process ended, as a signal's name (SIGSEGV) or an exit code."""
    if exitcode is not None and exitcode < 0:
        try:
            return signal.Signals(-exitcode).name
        except ValueError:
            return f"signal {-exitcode}"
    return f"exit code {exitcode}"
