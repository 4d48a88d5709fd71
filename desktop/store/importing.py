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
# And at most this many claims' work in one step (about 0.4 s here).
CLAIMS_PER_TRANSACTION = 5000
# Between steps the lock stays free this long.  A writer that found it taken
# sleeps between tries, at most 100 ms at a time (SQLite's busy handler);
# re-taken at once, the lock would go to the importer again and again and the
# waiting window would run out of its 5 s.
PAUSE_SECONDS = 0.15
# The clock is read between parts of this many claims.
_CLAIMS_PER_PART = 250
# Documents wait to be written until this much work (in claims) is ready:
# about a fifth of a second of inserts, so an import commits a few times a
# second rather than once a page.
BATCH_WORK = 2000

# The page cache while a batch is written.  Claims are keyed by a hash, so
# each insert lands at a random place in the claim and decision indexes;
# once those outgrow SQLite's default 2 MB cache (an archive of thousands of
# pages) every insert read pages back from the file.
IMPORT_CACHE_KIB = 32 * 1024

# A pool pays from about this much text (about 40 news pages): each worker
# makes its word tagger first (about a second), which this process spends
# importing on its own.
PARALLEL_MIN_BYTES = 256 * 1024
# And never for fewer files than this.
PARALLEL_MIN_FILES = 8
# Files given to each worker ahead of the one it is on: enough to keep it busy
# while this process writes a batch (up to half a second), few enough that
# their text and rows in memory stay small.
IN_FLIGHT_PER_WORKER = 16
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
        """Write every queued document."""
        while self._queue:
            remaining = PAUSE_SECONDS - (time.monotonic() - self._free_since)
            if remaining > 0:
                time.sleep(remaining)
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


def _import_in_parallel(
    db: Database,
    todo: list[Path],
    jobs: int,
    writer: _Writer,
    progress: Progress | None,
    should_cancel: Callable[[], bool] | None,
) -> bool:
    """import_files with detection in `jobs` worker processes and this process the only writer.

    The workers take files from the front of the list, a few each at a
    time (only those are read ahead and held in memory).  Documents are
    written in the order of `todo`.  While the next document is not ready
    (the workers are starting, or the machine's cores are busy with other
    work) this process writes what it has or detects the next file no one
    has taken itself, so an import is never much slower than in one
    process; it holds at most as many documents ahead of the writing as the
    workers have files in hand, so memory stays bounded however long the
    batch.  A worker that dies leaves its files to this process.
    True when cancelled: files not yet started are dropped, what was
    detected is written.
    """
    count = len(todo)
    done: dict[int, PreparedDocument | ImportReport] = {}
    running: dict[int, Future[PreparedDocument | ImportReport]] = {}
    front = 0  # files from here on are not yet taken by anyone
    in_flight = IN_FLIGHT_PER_WORKER * jobs
    here = 0  # files detected in this process, for the log

    def detect_here(index: int) -> None:
        nonlocal here
        here += 1
        done[index] = _prepared_here(db, todo[index])

    def take_here() -> bool:
        """Detect the next file no one has taken, here; False when none is left or enough is held."""
        nonlocal front
        if front >= count or len(done) >= in_flight:
            return False
        detect_here(front)
        front += 1
        return True

    with _detection_pool(jobs) as started_pool:
        pool = started_pool
        # The workers make the tagger first (about a second); until then this
        # process imports files itself, from the front, so that time is not lost.
        warming = [pool.submit(start_worker) for _ in range(jobs)] if pool is not None else []
        written = 0
        while written < count:
            if should_cancel is not None and should_cancel():
                for started in running.values():
                    started.cancel()
                return True
            if pool is not None and all(job.done() for job in warming):
                front = max(front, written)
                while front < count and len(running) < in_flight:
                    source = _read(db, todo[front])
                    if isinstance(source, ImportReport):
                        done[front] = source
                    else:
                        running[front] = pool.submit(_prepare_or_refuse, source)
                    front += 1
            if written not in done:
                future = running.pop(written, None)
                if future is None:  # not given to a worker: detected here
                    front = max(front, written + 1)
                    detect_here(written)
                elif not future.done():
                    running[written] = future
                    if writer.waiting >= BATCH_WORK // 4 and writer.may_write_now():
                        writer.flush()  # the lock has been free long enough: write what is ready
                    elif not take_here():  # the workers are busy: detect a file meanwhile
                        wait([future], timeout=0.05, return_when=FIRST_COMPLETED)
                    continue
                else:
                    try:
                        done[written] = future.result()
                    except BrokenProcessPool:
                        pool = None  # a worker died (memory, a signal): the rest is done here
                        for index in list(running):
                            running.pop(index)
                        detect_here(written)
            if progress is not None:
                progress(written, count, display_name(todo[written]))
            writer.add(done.pop(written), write=False)
            written += 1
            # A batch is written once the lock has been free long enough;
            # until then this process detects a file rather than sleep,
            # unless the queue has grown to twice a batch.
            if writer.waiting >= BATCH_WORK and (
                writer.may_write_now() or writer.waiting >= 2 * BATCH_WORK or not take_here()
            ):
                writer.flush()
    _log.info("imported %d files with %d detection processes; %d detected by the writer", count, jobs, here)
    return False


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
