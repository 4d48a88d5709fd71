"""Writing prepared documents: bounded transactions, the write lock left free between them.

The writer only inserts: every row is built before it (desktop.store.prepared).
Documents are written in the order they are queued.

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
import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlite_utils import Database

from desktop.store import findings, reattach, releases, rows, sql
from desktop.store.prepared import PreparedArticle, PreparedDocument
from desktop.store.records import ImportReport

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


def write_document(db: Database, document: PreparedDocument) -> ImportReport:
    """Store one prepared document, in one transaction when it fits in one step."""
    writer = Writer(db)
    writer.add(document)
    writer.flush()
    return writer.report


@dataclass
class _Queued:
    document: PreparedDocument
    previous: int | None  # the version it replaces, as last seen
    shifts: Shifts


@dataclass
class Writer:
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
        self.report = added(self.report, report)
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


def added(a: ImportReport, b: ImportReport) -> ImportReport:
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
