"""Per-file work on every core (``--jobs``): the same ``check_file`` as a serial run, in
worker processes, with results handed back in the order of the tasks."""

from __future__ import annotations

import functools
import os
import signal
import threading
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, Optional, TypeVar

from lambdalint.convention import could_define_handler
from lambdalint.engine import FileResult, FileTask, check_file, crashed

if TYPE_CHECKING:  # the machinery is imported by the runs that start a pool, not by all
    from concurrent.futures import Future, ProcessPoolExecutor
    from multiprocessing.connection import Connection
    from multiprocessing.context import ForkServerContext, SpawnContext
    from multiprocessing.process import BaseProcess

# Measured: a file that libcst parses costs ~3 ms plus ~2.6 ms a KB (a least-squares fit
# over the corpus's 288 checked files gives 2 ms a file; the modules a handler reaches add
# to it: the generated monorepo's 330-byte handlers, each reaching a helper, take 5 ms),
# and starting the pool ~0.55 s while this process works (the server imports libcst, the
# workers fork from it). N workers win once the serial work exceeds 0.55 * N / (N - 1) s
# (1.1 s on two cores); a quarter more keeps a busy machine from ending up slower, so small
# runs never pay for a pool.
SECONDS_PER_FILE, SECONDS_PER_BYTE = 0.003, 0.0000026
POOL_START_SECONDS, MARGIN = 0.55, 1.25
# a chunk's estimated serial work: a tenth of a second or so in a worker, so a slow file
# or project does not leave a worker idle at the end, and a chunk's round trip stays cheap
CHUNK_SECONDS = 0.2
T = TypeVar("T")
_Item = tuple[FileTask, Optional[bytes]]  # a file's task and its bytes (None: unread)


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
        # what the server the workers fork from imports once, so no worker pays for it
        self._preload = ["lambdalint.pool", "lambdalint.analysis", "lambdalint.checks"]

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
                context.set_forkserver_preload(self._preload)
                self._context = context
            else:
                self._context = multiprocessing.get_context("spawn")
        return self._context

    def preload(self, modules: Iterable[str]) -> None:
        """Modules the workers will need besides the checks' (a discovery's), for the server
        to import too; of no effect once the pool has started."""
        self._preload.extend(module for module in modules if module not in self._preload)

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


class Batch:
    """Per-file checks handed in one by one, and their results in that order, as check_file
    gives them in this process. Without workers (--jobs 1) each file is checked as it comes.
    With workers, the files that get as far as libcst leave in chunks as soon as there is a
    chunk's worth and the pool pays off, so the workers check one project's files while this
    process lists the next project's (or waits for its discovery)."""

    def __init__(self, workers: Workers | None) -> None:
        self._workers = workers
        self._count = 0
        self._done: dict[int, FileResult] = {}
        self._waiting: list[tuple[int, _Item]] = []
        self._waiting_seconds = 0.0
        self._sent: list[tuple[list[int], list[_Item], Future[list[FileResult]]]] = []
        self._pooled = False  # whether the files go to the workers

    def add(self, task: FileTask, given: bytes | None) -> None:
        """A task, with its file's bytes when the caller has read them already."""
        index = self._count
        self._count += 1
        if self._workers is None:
            self._done[index] = check_file(task, given)
            return
        source = given if given is not None else _read(task)
        if not _parses(task, source):  # settled by the prefilter or a read error: no worker
            self._done[index] = check_file(task, source)
            return
        self._waiting.append((index, (task, source)))
        self._waiting_seconds += _serial_seconds(source)
        self._pooled = self._pooled or _worth_a_pool(self._waiting_seconds, self._workers)
        if self._pooled:
            self._send(self._workers, whole_chunks_only=True)

    def results(self) -> list[FileResult]:
        """Every task's result, in the order they were added."""
        if self._pooled and self._workers is not None:
            self._send(self._workers, whole_chunks_only=False)
        else:  # too little work to pay for the pool
            self._done.update((index, check_file(*item)) for index, item in self._waiting)
        self._waiting = []
        sent, self._sent = self._sent, []
        # a worker died: the pool is broken for every chunk not done yet, and which file killed
        # it is unknown, so each of their files gets a process of its own
        orphans: list[tuple[int, _Item]] = []
        for indexes, chunk, future in sent:
            done = _outcome(chunk, future)
            if done is None:
                orphans.extend(zip(indexes, chunk))
            else:
                self._done.update(zip(indexes, done))
        if orphans and self._workers is not None:
            self._workers.close()
            alone = _one_process_each(
                [item for _, item in orphans], self._workers.context, self._workers.jobs
            )
            self._done.update(zip((index for index, _ in orphans), alone))
        return [self._done[index] for index in range(self._count)]

    def _send(self, workers: Workers, *, whole_chunks_only: bool) -> None:
        """Hand the waiting files to the workers in chunks of about CHUNK_SECONDS' work."""
        chunk: list[tuple[int, _Item]] = []
        seconds = 0.0
        for waiting in self._waiting:
            chunk.append(waiting)
            seconds += _serial_seconds(waiting[1][1])
            if seconds >= CHUNK_SECONDS:
                self._submit(workers, chunk)
                chunk, seconds = [], 0.0
        if chunk and not whole_chunks_only:
            self._submit(workers, chunk)
            chunk, seconds = [], 0.0
        self._waiting, self._waiting_seconds = chunk, seconds

    def _submit(self, workers: Workers, chunk: list[tuple[int, _Item]]) -> None:
        items = [item for _, item in chunk]
        future = workers.submit(_check_chunk, items)
        self._sent.append(([index for index, _ in chunk], items, future))


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
    return task.targets is not None or could_define_handler(source)


def _serial_seconds(source: bytes | None) -> float:
    """About how long checking a file that libcst parses takes in one process."""
    return SECONDS_PER_FILE + SECONDS_PER_BYTE * len(source or b"")


def _worth_a_pool(serial: float, workers: Workers) -> bool:
    """Whether files taking this long serially pay for the pool: for its start, unless
    discovery started it already, and for sending the files over."""
    start = 0.0 if workers.started else POOL_START_SECONDS
    return serial > (start + SECONDS_PER_FILE) * workers.jobs / (workers.jobs - 1) * MARGIN


def _check_chunk(chunk: list[_Item]) -> list[FileResult]:
    return [check_file(task, source) for task, source in chunk]


def _outcome(chunk: list[_Item], future: Future[list[FileResult]]) -> list[FileResult] | None:
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
    items: list[_Item], context: ForkServerContext | SpawnContext, jobs: int
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
