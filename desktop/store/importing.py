"""Importing files: each read, split into claims and written whole or not at all.

A file that cannot be read, or that the pipeline cannot split, is refused
with a reason and the batch goes on.  Detection, the slow part, runs before
any transaction, so it never holds the write lock other processes wait on.

Everything but the SQL is done before the writer (desktop.store.prepared:
detection, the checks, sentence columns, the rows themselves), so that in a
pool of worker processes (`import_files(workers=N)`, the default for a
batch big enough to pay for the pool) this process, the only writer, is
left the inserts.  Documents are written in the order of the files, so a
batch imports the same way whatever the number of workers.

Small documents are written several to a transaction.  A commit costs an
fsync (synchronous=FULL) and a fresh segment of the trigram index to merge
later; one per page made them a third of an import.  The bound on a
transaction is the same either way (below), and each document is complete
or absent in it.

A processed document is written a bounded transaction at a time.  A
decision saved in another window waits for whatever write transaction is
open, at most the busy timeout (5 s) before it fails.  A document with
100,000 claims written in one transaction held the lock far longer, so a
document is written in steps.  Each step stops after STEP_SECONDS or
CLAIMS_PER_TRANSACTION claims, commits, and leaves the lock free for
PAUSE_SECONDS so that a writer waiting in another process gets its turn
(between transactions of several documents as well as within one):

1. the first step adds the `documents` row, marked incomplete (complete = 0),
   and as many of its articles and claims as fit;
2. later steps add the rest;
3. the step that adds the last ones also carries decisions over from the
   version it replaces, writes the audit entry and marks it complete.

A document that fits in one step (almost every page) is thus written in one
transaction.  Every list, count, search and export leaves incomplete
documents out, so a killed import shows nothing of its document, never part
of one.  Every step is idempotent (rows keyed by article position and claim
id, inserted unless present), so importing the same file again, in this
process or another, finishes a document a killed import left behind, and
two processes importing one file at once build the same rows.
"""

from __future__ import annotations

import difflib
import logging
import multiprocessing
import os
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from desktop import pipeline
from desktop.ingest.model import SourceText
from desktop.ingest.reader import ReadError, display_name, display_path, read_file
from desktop.store import findings, reattach, releases, rows, sql
from desktop.store.prepared import PreparedArticle, PreparedDocument, from_result, prepare, start_worker
from desktop.store.records import DETECTION_FAILED, FileRefusal, ImportReport, Progress

_log = logging.getLogger(__name__)
_DETECTION_FAILED = (
    "FactDesk could not find the claims in this file (an internal error, logged); nothing was imported"
)

# How long one step may hold the write lock: a tenth of the 5 s another
# writer waits, so a slow disk still leaves a wide margin.
STEP_SECONDS = 0.5
# And at most this many claims' work in one step (0.5 s of news pages here,
# STEP_SECONDS the bound that counts; 5000 stopped a pooled import's
# transactions at 0.3 s, each followed by a pause, and its writer was the
# slower part).
CLAIMS_PER_TRANSACTION = 8000
# Between steps the lock stays free this long.  Re-taken at once, the lock
# would go to the importer again and again and a waiting window would run
# out of its 5 s.  Every writer here tries for the lock every 2 ms
# (sql.RETRY_SECONDS), so a few of those tries fit in the pause even when
# the waiting thread must first get its process's interpreter lock back
# (5 ms at most); with SQLite's own busy handler (sleeps of up to 100 ms)
# the pause had to be 150 ms, and on a two-core import those pauses after
# every transaction were the writer's critical path.
PAUSE_SECONDS = 0.03
# The clock is read between parts of this many claims.
_CLAIMS_PER_PART = 250
# Documents wait to be written until this much work (in claims) is ready:
# about a fifth of a second of inserts, so an import commits a few times a
# second rather than once a page.
BATCH_WORK = 2000

# The page cache while a batch is written.  Claims are keyed by a hash, so
# each insert lands at a random place in the claim and decision indexes;
# once those outgrow SQLite's default 2 MB cache (an archive of thousands of
# pages) every insert read pages back from the file.  Three such indexes
# (claim id, decision, numeric value) reach about 70 MB at 900,000 claims
# (bench.archive_bench): with 32 MB the archive took 235 s of CPU and 263 s
# of wall (load 3.7), with 96 MB 213 s and 210 s (load 3.3), the process
# tree's peak 364 -> 424 MB.  The cache is given back when the batch ends.
IMPORT_CACHE_KIB = 96 * 1024

# A pool pays from about this much text (about 40 news pages): each worker
# makes its word tagger first (about a second), which this process spends
# importing on its own.
PARALLEL_MIN_BYTES = 256 * 1024
# And never for fewer files than this.
PARALLEL_MIN_FILES = 8
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
# No more detection processes than this, whatever the machine: the one
# writer could not keep up with more.
MAX_WORKERS = 3


def default_workers(files: int, size: int | None = None, load: float | None = None) -> int:
    """How many processes besides this one should detect claims in an import (0: none).

    `files` files of `size` bytes in all (None: unknown, taken as big
    enough), on a machine running `load` processes besides (None: the
    one-minute load average).  One per core the process may use but the
    writer's, for batches of PARALLEL_MIN_FILES files and PARALLEL_MIN_BYTES
    or more, and no more than the cores other work leaves free: a worker
    that has to share a core costs its start, its tagger and the copying of
    every document to and fro, and on two shared cores, measured with one
    core's worth of other work, the pool was slower than one process
    (bench/import_bench.py).  The frozen app imports in its own process.
    """
    if files < PARALLEL_MIN_FILES or (size is not None and size < PARALLEL_MIN_BYTES):
        return 0
    if getattr(sys, "frozen", False):
        return 0
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    if load is None:
        load = os.getloadavg()[0] if hasattr(os, "getloadavg") else 0.0
    spare = int(cores - load + 0.5)  # whole cores no one else is using, this process's included
    return max(0, min(cores - 1, spare - 1, MAX_WORKERS, files))


def _total_size(paths: Sequence[Path]) -> int:
    size = 0
    for path in paths:
        try:
            size += path.stat().st_size
        except OSError:  # refused when read, with its reason
            continue
    return size


def import_files(
    db: Database,
    paths: Iterable[Path],
    *,
    progress: Progress | None = None,
    should_cancel: Callable[[], bool] | None = None,
    workers: int | None = None,
    on_file: Callable[[ImportReport], None] | None = None,
) -> ImportReport:
    """Import files; a file that cannot be read is refused, never fatal.

    `workers` processes besides this one detect the claims (default:
    `default_workers` for these files); this process reads the files, skips
    those already imported, detects what the workers have not taken and
    writes every document, in the order of `paths`.  On cancel, what was
    detected is written and the import stops.  `on_file` hears each file's
    own report as soon as it is known: a refusal when the file is read, a
    document once its transaction is committed.
    """
    todo = [Path(p) for p in paths]
    jobs = default_workers(len(todo), _total_size(todo)) if workers is None else max(0, workers)
    if getattr(sys, "frozen", False):
        # The packaged executable is not started as a pool worker (its entry
        # point would read the worker's arguments as a command): one process.
        jobs = 0
    writer = _Writer(db, on_file)
    with _page_cache(db, IMPORT_CACHE_KIB):
        if jobs > 0:
            cancelled = _import_in_parallel(db, todo, jobs, writer, progress, should_cancel)
        else:
            cancelled = _import_here(db, todo, writer, progress, should_cancel)
        writer.flush()
    if not cancelled and progress is not None:
        progress(len(todo), len(todo), "")
    return replace(writer.report, cancelled=cancelled)


@contextmanager
def _page_cache(db: Database, kib: int) -> Iterator[None]:
    """SQLite's page cache of this connection at least `kib` KiB for a while, then as it was."""
    before = int(db.execute("PRAGMA cache_size").fetchone()[0])
    wanted = -kib  # negative: in KiB rather than pages
    if before >= 0 or before > wanted:
        db.execute(f"PRAGMA cache_size = {wanted}")
    try:
        yield
    finally:
        db.execute(f"PRAGMA cache_size = {before}")


def _import_here(
    db: Database,
    todo: list[Path],
    writer: _Writer,
    progress: Progress | None,
    should_cancel: Callable[[], bool] | None,
) -> bool:
    """Read, detect and write every file in this process; True when cancelled."""
    for done, path in enumerate(todo):
        if should_cancel is not None and should_cancel():
            return True
        if progress is not None:
            progress(done, len(todo), display_name(path))
        writer.add(_prepared_here(db, path))
    return False


def _read(db: Database, path: Path) -> SourceText | ImportReport:
    """A file's text, or the report of a file refused or already imported."""
    try:
        source = read_file(path)
    except ReadError as error:
        return ImportReport(refused=(FileRefusal(path, error.reason, error.kind),))
    if is_imported(db, pipeline.content_hash(source.text)):
        return ImportReport(duplicates=(source.path,))
    return source


def _prepare_or_refuse(source: SourceText) -> PreparedDocument | ImportReport:
    try:
        return prepare(source)
    except Exception:  # a pipeline bug on one odd file must not stop an import
        _log.exception("detection failed on %s", display_path(source.path))
        return ImportReport(refused=(FileRefusal(source.path, _DETECTION_FAILED, DETECTION_FAILED),))


def _prepared_here(db: Database, path: Path) -> PreparedDocument | ImportReport:
    source = _read(db, path)
    return source if isinstance(source, ImportReport) else _prepare_or_refuse(source)


def import_source(db: Database, source: SourceText) -> ImportReport:
    """Import one decoded file; the same content twice is reported as a duplicate."""
    if is_imported(db, pipeline.content_hash(source.text)):
        return ImportReport(duplicates=(source.path,))
    # Before any transaction: detection is the slow part and must not
    # hold the write lock other processes are waiting on.
    outcome = _prepare_or_refuse(source)
    if isinstance(outcome, ImportReport):
        return outcome
    return write_document(db, outcome)


def import_document(db: Database, result: pipeline.DocumentResult, version: str) -> ImportReport:
    """Store a processed document as detector `version`; a duplicate of a complete one is reported."""
    if is_imported(db, result.content_hash):
        return ImportReport(duplicates=(result.source.path,))
    return write_document(db, from_result(result, version))


def write_document(db: Database, document: PreparedDocument) -> ImportReport:
    """Store one prepared document, in one transaction when it fits in one step."""
    writer = _Writer(db)
    writer.add(document)
    writer.flush()
    return writer.report


@dataclass
class _Queued:
    document: PreparedDocument
    previous: int | None  # the version it replaces, as last seen
    shifts: Shifts


@dataclass
class _Writer:
    """Writes prepared documents in order, several to a bounded transaction, the lock free between them."""

    db: Database
    on_file: Callable[[ImportReport], None] | None = None
    report: ImportReport = field(default_factory=ImportReport)
    _queue: deque[_Queued] = field(default_factory=deque)
    _work: int = 0
    _free_since: float = float("-inf")

    def add(self, outcome: PreparedDocument | ImportReport, *, write: bool = True) -> None:
        """Queue a document, or take a file's report; with `write`, the queue is written once BATCH_WORK is ready."""
        if isinstance(outcome, ImportReport):
            self._take(outcome)
            return
        # The slow part of replacing an older version (lining up the old and
        # new texts) is done before any transaction, outside every lock.
        previous = _previous_version(self.db, outcome.file_name)
        shifts = _article_shifts(self.db, previous, outcome) if previous is not None else {}
        self._queue.append(_Queued(outcome, previous, shifts))
        self._work += outcome.cost
        if write and self._work >= BATCH_WORK:
            self.flush()

    @property
    def waiting(self) -> int:
        """The work queued, in claims."""
        return self._work

    def _take(self, report: ImportReport) -> None:
        self.report = _add(self.report, report)
        if self.on_file is not None:
            self.on_file(report)

    def may_write_now(self) -> bool:
        """The lock has been left free PAUSE_SECONDS since this writer's last commit."""
        return time.monotonic() - self._free_since >= PAUSE_SECONDS

    def flush(self) -> None:
        """Write every queued document, sleeping where the lock must stay free."""
        while self._queue:
            remaining = PAUSE_SECONDS - (time.monotonic() - self._free_since)
            if remaining > 0:
                time.sleep(remaining)
            self.write_next()

    def write_next(self) -> None:
        """Write one transaction of the queue (a document too big for one, in its steps).

        Called when `may_write_now`; the caller spends the pause after it
        as it likes (the pool's writer detects a file rather than sleep).
        """
        if not self._queue:
            return
        if self._queue[0].document.cost > CLAIMS_PER_TRANSACTION:
            queued = self._queue.popleft()
            self._work -= queued.document.cost
            self._take(_write_in_steps(self.db, queued))
        else:
            written: list[ImportReport] = []  # heard of once committed
            with sql.transaction(self.db):
                started, work = time.monotonic(), 0
                while (
                    self._queue
                    and work + self._queue[0].document.cost <= CLAIMS_PER_TRANSACTION
                    and (work == 0 or time.monotonic() - started < STEP_SECONDS)
                ):
                    queued = self._queue.popleft()
                    work += queued.document.cost
                    written.append(_write_whole(self.db, queued))
            self._work -= work
            for report in written:
                self._take(report)
        self._free_since = time.monotonic()

    def seconds_until_free(self) -> float:
        """How long until the lock has been left free PAUSE_SECONDS (0: it has)."""
        return max(0.0, PAUSE_SECONDS - (time.monotonic() - self._free_since))


def _import_in_parallel(
    db: Database,
    todo: list[Path],
    jobs: int,
    writer: _Writer,
    progress: Progress | None,
    should_cancel: Callable[[], bool] | None,
) -> bool:
    """import_files with detection in `jobs` worker processes and this process the only writer.

    True when cancelled: files not yet started are dropped, what was
    detected and queued is written.  See _PoolImport for how the work is
    shared.
    """
    with _detection_pool(jobs) as pool:
        if pool is None:
            return _import_here(db, todo, writer, progress, should_cancel)
        run = _PoolImport(db, todo, writer, pool, jobs)
        cancelled = run.run(progress, should_cancel)
    _log.info(
        "imported %d files with %d detection processes; %d detected by the writer", len(todo), jobs, run.here
    )
    return cancelled


def _characters(outcome: PreparedDocument | ImportReport) -> int:
    return len(outcome.row["source_text"]) if isinstance(outcome, PreparedDocument) else 0


@dataclass
class _PoolImport:
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
    writer: _Writer
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
            source = _read(self.db, self.todo[index])
            if isinstance(source, ImportReport):
                self._ready[index] = source
                continue
            try:
                future = self.pool.submit(_prepare_or_refuse, source)
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
        outcome = _prepared_here(self.db, self.todo[index])
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


def _add(a: ImportReport, b: ImportReport) -> ImportReport:
    return ImportReport(
        documents_added=a.documents_added + b.documents_added,
        articles_added=a.articles_added + b.articles_added,
        claims_added=a.claims_added + b.claims_added,
        duplicates=a.duplicates + b.duplicates,
        refused=a.refused + b.refused,
        cancelled=a.cancelled or b.cancelled,
    )


def is_imported(db: Database, content_hash: str) -> bool:
    """A complete document with this content exists (a half-written one does not count)."""
    return bool(sql.rows(db, "SELECT 1 FROM documents WHERE content_hash = ? AND complete", [content_hash]))


def _write_whole(db: Database, queued: _Queued) -> ImportReport:
    """Write a document in the open transaction, complete; a duplicate of a complete one is reported."""
    document = queued.document
    document_id = _start(db, document)
    if document_id is None:
        return ImportReport(duplicates=(document.path,))
    article_ids = {}
    for article in document.articles:
        article_id = _article(db, document_id, article)
        article_ids[article.index] = article_id
        _insert_claims(db, article.claims, article_id, document_id)
    return _finish(db, queued, document_id, article_ids)


def _write_in_steps(db: Database, queued: _Queued) -> ImportReport:
    """Write a document too big for one step in several transactions, the lock free between them."""
    document = queued.document
    article_ids: dict[int, int] = {}
    parts = list(_parts(document))
    done = 0
    document_id: int | None = None
    while True:
        with sql.transaction(db):
            if document_id is None:
                document_id = _start(db, document)
            elif not _still_incomplete(db, document_id):
                document_id = None  # another process finished it meanwhile
            if document_id is None:
                return ImportReport(duplicates=(document.path,))
            started, work = time.monotonic(), 0
            while done < len(parts) and (
                work == 0
                or (
                    time.monotonic() - started < STEP_SECONDS
                    and work + parts[done][2] <= CLAIMS_PER_TRANSACTION
                )
            ):
                article, claims, cost = parts[done]
                article_id = _article(db, document_id, article)
                article_ids[article.index] = article_id
                _insert_claims(db, claims, article_id, document_id)
                work += cost
                done += 1
            if done == len(parts):
                return _finish(db, queued, document_id, article_ids)
        time.sleep(PAUSE_SECONDS)


def _start(db: Database, document: PreparedDocument) -> int | None:
    """The id of the document to fill: a new incomplete one, or one a killed import left; None if done."""
    found = sql.rows(
        db,
        "SELECT id, complete, detector_version FROM documents WHERE content_hash = ?",
        [document.content_hash],
    )
    if found and found[0]["complete"]:
        return None
    if found and found[0]["detector_version"] == document.detector_version:
        # Left by a killed import (or being written by another process): finish it.
        document_id = int(found[0]["id"])
        db.execute(
            "UPDATE documents SET file_name = ?, path = ? WHERE id = ?",
            [document.row["file_name"], document.row["path"], document_id],
        )
        return document_id
    if found:
        # Left half-written by another detector version: its claims would not
        # be this detector's, so it is written again from the start.
        _discard(db, int(found[0]["id"]))
    return _insert(
        db,
        "documents",
        {**document.row, "imported_at": rows.now(), "version": 0, "complete": 0},  # numbered when complete
    )


def _insert(db: Database, table: str, row: dict[str, Any]) -> int:
    """Insert one row and return its id (plain SQL: sqlite-utils reads the schema on every insert)."""
    cursor = db.conn.execute(
        f"INSERT INTO {table} ({', '.join(row)}) VALUES ({', '.join('?' for _ in row)})", list(row.values())
    )
    assert cursor.lastrowid is not None
    return int(cursor.lastrowid)


def _discard(db: Database, document_id: int) -> None:
    claims = "SELECT id FROM claims WHERE document_id = ?"
    db.execute(f"DELETE FROM claim_sources WHERE claim_id IN ({claims})", [document_id])
    db.execute(f"DELETE FROM decisions WHERE claim_id IN ({claims})", [document_id])
    db.execute("DELETE FROM claims WHERE document_id = ?", [document_id])
    db.execute("DELETE FROM articles WHERE document_id = ?", [document_id])
    db.execute("DELETE FROM documents WHERE id = ?", [document_id])


def _still_incomplete(db: Database, document_id: int) -> bool:
    return bool(sql.rows(db, "SELECT 1 FROM documents WHERE id = ? AND NOT complete", [document_id]))


def _parts(document: PreparedDocument) -> Iterator[tuple[PreparedArticle, list[dict[str, Any]], int]]:
    """(article, some of its claims, the work they are) in order; an article goes in with its first part."""
    size = max(1, min(_CLAIMS_PER_PART, CLAIMS_PER_TRANSACTION))
    for article in document.articles:
        claims = article.claims
        for number, first in enumerate(range(0, max(len(claims), 1), size)):
            part = claims[first : first + size]
            text_cost = article.cost - len(claims) if number == 0 else 0
            yield article, part, len(part) + text_cost


def _article(db: Database, document_id: int, article: PreparedArticle) -> int:
    found = db.conn.execute(
        "SELECT id FROM articles WHERE document_id = ? AND idx = ?", [document_id, article.index]
    ).fetchone()
    if found:
        return int(found[0])
    return _insert(db, "articles", {**article.row, "document_id": document_id})


def _insert_claims(db: Database, claims: list[dict[str, Any]], article_id: int, document_id: int) -> None:
    for row in claims:
        row["article_id"] = article_id
        row["document_id"] = document_id
    insert_claim_rows(db, claims, ignore=True)


def insert_claim_rows(db: Database, claim_rows: list[dict[str, Any]], *, ignore: bool = False) -> None:
    """Claims and their decisions; every claim starts with a pending decision at version 0.

    With `ignore`, rows already present (written by an earlier, killed
    import) are left as they are.
    """
    if not claim_rows:
        return
    # Plain executemany: building each row through sqlite-utils cost more
    # than SQLite's own work, all of it inside the write transaction.
    insert = "INSERT OR IGNORE" if ignore else "INSERT"
    columns = list(claim_rows[0])
    db.conn.executemany(
        f"{insert} INTO claims ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})",
        ([row[column] for column in columns] for row in claim_rows),
    )
    db.conn.executemany(
        f"{insert} INTO decisions (claim_id, article_id, status, version) VALUES (?, ?, 'pending', 0)",
        ((row["id"], row["article_id"]) for row in claim_rows),
    )


def _previous_version(db: Database, file_name: str, document_id: int = 0) -> int | None:
    """The current version of a file, which a new one replaces (other than `document_id`)."""
    found = sql.rows(
        db,
        "SELECT id FROM documents WHERE file_name = ? AND id != ? AND superseded_by IS NULL AND complete"
        " ORDER BY version DESC, id DESC LIMIT 1",
        [file_name, document_id],
    )
    return int(found[0]["id"]) if found else None


# By article position: the old version's article id, and where a span of its
# text lies in the new text.
Shifts = dict[int, tuple[int, Callable[[int, int], tuple[int, int]]]]


def _article_shifts(db: Database, old_document: int, document: PreparedDocument) -> Shifts:
    """For each article position in both versions: the old article id and a map of old spans to new."""
    old_articles = {
        row["idx"]: row
        for row in sql.rows(db, "SELECT id, idx, text FROM articles WHERE document_id = ?", [old_document])
    }
    return {
        article.index: (
            old_articles[article.index]["id"],
            _span_mapper(old_articles[article.index]["text"], article.text),
        )
        for article in document.articles
        if article.index in old_articles
    }


def _finish(db: Database, queued: _Queued, document_id: int, article_ids: dict[int, int]) -> ImportReport:
    document = queued.document
    previous, shifts = queued.previous, queued.shifts
    latest = _previous_version(db, document.file_name, document_id)
    if latest != previous:  # another import replaced it meanwhile: line up with that one
        previous = latest
        shifts = _article_shifts(db, previous, document) if previous is not None else {}
    file_name = document.file_name
    version = sql.rows(
        db,
        "SELECT coalesce(max(version), 0) + 1 AS v FROM documents WHERE file_name = ? AND complete",
        [file_name],
    )[0]["v"]
    claims = document.claim_count
    carried = 0
    if previous is not None:
        # A changed copy of a file already imported replaces it: decisions
        # move to the claims they still describe, the old version stays
        # (never deleted) but leaves every list.
        carried = _carry_over(db, previous, document_id, document, shifts, article_ids)
        db.execute(
            "UPDATE documents SET superseded_by = ? WHERE file_name = ? AND id != ? AND superseded_by IS NULL"
            " AND complete",
            [document_id, file_name, document_id],
        )
    # Decisions carried over may have taken a claim out of what the checks
    # read (非数字声明): those articles are checked again as stored, here,
    # inside the lock; every other one takes the findings made before it.
    recheck = findings.articles_with_excluded_claims(db, list(article_ids.values())) if carried else set()
    for article in document.articles:
        article_id = article_ids[article.index]
        if article_id in recheck:
            findings.refresh(db, article_id)
        elif article.findings is not None:
            findings.store_rows(db, article_id, article.findings)
    if previous is not None:
        # What editors did about the old version's findings carries over by
        # article position; it applies where the same finding is found again.
        moves = [
            (old_id, article_ids[index]) for index, (old_id, _) in shifts.items() if index in article_ids
        ]
        findings.carry_actions(db, moves)
        # So does the release an article was written from (desktop.store.releases).
        releases.carry_sources(db, moves)
    db.execute("UPDATE documents SET complete = 1, version = ? WHERE id = ?", [version, document_id])
    sql.audit(
        db,
        "",
        "",
        "import",
        {},
        {
            "document_id": document_id,
            "file_name": file_name,
            "version": version,
            "claims": claims,
            **({"replaces": previous, "decisions_carried": carried} if previous is not None else {}),
        },
    )
    return ImportReport(documents_added=1, articles_added=len(document.articles), claims_added=claims)


def _carry_over(
    db: Database,
    old_document: int,
    new_document: int,
    document: PreparedDocument,
    shifts: Shifts,
    article_ids: dict[int, int],
) -> int:
    """Move decisions of `old_document`'s claims to the matching new claims; returns how many.

    Matching is re-detection's (reattach.plan): the same article position,
    an overlapping span once the article's edits are allowed for, and the
    same text or value.  The old claims and decisions stay as they were.
    """
    by_old_article = {old_id: (idx, mapped) for idx, (old_id, mapped) in shifts.items()}
    stored: list[reattach.Stored] = []
    for row in sql.rows(
        db,
        "SELECT c.id, c.article_id, c.span_start, c.span_end, c.text, c.value, c.manual, c.orphaned, d.version"
        " FROM claims c JOIN decisions d ON d.claim_id = c.id WHERE c.document_id = ? AND d.version > 0",
        [old_document],
    ):
        if row["manual"] or row["article_id"] not in by_old_article:
            continue  # stays with the old version, like anything else unmatched
        idx, mapped = by_old_article[row["article_id"]]
        start, end = mapped(row["span_start"], row["span_end"])
        stored.append(
            reattach.Stored(
                id=row["id"],
                article_id=article_ids[idx],
                source_start=start,
                source_end=end,
                text=row["text"],
                value=Decimal(row["value"]),
                decided=True,
                manual=False,
                orphaned=bool(row["orphaned"]),
            )
        )
    found = [
        reattach.Found(claim_id, article_ids[index], start, end, text, value)
        for index, claim_id, start, end, text, value in document.found()
    ]
    plan = reattach.plan(stored, found)
    for old, new in [*plan.kept, *plan.reattached]:
        db.execute(
            "UPDATE decisions SET (status, reason, corrected_value, corrected_unit, corrected_text, note, editor,"
            " decided_at, seconds_spent, version) = (SELECT status, reason, corrected_value, corrected_unit,"
            " corrected_text, note, editor, decided_at, seconds_spent, version FROM decisions WHERE claim_id = ?)"
            " WHERE claim_id = ?",
            [old.id, new.id],
        )
        db.execute(
            "INSERT INTO claim_sources (claim_id, source_id, position)"
            " SELECT ?, source_id, position FROM claim_sources WHERE claim_id = ?",
            [new.id, old.id],
        )
        sql.audit(
            db,
            "",
            new.id,
            "reattach",
            {"claim_id": old.id, "text": old.text, "document_id": old_document},
            {"claim_id": new.id, "text": new.text, "document_id": new_document},
        )
    return len(plan.kept) + len(plan.reattached)


def _span_mapper(old: str, new: str) -> Callable[[int, int], tuple[int, int]]:
    """Where a span of `old` lies in `new`, allowing for the edits between them."""
    if old == new:  # most articles of a changed file are not the ones changed; matching them is slow
        return lambda start, stop: (start, stop)
    opcodes = difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes()

    def position(offset: int, end: bool) -> int:
        for tag, i1, i2, j1, j2 in opcodes:
            if i1 <= offset < i2 or (end and offset == i2):
                if tag == "equal":
                    return j1 + offset - i1
                return j2 if end else j1
        return len(new)

    def mapped(start: int, stop: int) -> tuple[int, int]:
        return position(start, False), position(stop, True)

    return mapped
