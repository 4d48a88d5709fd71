"""Importing files: each read, split into claims and written whole or not at all.

A file that cannot be read, or that the pipeline cannot split, is refused
with a reason and the batch goes on.  Detection, the slow part, runs before
any transaction, so it never holds the write lock other processes wait on.

A batch of files can be read and written here, by the one writer, while the
detection runs in a pool of worker processes (`import_files(workers=N)`).
Documents are written in the order of the files, so a batch imports the same
way whatever the number of workers.  It is not the default yet: writing a
document (its articles' full-text index, its claims, the commit) costs about
what detecting it does, so the writer is the bound, and on the two shared
cores we measure on the pool was no faster than one process (see
bench/import_bench.py).

A processed document is written a bounded transaction at a time.  A
decision saved in another window waits for whatever write transaction is
open, at most the busy timeout (5 s) before it fails.  A document with
100,000 claims written in one transaction held the lock far longer, so a
document is written in steps.  Each step stops after STEP_SECONDS or
CLAIMS_PER_TRANSACTION claims, commits, and leaves the lock free for
PAUSE_SECONDS so that a writer waiting in another process gets its turn:

1. the first step adds the `documents` row, marked incomplete (complete = 0),
   and as many of its articles and claims as fit;
2. later steps add the rest;
3. the step that adds the last ones also carries decisions over from the
   version it replaces, writes the audit entry and marks it complete.

A document that fits in one step (almost every page) is thus one
transaction, as before.  Every list, count, search and export leaves
incomplete documents out, so a killed import shows nothing of its
document, never part of one.  Every step is idempotent (rows keyed by
article position and claim id, inserted unless present), so importing the
same file again, in this process or another, finishes a document a killed
import left behind, and two processes importing one file at once build the
same rows.
"""

from __future__ import annotations

import difflib
import logging
import multiprocessing
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from desktop import pipeline
from desktop.claims import detector
from desktop.claims.context import load_tagger
from desktop.claims.model import Claim
from desktop.ingest.model import SourceText
from desktop.ingest.reader import ReadError, display_name, display_path, read_file
from desktop.store import findings, reattach, rows, sentences, sql
from desktop.store.records import ImportReport, Progress

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
# An article's text costs about as much to index (trigram FTS) as a claim per
# this many characters.
_CHARACTERS_PER_CLAIM = 200


# Below this many files a pool costs more to start than it saves.
PARALLEL_MIN_FILES = 8
# No more detection processes than this, whatever the machine: writing a
# document costs about what detecting it does, so the one writer could not
# keep up with more.
MAX_WORKERS = 3


# Whether import_files uses a pool when not told: not until the writer is
# cheaper (see the module's docstring).
PARALLEL_BY_DEFAULT = False


def default_workers(files: int) -> int:
    """How many processes besides this one would detect claims in an import of `files` files (0: none).

    One per core the process may use, but the writer's (the busiest process
    of an import, which must not share its core), for batches of
    PARALLEL_MIN_FILES or more: on two cores, one worker and the writer.  The
    frozen app imports in its own process: starting workers from the
    packaged executable needs support at its entry point that it does not
    have.
    """
    if files < PARALLEL_MIN_FILES or getattr(sys, "frozen", False):
        return 0
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(0, min(cores - 1, MAX_WORKERS, files))


def import_files(
    db: Database,
    paths: Iterable[Path],
    *,
    progress: Progress | None = None,
    should_cancel: Callable[[], bool] | None = None,
    workers: int | None = None,
) -> ImportReport:
    """Import files; a file that cannot be read is refused, never fatal.

    `workers` processes besides this one detect the claims (default: none,
    or `default_workers` when PARALLEL_BY_DEFAULT); this process reads the
    files, skips those already imported, detects what the workers have not
    taken and writes every document, in the order of `paths`.
    """
    todo = [Path(p) for p in paths]
    if workers is None:
        workers = default_workers(len(todo)) if PARALLEL_BY_DEFAULT else 0
    jobs = max(0, workers)
    if jobs > 0:
        return _import_in_parallel(db, todo, jobs, progress, should_cancel)
    total = ImportReport()
    for done, path in enumerate(todo):
        if should_cancel is not None and should_cancel():
            return replace(total, cancelled=True)
        if progress is not None:
            progress(done, len(todo), display_name(path))
        try:
            source = read_file(path)
        except ReadError as error:
            total = replace(total, refused=(*total.refused, (path, error.reason)))
            continue
        total = _add(total, import_source(db, source))
    if progress is not None:
        progress(len(todo), len(todo), "")
    return total


def import_source(db: Database, source: SourceText) -> ImportReport:
    """Import one decoded file; the same content twice is reported as a duplicate."""
    if is_imported(db, pipeline.content_hash(source.text)):
        return ImportReport(duplicates=(source.path,))
    try:
        # Before any transaction: detection is the slow part and must not
        # hold the write lock other processes are waiting on.
        result = pipeline.process_source(source)
    except Exception:  # a pipeline bug on one odd file must not stop an import
        _log.exception("detection failed on %s", display_path(source.path))
        return ImportReport(refused=((source.path, _DETECTION_FAILED),))
    return import_document(db, result, detector.DETECTOR_VERSION)


def _import_in_parallel(
    db: Database,
    todo: list[Path],
    jobs: int,
    progress: Progress | None,
    should_cancel: Callable[[], bool] | None,
) -> ImportReport:
    """import_files with detection in `jobs` worker processes and this process the only writer.

    The workers take files from the front of the list, at most `jobs` + 1 at
    a time (only those are read ahead and held in memory).  Documents are
    written in the order of `todo`.  While the next document's claims are not
    back yet (the workers are starting, or the machine's cores are busy with
    other work) this process detects files itself, from the back of the
    list, so an import is never slower than in one process by more than the
    cost of starting the pool.  A worker that dies leaves its file to this
    process.  On cancel, files not yet started are dropped and the import
    stops after the document being written.
    """
    total = ImportReport()
    count = len(todo)
    done: dict[int, pipeline.DocumentResult | ImportReport] = {}
    running: dict[int, Future[pipeline.DocumentResult]] = {}
    front, back = 0, count  # files front..back-1 are not yet taken by anyone

    def take(index: int) -> SourceText | None:
        """Read file `index`; None when it is refused or already imported (its report is kept)."""
        path = todo[index]
        try:
            source = read_file(path)
        except ReadError as error:
            done[index] = ImportReport(refused=((path, error.reason),))
            return None
        if is_imported(db, pipeline.content_hash(source.text)):
            done[index] = ImportReport(duplicates=(source.path,))
            return None
        return source

    here = 0  # files detected in this process, for the log

    def detect_here(index: int, source: SourceText) -> None:
        nonlocal here
        here += 1
        try:
            done[index] = pipeline.process_source(source)
        except Exception:  # a pipeline bug on one odd file must not stop an import
            _log.exception("detection failed on %s", display_path(source.path))
            done[index] = ImportReport(refused=((source.path, _DETECTION_FAILED),))

    with _detection_pool(jobs) as pool:
        # The workers make the tagger first (about a second); until then this
        # process imports files itself, from the front, so that time is not lost.
        warming = [pool.submit(load_tagger) for _ in range(jobs)] if pool is not None else []
        written = 0
        while written < count:
            if should_cancel is not None and should_cancel():
                for started in running.values():
                    started.cancel()
                return replace(total, cancelled=True)
            if pool is not None and all(job.done() for job in warming):
                front = max(front, written)
                while front < back and len(running) <= jobs:
                    source = take(front)
                    if source is not None:
                        running[front] = pool.submit(pipeline.process_source, source)
                    front += 1
            if written not in done:
                future = running.pop(written, None)
                if future is None:  # not given to a worker: detected here
                    front = max(front, written + 1)
                    source = take(written)
                    if source is not None:
                        detect_here(written, source)
                elif not future.done() and front < back:
                    running[written] = future
                    back -= 1  # the workers are busy: detect a file from the back meanwhile
                    source = take(back)
                    if source is not None:
                        detect_here(back, source)
                    continue
                else:
                    try:
                        done[written] = future.result()
                    except BrokenProcessPool:
                        pool = None  # a worker died (memory, a signal): the rest is done here
                        source = take(written)
                        if source is not None:
                            detect_here(written, source)
                    except Exception:
                        _log.exception("detection failed on %s", display_path(todo[written]))
                        done[written] = ImportReport(refused=((todo[written], _DETECTION_FAILED),))
            if progress is not None:
                progress(written, count, display_name(todo[written]))
            outcome = done.pop(written)
            if isinstance(outcome, ImportReport):
                total = _add(total, outcome)
            else:
                total = _add(total, import_document(db, outcome, detector.DETECTOR_VERSION))
            written += 1
    _log.info("imported %d files with %d detection processes; %d detected by the writer", count, jobs, here)
    if progress is not None:
        progress(count, count, "")
    return total


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
        pool = ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=load_tagger)
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


def import_document(db: Database, result: pipeline.DocumentResult, version: str) -> ImportReport:
    """Store a processed document; a duplicate of a complete document is reported, not stored.

    A document that fits in one step (almost every page) is written in one
    transaction, as one commit.
    """
    name = display_name(result.source.path)
    if is_imported(db, result.content_hash):
        return ImportReport(duplicates=(result.source.path,))
    # The slow part of replacing an older version (lining up the old and new
    # texts) is done before any transaction, outside every lock.
    previous = _previous_version(db, name)
    shifts = _article_shifts(db, previous, result) if previous is not None else {}
    # The checks too, before any transaction: about a tenth of detection's cost.
    checked = findings.document_rows(result)
    article_ids: dict[int, int] = {}
    parts = list(_parts(result))
    done = 0
    document_id: int | None = None
    while True:
        with sql.transaction(db):
            if document_id is None:
                document_id = _start(db, result, version)
            elif not _still_incomplete(db, document_id):
                document_id = None  # another process finished it meanwhile
            if document_id is None:
                return ImportReport(duplicates=(result.source.path,))
            started, work = time.monotonic(), 0
            while done < len(parts) and (
                work == 0
                or (
                    time.monotonic() - started < STEP_SECONDS
                    and work + parts[done][2] <= CLAIMS_PER_TRANSACTION
                )
            ):
                article_result, claims, cost = parts[done]
                article_id = _article(db, document_id, article_result)
                article_ids[article_result.article.index] = article_id
                _insert_claims(db, article_result.article.text, claims, article_id, document_id, version)
                work += cost
                done += 1
            if done == len(parts):
                latest = _previous_version(db, name, document_id)
                if latest != previous:  # another import replaced it meanwhile: line up with that one
                    previous = latest
                    shifts = _article_shifts(db, previous, result) if previous is not None else {}
                return _finish(db, result, document_id, previous, shifts, article_ids, checked)
        time.sleep(PAUSE_SECONDS)


def _start(db: Database, result: pipeline.DocumentResult, version: str) -> int | None:
    """The id of the document to fill: a new incomplete one, or one a killed import left; None if done."""
    source = result.source
    found = sql.rows(
        db,
        "SELECT id, complete, detector_version FROM documents WHERE content_hash = ?",
        [result.content_hash],
    )
    if found and found[0]["complete"]:
        return None
    if found and found[0]["detector_version"] == version:
        # Left by a killed import (or being written by another process): finish it.
        document_id = int(found[0]["id"])
        db.execute(
            "UPDATE documents SET file_name = ?, path = ? WHERE id = ?",
            [display_name(source.path), display_path(source.path), document_id],
        )
        return document_id
    if found:
        # Left half-written by another detector version: its claims would not
        # be this detector's, so it is written again from the start.
        _discard(db, int(found[0]["id"]))
    return sql.insert(
        db,
        "documents",
        {
            # SQLite takes only valid UTF-8: a GBK file name is stored as shown.
            "file_name": display_name(source.path),
            "path": display_path(source.path),
            "content_hash": result.content_hash,
            "encoding": source.encoding,
            "imported_at": rows.now(),
            "publication_date": "",
            "version": 0,  # numbered when complete
            "source_text": source.text,
            "dropped_cr": rows.pack_ints(source.dropped_cr),
            "detector_version": version,
            "complete": 0,
        },
    )


def _discard(db: Database, document_id: int) -> None:
    claims = "SELECT id FROM claims WHERE document_id = ?"
    db.execute(f"DELETE FROM claim_sources WHERE claim_id IN ({claims})", [document_id])
    db.execute(f"DELETE FROM decisions WHERE claim_id IN ({claims})", [document_id])
    db.execute("DELETE FROM claims WHERE document_id = ?", [document_id])
    db.execute("DELETE FROM articles WHERE document_id = ?", [document_id])
    db.execute("DELETE FROM documents WHERE id = ?", [document_id])


def _still_incomplete(db: Database, document_id: int) -> bool:
    return bool(sql.rows(db, "SELECT 1 FROM documents WHERE id = ? AND NOT complete", [document_id]))


def _parts(result: pipeline.DocumentResult) -> Iterator[tuple[pipeline.ArticleResult, Sequence[Claim], int]]:
    """(article, some of its claims, the work they are) in order; an article goes in with its first part."""
    size = max(1, min(_CLAIMS_PER_PART, CLAIMS_PER_TRANSACTION))
    for article_result in result.articles:
        claims = article_result.claims
        for number, first in enumerate(range(0, max(len(claims), 1), size)):
            part = claims[first : first + size]
            text_cost = 1 + len(article_result.article.text) // _CHARACTERS_PER_CLAIM if number == 0 else 0
            yield article_result, part, len(part) + text_cost


def _article(db: Database, document_id: int, article_result: pipeline.ArticleResult) -> int:
    article = article_result.article
    found = sql.rows(
        db, "SELECT id FROM articles WHERE document_id = ? AND idx = ?", [document_id, article.index]
    )
    if found:
        return int(found[0]["id"])
    return sql.insert(db, "articles", rows.article_row(document_id, article))


def _insert_claims(
    db: Database, text: str, claims: Sequence[Claim], article_id: int, document_id: int, version: str
) -> None:
    claim_rows = [
        rows.claim_row(claim, article_id, document_id, version, sentence)
        for claim, sentence in zip(claims, sentences.columns(text, claims), strict=True)
    ]
    insert_claim_rows(db, claim_rows, ignore=True)


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


def _article_shifts(db: Database, old_document: int, result: pipeline.DocumentResult) -> Shifts:
    """For each article position in both versions: the old article id and a map of old spans to new."""
    old_articles = {
        row["idx"]: row
        for row in sql.rows(db, "SELECT id, idx, text FROM articles WHERE document_id = ?", [old_document])
    }
    return {
        article_result.article.index: (
            old_articles[article_result.article.index]["id"],
            _span_mapper(old_articles[article_result.article.index]["text"], article_result.article.text),
        )
        for article_result in result.articles
        if article_result.article.index in old_articles
    }


def _finish(
    db: Database,
    result: pipeline.DocumentResult,
    document_id: int,
    previous: int | None,
    shifts: Shifts,
    article_ids: dict[int, int],
    checked: dict[int, list[dict[str, Any]]],
) -> ImportReport:
    file_name = display_name(result.source.path)
    version = sql.rows(
        db,
        "SELECT coalesce(max(version), 0) + 1 AS v FROM documents WHERE file_name = ? AND complete",
        [file_name],
    )[0]["v"]
    claims = sum(len(article_result.claims) for article_result in result.articles)
    carried = 0
    if previous is not None:
        # A changed copy of a file already imported replaces it: decisions
        # move to the claims they still describe, the old version stays
        # (never deleted) but leaves every list.
        carried = _carry_over(db, previous, document_id, result, shifts, article_ids)
        db.execute(
            "UPDATE documents SET superseded_by = ? WHERE file_name = ? AND id != ? AND superseded_by IS NULL"
            " AND complete",
            [document_id, file_name, document_id],
        )
    # Decisions carried over may have taken a claim out of what the checks
    # read (非数字声明): those articles are checked again as stored, here,
    # inside the lock; every other one takes the findings made before it.
    recheck = findings.articles_with_excluded_claims(db, list(article_ids.values())) if carried else set()
    for index, article_id in article_ids.items():
        if article_id in recheck:
            findings.refresh(db, article_id)
        elif index in checked:
            for row in checked[index]:
                row["detector_version"] = result.detector_version
            findings.store_rows(db, article_id, checked[index])
    if previous is not None:
        # What editors did about the old version's findings carries over by
        # article position; it applies where the same finding is found again.
        findings.carry_actions(
            db,
            ((old_id, article_ids[index]) for index, (old_id, _) in shifts.items() if index in article_ids),
        )
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
    return ImportReport(documents_added=1, articles_added=len(result.articles), claims_added=claims)


def _carry_over(
    db: Database,
    old_document: int,
    new_document: int,
    result: pipeline.DocumentResult,
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
        reattach.Found(
            claim.id,
            article_ids[article_result.article.index],
            claim.start,
            claim.end,
            claim.text,
            claim.value,
        )
        for article_result, claim in result.claims()
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
