"""ReviewStore: the one way into the review database.

Every change (import, decision, re-detection, a manual claim) goes through a
method here, runs in its own ``BEGIN IMMEDIATE`` transaction with its audit
entry, and is committed before the method returns, so what the caller was
told is saved survives the process being killed the next instant.  Readers
get the frozen records of desktop.store.records, never rows.

The class is the door, not the house: opening and closing the file is done
here, the work in one module per idea (importing, redetection, queries,
decisions, manual, findings), each a set of functions over the connection.

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
from desktop.store import (
    database,
    decisions,
    failures,
    findings,
    importing,
    manual,
    memory,
    migrations,
    queries,
    redetection,
    releases,
    sql,
)
from desktop.store.errors import DatabaseRefused
from desktop.store.records import (
    ArticleDetail,
    ArticleSummary,
    AuditEntry,
    BatchChange,
    ClaimView,
    DecisionChange,
    DecisionEdit,
    DocumentInfo,
    DocumentSource,
    ExportRow,
    FindingChange,
    FindingExportRow,
    ImportReport,
    MemoryHit,
    Progress,
    RedetectReport,
    Refusal,
    SearchHit,
    SourceAttachment,
    SourceCandidate,
    SourceTag,
    StoredFinding,
    StoredReleaseMatch,
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
        # While another connection keys the memory of figures in the
        # background (the window's), lookups do not key articles themselves:
        # they answer from what is keyed so far, and are asked again after.
        self.defer_keying = False

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
                path,
                "there is no review database here yet, and a read-only open cannot make one",
                "none-read-only",
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
        workers: int | None = None,
        on_file: Callable[[ImportReport], None] | None = None,
    ) -> ImportReport:
        """Import files, each whole or not at all; a bad file is refused, never fatal.

        `workers` detection processes besides this one (default: by the
        batch's size); `on_file` hears each file's report as it is known.
        """
        return importing.import_files(
            self._db, paths, progress=progress, should_cancel=should_cancel, workers=workers, on_file=on_file
        )

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

    def documents_outdated(self) -> int:
        """How many documents an older detector read: what redetect() would read again."""
        return redetection.outdated(self._db)

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
        # 来源稿 and 比对 filled for articles with a source release (desktop.store.releases).
        yield from releases.with_release_columns(
            self._db, queries.export_rows(self._db, statuses, article_ids, kinds), keep=not self.read_only
        )

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
        claim = manual.add_claim(self._db, article_id, start, end, editor)
        memory.forget(self._db, article_id)  # keyed again on its next lookup, the new claim with it
        return claim

    def set_publication_date(self, document_id: int, date: str | dt.date) -> DocumentInfo:
        """Set (or with "" clear) the date a document was published, as YYYY-MM-DD."""
        return manual.set_publication_date(self._db, document_id, date)

    # -- checks (desktop.store.findings) --------------------------------------
    #
    # The checks' findings on an article (desktop.checks: relations and number
    # usage) are kept per article and recomputed on import, re-detection, a
    # manual claim and a decision that moves a claim into or out of 非数字声明.
    # Dismissals and acceptances are kept apart and never dropped by a re-run
    # (see desktop.store.findings for the rules).

    def run_checks(self, article_id: int) -> list[StoredFinding]:
        """Check an article again from its stored text and claims, store the findings, return them.

        Orphaned claims and claims rejected as 非数字声明 are left out; manual
        ones are in.  A finding found again at the same place keeps its id.
        """
        with sql.transaction(self._db):
            findings.refresh(self._db, article_id)
        return findings.for_article(self._db, article_id)

    def findings(self, article_id: int) -> list[StoredFinding]:
        """An article's findings in reading order, each with status open/accepted/dismissed.

        An article the current checker has not read yet (a database made
        before the checks) is checked first; on a read-only database the
        findings are computed without being stored (their ids are then
        negative and cannot be acted on).
        """
        if not self.read_only:
            self._key_lazily(article_id)  # its repeats across articles are findings too
        if not findings.is_current(self._db, article_id):
            if self.read_only:
                return findings.unstored(self._db, article_id)
            return self.run_checks(article_id)
        return findings.for_article(self._db, article_id)

    def findings_for_claim(self, claim_id: str) -> list[StoredFinding]:
        """The findings that involve a claim: as an operand, the claim shown on, or a usage flag's span."""
        claim = queries.claim(self._db, claim_id)
        return [
            f for f in self.findings(claim.article_id) if claim_id == f.claim_id or claim_id in f.claim_ids
        ]

    def finding(self, finding_id: int) -> StoredFinding:
        """One finding by id; UnknownFinding when a re-run no longer finds it."""
        return findings.one(self._db, finding_id)

    def flagged_claims(self, article_id: int) -> dict[str, list[StoredFinding]]:
        """Claim id -> the open flags on it (failing relations, usage breaches nobody acted on)."""
        if not self.read_only:
            self._key_lazily(article_id)  # its conflicts with other articles are flags too
        if not findings.is_current(self._db, article_id) and not self.read_only:
            self.run_checks(article_id)
        return findings.open_flags_by_claim(self._db, [article_id])

    def dismiss_finding(self, finding_id: int, reviewer: str, note: str = "") -> FindingChange:
        """Dismiss a finding: audited, and not shown again for its claim unless the claim's text changes.

        Undo with restore_finding.  Raises RefusedDecision (code
        "finding-dismissed") when it is dismissed already, UnknownFinding
        when it is gone.
        """
        return findings.dismiss(self._db, finding_id, reviewer, note)

    def restore_finding(self, finding_id: int, reviewer: str) -> FindingChange:
        """Undo a dismissal (the finding is open again); audited.  RefusedDecision "finding-not-dismissed"."""
        return findings.restore(self._db, finding_id, reviewer)

    def accept_finding(
        self,
        finding_id: int,
        reviewer: str,
        *,
        expected_version: int | None = None,
        corrected_value: str | None = None,
    ) -> FindingChange:
        """Accept a flag: its claim is rejected with reason 数字有误 and the explanation (Chinese) as note.

        With `corrected_value` the claim is corrected instead.  The decision
        goes through decide() in the same transaction as the acceptance, so
        it is audited and undone like any decision: push the usual undo
        command with `change.claim_before` and `change.decision.claim`;
        undoing it makes the finding open again.  `expected_version` guards
        against a decision saved meanwhile (StaleDecision).  A finding that
        holds or is on no claim is refused (RefusedDecision "finding-holds",
        "finding-no-claim").
        """
        return findings.accept(
            self._db,
            finding_id,
            reviewer,
            expected_version=expected_version,
            corrected_value=corrected_value,
        )

    def checks_outdated(self) -> list[int]:
        """Articles the current checker has not read (what refresh_checks would check)."""
        return findings.outdated(self._db)

    def refresh_checks(self, *, progress: Progress | None = None) -> int:
        """Check every article the current checker has not read, one transaction each; how many."""
        todo = findings.outdated(self._db)
        for done, article_id in enumerate(todo):
            if progress is not None:
                progress(done, len(todo), "")
            with sql.transaction(self._db):
                findings.refresh(self._db, article_id)
        if progress is not None:
            progress(len(todo), len(todo), "")
        # The repeats across articles of what was imported since (the export's 核查提示 lists them).
        memory.refresh(self._db)
        return len(todo)

    def export_findings(
        self, article_ids: Sequence[int] = (), *, with_releases: bool = False
    ) -> Iterator[FindingExportRow]:
        """Every finding of current articles (or of these), in reading order: the 核查提示 sheet.

        With `with_releases`, then every release discrepancy (rounded, different,
        absent) of those with a release attached, as rows of check "release"
        (desktop.store.releases.as_finding).
        """
        yield from findings.export_rows(self._db, article_ids)
        if with_releases:
            yield from releases.discrepancy_rows(self._db, article_ids, keep=not self.read_only)

    # -- source releases (desktop.store.releases) ------------------------------
    #
    # A release is a document imported like any other; an article has at most
    # one attached.  Refusals are RefusedDecision with a code of
    # releases.RELEASE_REFUSAL_CODES (or "no-editor").

    def attach_source(self, article_id: int, document_id: int, editor: str) -> SourceAttachment:
        """Attach an imported document to an article as its source release (replacing any), audited."""
        return releases.attach(self._db, article_id, document_id, editor)

    def attach_source_file(
        self, article_id: int, path: Path, editor: str
    ) -> tuple[SourceAttachment, ImportReport]:
        """Import a release file unless its content is in the database already, then attach it.

        Returns the attachment and the import's report (`duplicates` holds the
        file when it was in already).  A file that cannot be read or imported
        is refused ("source-unreadable", "source-not-imported").
        """
        return releases.attach_file(self._db, article_id, Path(path), editor)

    def detach_source(self, article_id: int, editor: str) -> SourceAttachment:
        """Take an article's release off it, audited; returns what was attached ("no-source" when none)."""
        return releases.detach(self._db, article_id, editor)

    def source_of(self, article_id: int) -> SourceAttachment | None:
        """The release attached to an article, or None."""
        return releases.source_of(self._db, article_id)

    def source_history(self, article_id: int) -> list[AuditEntry]:
        """The article's release entries of the audit log, oldest first (attach, detach, confirm, undo)."""
        return releases.history(self._db, article_id)

    def propose_source(self, article_id: int, limit: int = 5) -> list[SourceCandidate]:
        """Imported documents the article was likely written from, best first; [] when none is likely."""
        return releases.propose(self._db, article_id, limit)

    def release_matches(self, article_id: int) -> list[StoredReleaseMatch]:
        """Every figure of the article against its release, in reading order; [] when none is attached.

        Kept between calls, computed again when the claims of either side,
        their detector or the release change (see desktop.store.releases).
        """
        return releases.matches(self._db, article_id, keep=not self.read_only)

    def confirm_matching(self, article_id: int, editor: str) -> BatchChange:
        """ "确认所有一致的数字": confirm every pending claim matched `same`, the release as source tag.

        One transaction; each decision audited as decide() writes it, plus
        one "confirm-matching" entry naming the release.  Claims matched
        rounded, different or absent, and claims already decided, are never
        touched.  Undo with revert_batch(batch).  Refused ("no-source") when
        the article has no release.
        """
        return releases.confirm_matching(self._db, article_id, editor)

    def revert_batch(self, batch: BatchChange, editor: str) -> BatchChange:
        """Undo a batch in one transaction (StaleDecision, nothing written, if a claim changed since).

        The result is itself a batch: reverting it redoes the first.
        """
        return releases.revert_batch(self._db, batch, editor)

    # -- the memory of figures (desktop.store.memory) ----------------------------
    #
    # Refusals are RefusedDecision with a code of memory.MEMORY_REFUSAL_CODES (or "no-editor").

    def memory_outdated(self) -> int:
        """How many articles are not keyed yet: what refresh_memory would read."""
        return len(memory.outdated(self._db))

    def refresh_memory(
        self, progress: Progress | None = None, *, should_cancel: Callable[[], bool] | None = None
    ) -> int:
        """Key the articles imported or re-detected since the last refresh and link their repeats; how many.

        Incremental (an article is keyed once per detector and checker), in
        steps of about half a second each in their own transaction, so it can
        run after an import while other processes decide.  Articles whose
        links changed get their findings (check "repeat") read again.
        """
        return memory.refresh(self._db, progress=progress, should_cancel=should_cancel)

    def memory_for(self, article_id: int, limit: int = memory.MAX_HITS) -> dict[str, list[MemoryHit]]:
        """Claim id -> the statements of the same metric in other articles ("已核实过" or a conflict).

        Each hit says whether the other figure is verified (confirmed or
        corrected, with its value, source tags, editor and date), and whether
        it is equal, a rounding, or in conflict; verified hits first.  An
        article looked up before it was keyed is keyed first (all waiting
        articles when they are few).
        """
        if not self.read_only:
            self._key_lazily(article_id)
        return memory.memory_for(self._db, article_id, limit)

    def linked_claims(self, claim_id: str) -> list[str]:
        """The claims linked to this one as equal repeats (the same figure, the same value), here and elsewhere."""
        if not self.read_only:
            self._key_lazily(queries.claim(self._db, claim_id).article_id)
        return memory.linked_equal(self._db, claim_id)

    def confirmable_linked(self, claim_id: str) -> list[ClaimView]:
        """The claims confirm_linked(claim_id) would confirm now: pending ones of the same value
        linked as equal repeats (what the window offers: "还有 N 处相同数字，一并确认？")."""
        claim = queries.claim(self._db, claim_id)
        if not self.read_only:
            self._key_lazily(claim.article_id)
        return memory.confirmable(self._db, claim)

    def confirm_linked(self, claim_id: str, editor: str) -> BatchChange:
        """Confirm every pending claim linked to this one as an equal repeat, with this claim's source tags.

        One transaction, one "confirm-linked" audit entry besides each
        decision's own; undo with revert_batch(batch).  Refused ("no-linked")
        when no pending claim repeats it with the same value, ("no-source-tags")
        when the claim has no source tag.
        """
        self._key_lazily(queries.claim(self._db, claim_id).article_id)
        return memory.confirm_linked(self._db, claim_id, editor)

    def _key_lazily(self, article_id: int) -> None:
        if self.defer_keying or memory.is_current(self._db, article_id):
            return
        waiting = memory.outdated(self._db)
        if article_id not in waiting:
            return  # of a replaced version, or no article: nothing to key
        memory.refresh(self._db, article_ids=None if len(waiting) <= memory.LAZY_ALL else [article_id])
