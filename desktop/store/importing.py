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

How documents are written (bounded transactions, the lock left free
between them, a killed import leaving nothing half-shown) is
desktop.store.writing; how detection is spread over processes,
desktop.store.import_pool.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from sqlite_utils import Database

from desktop import pipeline
from desktop.ingest.model import SourceText
from desktop.ingest.reader import display_name
from desktop.store import import_pool
from desktop.store.incoming import prepare_or_refuse, prepared_here
from desktop.store.prepared import from_result
from desktop.store.records import ImportReport, Progress
from desktop.store.writing import Writer, insert_claim_rows, is_imported, write_document

__all__ = [
    "default_workers",
    "import_document",
    "import_files",
    "import_source",
    "insert_claim_rows",
    "write_document",
]

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
    writer = Writer(db, on_file)
    with _page_cache(db, IMPORT_CACHE_KIB):
        pooled = (
            import_pool.import_in_parallel(db, todo, jobs, writer, progress, should_cancel) if jobs else None
        )
        cancelled = _import_here(db, todo, writer, progress, should_cancel) if pooled is None else pooled
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
    writer: Writer,
    progress: Progress | None,
    should_cancel: Callable[[], bool] | None,
) -> bool:
    """Read, detect and write every file in this process; True when cancelled."""
    for done, path in enumerate(todo):
        if should_cancel is not None and should_cancel():
            return True
        if progress is not None:
            progress(done, len(todo), display_name(path))
        writer.add(prepared_here(db, path))
    return False


def import_source(db: Database, source: SourceText) -> ImportReport:
    """Import one decoded file; the same content twice is reported as a duplicate."""
    if is_imported(db, pipeline.content_hash(source.text)):
        return ImportReport(duplicates=(source.path,))
    # Before any transaction: detection is the slow part and must not
    # hold the write lock other processes are waiting on.
    outcome = prepare_or_refuse(source)
    if isinstance(outcome, ImportReport):
        return outcome
    return write_document(db, outcome)


def import_document(db: Database, result: pipeline.DocumentResult, version: str) -> ImportReport:
    """Store a processed document as detector `version`; a duplicate of a complete one is reported."""
    if is_imported(db, result.content_hash):
        return ImportReport(duplicates=(result.source.path,))
    return write_document(db, from_result(result, version))
