"""Detection spread over worker processes, this process the only writer (desktop.store.importing).

See PoolImport for how the work is shared: who detects which file, and
when this process writes.
"""

from __future__ import annotations

import logging
import multiprocessing
import time
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from desktop.ingest.reader import display_name, display_path
from desktop.store.incoming import prepare_or_refuse, prepared_here, read_source
from desktop.store.prepared import PreparedDocument, start_worker
from desktop.store.records import ImportReport, Progress
from desktop.store.writing import BATCH_WORK, CLAIMS_PER_TRANSACTION, Writer

_log = logging.getLogger(__name__)

# Text given to each worker and not yet back: about a second of its
# detection (400 k characters a second), so it never runs dry while this
# process writes a transaction (up to STEP_SECONDS) or detects a file; 16
# files, the bound before, kept it idle a third of the time on news pages.
POOL_AHEAD_CHARACTERS = 400_000
# And at most this many files each (tiny files cost their round trip).
POOL_AHEAD_FILES = 256
# Text of the files held ahead of the writing (given to a worker or detected,
# not yet queued), per worker: a prepared document takes about 33 bytes a
# character in memory, so about 33 MB a worker.
HELD_CHARACTERS_PER_WORKER = 1_000_000
# While this process has a file it could detect instead, a transaction is
# not begun for less work than this: nearly a full one.  Every transaction
# is followed by a pause, so small ones leave the writer idle more of the
# time, and the writing fell behind to be done at the end (on 200 pages, a
# quarter of BATCH_WORK: 11 transactions, 0.7 s left to write after the
# last file was detected).
MIN_WRITE_WORK = CLAIMS_PER_TRANSACTION * 3 // 4
# Until the workers are ready (this process detects every file then), this
# much: waiting for nearly a full transaction left the writer idle for most
# of the workers' start.
WARMING_WRITE_WORK = BATCH_WORK // 4
# The writer's queue holds no more than this much work (a full transaction:
# there is one ready whenever a pause ends, and a cancelled import writes
# at most that before it stops): when the writing is the slower part (a
# busy machine), documents wait detected, counted against the held text,
# and no more are taken until the writer catches up.
QUEUED_WORK = CLAIMS_PER_TRANSACTION


def import_in_parallel(
    db: Database,
    todo: list[Path],
    jobs: int,
    writer: Writer,
    progress: Progress | None,
    should_cancel: Callable[[], bool] | None,
) -> bool | None:
    """import_files with detection in `jobs` worker processes and this process the only writer.

    True when cancelled: files not yet started are dropped, what was
    detected and queued is written.  None when no worker process can be
    started here (the caller imports in this process).  See PoolImport for
    how the work is shared.
    """
    with _detection_pool(jobs) as pool:
        if pool is None:
            return None
        run = PoolImport(db, todo, writer, pool, jobs)
        cancelled = run.run(progress, should_cancel)
    _log.info(
        "imported %d files with %d detection processes; %d detected by the writer", len(todo), jobs, run.here
    )
    return cancelled


def _characters(outcome: PreparedDocument | ImportReport) -> int:
    return len(outcome.row["source_text"]) if isinstance(outcome, PreparedDocument) else 0


@dataclass
class PoolImport:
    """One pooled import: who detects which file, and when this process writes.

    This process is the only writer, and it writes the documents in the
    order of `todo`.  The lock must be left free PAUSE_SECONDS after every
    transaction (another window's save is waiting for it); this process
    spends that pause detecting a file itself rather than sleeping, and
    writes again as soon as the pause is over and enough is queued, so the
    writing keeps up (what is left to write when detection ends is written
    with a sleep between transactions).

    The workers are kept POOL_AHEAD_CHARACTERS of text ahead each, so they
    never run dry while this process writes a transaction or detects a
    file.  This process takes back the first file a worker has not
    started (the next to write), else the next file no one has taken.  Until the workers
    have made their tagger (about a second), this process imports the files
    in order itself.

    Memory stays bounded however long the batch: the writer's queue holds
    at most QUEUED_WORK, and the text of the files given to a worker or
    detected but not yet queued stays under HELD_CHARACTERS_PER_WORKER a
    worker; past either, no file is taken until the writer catches up.  A
    worker that dies leaves its files to this process.
    """

    db: Database
    todo: list[Path]
    writer: Writer
    pool: ProcessPoolExecutor | None
    jobs: int
    here: int = 0  # files detected in this process, for the log
    _ready: dict[int, PreparedDocument | ImportReport] = field(
        default_factory=dict
    )  # detected, not yet queued
    _given: dict[int, Future[PreparedDocument | ImportReport]] = field(default_factory=dict)  # with a worker
    _size: dict[int, int] = field(default_factory=dict)  # characters of each file given or ready
    _front: int = 0  # files from here on are not yet taken by anyone
    _queued: int = 0  # files handed to the writer, in order
    _given_characters: int = 0
    _held_characters: int = 0
    _warming: list[Future[None]] = field(default_factory=list)

    def run(self, progress: Progress | None, should_cancel: Callable[[], bool] | None) -> bool:
        """Import every file; True when cancelled."""
        if self.pool is not None:
            try:
                self._warming = [self.pool.submit(start_worker) for _ in range(self.jobs)]
            except BrokenProcessPool:  # a pool whose worker died before this import
                self._lost_workers()
        count = len(self.todo)
        while self._queued < count:
            if should_cancel is not None and should_cancel():
                for future in self._given.values():
                    future.cancel()
                return True
            self._collect()
            while self._queued in self._ready and self.writer.waiting < QUEUED_WORK:
                if progress is not None:
                    progress(self._queued, count, display_name(self.todo[self._queued]))
                self.writer.add(self._ready.pop(self._queued), write=False)
                self._held_characters -= self._size.pop(self._queued, 0)
                self._queued += 1
            if self._queued == count:
                break
            self._feed()
            if self._may_write():
                self.writer.write_next()
            elif self._queued not in self._given and self._queued not in self._ready:
                # No one has it: the workers are starting, or one died.
                self._detect_here(self._queued)
            elif not self._take_here():
                self._wait()
        return False

    @property
    def _warm(self) -> bool:
        if self.pool is None or not all(job.done() for job in self._warming):
            return False
        if any(job.exception() is not None for job in self._warming):
            self._lost_workers()  # the worker could not start (a broken pool): the rest is done here
            return False
        return True

    def _collect(self) -> None:
        """Take what the workers have finished."""
        for index in [index for index, future in self._given.items() if future.done()]:
            future = self._given.pop(index)
            self._given_characters -= self._size[index]
            try:
                self._ready[index] = future.result()
            except BrokenProcessPool:
                self._held_characters -= self._size.pop(index)
                self._lost_workers()
                return
            except Exception:  # its result did not come back (it would not pickle): detected here in turn
                _log.exception("a detection process failed on %s", display_path(self.todo[index]))
                self._held_characters -= self._size.pop(index)

    def _lost_workers(self) -> None:
        """A worker died (memory, a signal): every file given to the pool is detected here, in turn."""
        _log.warning("a detection process died; the import goes on in this process")
        self.pool = None
        for index in self._given:
            self._held_characters -= self._size.pop(index)
        self._given.clear()
        self._given_characters = 0

    def _feed(self) -> None:
        """Give the workers files from the front until they are POOL_AHEAD_CHARACTERS ahead each."""
        if not self._warm:
            return
        assert self.pool is not None
        self._front = max(self._front, self._queued)
        while (
            self._front < len(self.todo)
            and self._given_characters < POOL_AHEAD_CHARACTERS * self.jobs
            and self._held_characters < HELD_CHARACTERS_PER_WORKER * self.jobs
            and len(self._given) < POOL_AHEAD_FILES * self.jobs
        ):
            index = self._front
            self._front += 1
            source = read_source(self.db, self.todo[index])
            if isinstance(source, ImportReport):
                self._ready[index] = source
                continue
            try:
                future = self.pool.submit(prepare_or_refuse, source)
            except BrokenProcessPool:  # a worker died since _collect looked
                self._front = index
                self._lost_workers()
                return
            self._size[index] = len(source.text)
            self._given_characters += len(source.text)
            self._held_characters += len(source.text)
            self._given[index] = future

    def _may_write(self) -> bool:
        """Write now: the pause is over, and a transaction's worth is queued or nothing better is left."""
        if not self.writer.waiting or not self.writer.may_write_now():
            return False
        # Until the workers are ready, this process detects every file itself
        # and a pause costs nothing (it detects in it): write as one process
        # would, a little at a time.
        enough = MIN_WRITE_WORK if self._warm else WARMING_WRITE_WORK
        if self.writer.waiting >= min(enough, QUEUED_WORK):
            return True
        # Less: written now when the queue is full (the next document waits
        # for room) or this process has no file to detect meanwhile.
        return self._queued in self._ready or self._next_here() is None

    def _next_here(self) -> int | None:
        """The file this process would detect next: the next untaken one while memory allows."""
        if self._front < len(self.todo) and self._held_characters < HELD_CHARACTERS_PER_WORKER * self.jobs:
            return self._front
        return None

    def _take_here(self) -> bool:
        """Detect a file here while the workers are busy; False when there is none to take.

        The first file a worker has not started is taken back, so what this
        process detects is the next to write: taken from beyond the
        workers' second of work, it waited for all of that before the
        writer could have it, the writer ran dry, and its work piled up to
        the end (on 200 pages, a third of the import).
        """
        for index, future in self._given.items():  # in the order given
            if future.cancel():  # fails once the worker has started it
                del self._given[index]
                self._given_characters -= self._size[index]
                self._held_characters -= self._size.pop(index)
                self._detect_here(index)
                return True
        untaken = self._next_here()
        if untaken is not None:
            self._detect_here(untaken)
            return True
        return False

    def _detect_here(self, index: int) -> None:
        self.here += 1
        self._front = max(self._front, index + 1)
        outcome = prepared_here(self.db, self.todo[index])
        self._ready[index] = outcome
        self._size[index] = _characters(outcome)
        self._held_characters += self._size[index]

    def _wait(self) -> None:
        """Until a worker finishes a file, or the lock has been free long enough to write what is queued."""
        timeout = 0.05
        if self.writer.waiting:
            timeout = max(0.001, min(timeout, self.writer.seconds_until_free()))
        pending: list[Future[Any]] = [*self._given.values()] or [
            job for job in self._warming if not job.done()
        ]
        if pending:
            wait(pending, timeout=timeout, return_when=FIRST_COMPLETED)
        else:  # the writer's queue is full and nothing is left to take: its pause
            time.sleep(timeout)


@contextmanager
def _detection_pool(jobs: int) -> Iterator[ProcessPoolExecutor | None]:
    """A pool of `jobs` detection processes, or None where none can be started (the import goes on here)."""
    # forkserver where there is one: a window's import thread may not fork its
    # process (another thread's lock would be copied held).  Nothing is
    # preloaded in the server: this process would wait for it; each worker
    # makes the tagger itself (initializer) while this one goes on importing.
    try:
        context: multiprocessing.context.BaseContext
        if "forkserver" in multiprocessing.get_all_start_methods():
            context = multiprocessing.get_context("forkserver")
        else:
            context = multiprocessing.get_context("spawn")
        pool = ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=start_worker)
    except (OSError, ValueError, RuntimeError):  # no semaphores, no /dev/shm: a sandbox
        _log.warning("no detection processes could be started; importing in one process", exc_info=True)
        yield None
        return
    try:
        yield pool
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
