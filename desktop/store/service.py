"""ReviewStore: the one way into the review database.

Every change (import, decision, re-detection, a manual claim) goes through a
method here, runs in its own ``BEGIN IMMEDIATE`` transaction with its audit
entry, and is committed before the method returns, so what the caller was
told is saved survives the process being killed the next instant.  Readers
get the frozen records of desktop.store.records, never rows.

The class is the door, not the house: opening and closing the file is done
here, the work in one module per idea (importing, redetection, queries,
decisions, manual), each a set of functions over the connection.

One ReviewStore belongs to one thread (sqlite3's rule for a connection); a
worker thread or a second process opens its own on the same file, and WAL
plus a busy timeout let them share it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from types import TracebackType
from typing import Literal

from sqlite_utils import Database

from desktop import pipeline
from desktop.ingest.model import SourceText
from desktop.store import database, decisions, failures, importing, manual, migrations, queries, redetection
from desktop.store.errors import DatabaseRefused
from desktop.store.records import (
    ArticleDetail,
    ArticleSummary,
    AuditEntry,
    ClaimView,
    DecisionChange,
    DecisionEdit,
    DocumentInfo,
    DocumentSource,
    ExportRow,
    ImportReport,
    Progress,
    RedetectReport,
    Refusal,
    SearchHit,
    SourceTag,
)


# Every public method turns an SQLite failure (busy, disk full, read-only,
# damaged, I/O) into DatabaseUnavailable, so no caller sees a raw sqlite3 error.
@failures.translate_public_methods
class ReviewStore:
    """Claims, their decisions and the audit log in one SQLite file."""

    def __init__(self, db: Database, path: Path, *, read_only: bool = False) -> None:
        # Use ReviewStore.open(): it checks, migrates and backs up the file first.
        self._db = db
        self.path = path
        self.read_only = read_only
        # Who this database is; exported workbooks carry it (see apply_edits).
        self.database_id: str = database.database_id(db)

    # -- lifecycle ---------------------------------------------------------

    @classmethod
    def open(
        cls,
        path: Path,
        *,
        read_only: bool = False,
        on_create: Callable[[ReviewStore], object] | None = None,
        seed_if_new: Literal[False] = False,
    ) -> ReviewStore:
        """Open (or create) a database; raises DatabaseRefused, leaving a bad file untouched.

        `on_create` runs once, on the store just made, when this call created
        the database (the command line fills the per-user database with the
        demo pages this way); if it raises, the store is closed.  `read_only`
        opens an existing database without migrating, backing up or writing
        anything (for a file or folder the user may not write); every change
        then raises DatabaseUnavailable(kind="readonly").
        """
        if seed_if_new:
            # Accepted (as False) only so that callers written when the store
            # imported the demo pages itself keep working; those pages are now
            # the caller's business (on_create, desktop.paths.seed_files).
            raise TypeError("ReviewStore.open no longer seeds; pass on_create to fill a new database")
        path = Path(path)
        examined = database.examine(path)
        if read_only:
            return cls._open_read_only(path, examined)
        db = database.connect(path)
        try:
            with failures.translated(path):
                database.migrate(db, path, examined)
                store = cls(db, path)
            if examined.new and on_create is not None:
                on_create(store)
            database.daily_backup(db, path)
        except BaseException:
            db.close()
            raise
        return store

    @staticmethod
    def may_write(path: Path) -> bool:
        """False for an existing database whose file or folder this user may not write."""
        return database.may_write(Path(path))

    @classmethod
    def _open_read_only(cls, path: Path, examined: database.Examined) -> ReviewStore:
        if examined.new:
            raise DatabaseRefused(
                path, "there is no review database here yet, and a read-only open cannot make one"
            )
        if examined.version < migrations.latest_version():
            raise failures.unavailable(
                path,
                "readonly",
                f"it was made by an older FactDesk (schema version {examined.version}) and must be upgraded,"
                " which needs write access: open it once where it can be written",
            )
        db = database.connect_read_only(path)
        try:
            with failures.translated(path):
                return cls(db, path, read_only=True)
        except BaseException:
            db.close()
            raise

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> ReviewStore:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    # -- import (desktop.store.importing) -----------------------------------

    def import_files(
        self,
        paths: Iterable[Path],
        *,
        progress: Progress | None = None,
        should_cancel: Callable[[], bool] | None = None,
    ) -> ImportReport:
        """Import files, each whole or not at all; a bad file is refused, never fatal."""
        return importing.import_files(self._db, paths, progress=progress, should_cancel=should_cancel)

    def import_source(self, source: SourceText) -> ImportReport:
        """Import one decoded file; the same content twice is reported as a duplicate."""
        return importing.import_source(self._db, source)

    def import_result(self, result: pipeline.DocumentResult) -> ImportReport:
        """Store an already processed document: the bulk path (a benchmark builds big databases with it)."""
        return importing.import_document(self._db, result, result.detector_version)

    # -- re-detection (desktop.store.redetection) ---------------------------

    def redetect(self, *, force: bool = False, progress: Progress | None = None) -> RedetectReport:
        """Run the current detector over stored documents whose claims an older one made."""
        return redetection.redetect(self._db, force=force, progress=progress)

    # -- reads (desktop.store.queries) ---------------------------------------

    def documents(self) -> list[DocumentInfo]:
        return queries.documents(self._db)

    def document_source(self, document_id: int) -> DocumentSource:
        """A document's text as imported, to show where a claim stands in the file (DocumentSource.place)."""
        return queries.document_source(self._db, document_id)

    def articles(self, status: str | None = None) -> list[ArticleSummary]:
        """All articles in reading order; "pending" = some claim pending, "done" = none."""
        return queries.articles(self._db, status)

    def article(self, article_id: int) -> ArticleDetail:
        return queries.article(self._db, article_id)

    def article_summary(self, article_id: int) -> ArticleSummary:
        """One article's counts, without its text (what a window refreshes after each decision)."""
        return queries.article_summary(self._db, article_id)

    def claims(self, article_id: int | None = None, status: str | None = None) -> list[ClaimView]:
        """Claims in reading order, optionally of one article and/or with one status."""
        return queries.claims(self._db, article_id, status)

    def claim(self, claim_id: str) -> ClaimView:
        return queries.claim(self._db, claim_id)

    def history(self, claim_id: str) -> list[AuditEntry]:
        """Every audit entry of a claim, oldest first, including those of the claims it was reattached from."""
        return queries.history(self._db, claim_id)

    def search(self, text: str, limit: int = 100) -> list[SearchHit]:
        """Articles (headline or text) and claims (subject) containing `text`."""
        return queries.search(self._db, text, limit)

    def sources(self) -> list[SourceTag]:
        """Every source tag, the most used first."""
        return queries.sources(self._db)

    def recent_sources(self, limit: int = 9) -> list[str]:
        """Tags most recently given to a decision, newest first (for the 1-9 quick keys)."""
        return queries.recent_sources(self._db, limit)

    def progress(self) -> tuple[int, int]:
        """(reviewed, total) claims."""
        return queries.progress(self._db)

    def export_rows(
        self, statuses: Sequence[str] = (), article_ids: Sequence[int] = (), kinds: Sequence[str] = ()
    ) -> Iterator[ExportRow]:
        """Claims in reading order, streamed a batch of articles at a time (memory stays bounded).

        Empty `statuses`, `article_ids` or `kinds` leave that filter off.
        """
        # A generator itself (not a function returning one), so that an SQLite
        # failure while the rows are consumed is translated too.
        yield from queries.export_rows(self._db, statuses, article_ids, kinds)

    def count_export_rows(
        self, statuses: Sequence[str] = (), article_ids: Sequence[int] = (), kinds: Sequence[str] = ()
    ) -> int:
        return queries.count_export_rows(self._db, statuses, article_ids, kinds)

    # -- decisions (desktop.store.decisions) --------------------------------

    def decide(
        self,
        claim_id: str,
        status: str,
        *,
        editor: str,
        expected_version: int | None = None,
        corrected_value: str | None = None,
        corrected_unit: str | None = None,
        reason: str | None = None,
        sources: Sequence[str] | None = None,
        note: str | None = None,
        seconds_spent: float | None = None,
    ) -> DecisionChange:
        """Save one decision and its audit entry; committed before this returns.

        None leaves sources, note and seconds_spent as they are; () or ""
        clears them.  A corrected value is parsed like the detector parses
        numbers ("1.3万", "一百二十", "12%") and kept as typed too
        (ClaimView.corrected_text); a claim already corrected keeps its
        corrected value when none is given.  Raises InvalidDecision or
        StaleDecision having written nothing.
        """
        return decisions.decide(
            self._db,
            claim_id,
            status,
            editor=editor,
            expected_version=expected_version,
            corrected_value=corrected_value,
            corrected_unit=corrected_unit,
            reason=reason,
            sources=sources,
            note=note,
            seconds_spent=seconds_spent,
        )

    def add_source(self, tag: str, url: str = "", description: str = "") -> SourceTag:
        """Create a source tag, or update the url/description of an existing one (empty keeps them)."""
        return decisions.add_source(self._db, tag, url, description)

    def apply_edits(
        self, edits: Sequence[DecisionEdit], *, editor: str, database_id: str | None = None
    ) -> tuple[list[DecisionChange], list[tuple[DecisionEdit, Refusal]]]:
        """Apply decisions read back from a workbook; returns (changes, refused edits with reasons).

        `database_id` is the identity the workbook says it was exported from;
        a workbook of another database raises ForeignWorkbook before anything
        is written (None, an older workbook without it, is accepted).  Each
        edit is saved by decide() in its own transaction; a row equal to the
        current decision is skipped (so a run interrupted and started again
        applies only what is left), a bad one refused without writing.
        """
        return decisions.apply_edits(
            self._db, edits, editor=editor, database_id=database_id, this_database=self.database_id
        )

    # -- by hand (desktop.store.manual) --------------------------------------

    def add_manual_claim(self, article_id: int, start: int, end: int, editor: str) -> ClaimView:
        """A claim the detector missed, marked by an editor in the display text."""
        return manual.add_claim(self._db, article_id, start, end, editor)

    def set_publication_date(self, document_id: int, date: str | dt.date) -> DocumentInfo:
        """Set (or with "" clear) the date a document was published, as YYYY-MM-DD."""
        return manual.set_publication_date(self._db, document_id, date)
