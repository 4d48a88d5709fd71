"""ReviewStore: the one way into the review database.

Every change (import, decision, re-detection, a manual claim) goes through a
method here, runs in its own ``BEGIN IMMEDIATE`` transaction with its audit
entry, and is committed before the method returns, so what the caller was
told is saved survives the process being killed the next instant.  Readers
get the frozen records of desktop.store.records, never rows.

One ReviewStore belongs to one thread (sqlite3's rule for a connection); a
worker thread or a second process opens its own on the same file, and WAL
plus a busy timeout let them share it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from types import TracebackType
from typing import Any

import platformdirs
from sqlite_utils import Database

from desktop import pipeline
from desktop.claims import detector
from desktop.claims.context import contexts, sentence_spans
from desktop.claims.model import Claim
from desktop.claims.numerals import parse_quantity
from desktop.ingest.model import SYNTHETIC, SourceText
from desktop.ingest.reader import ReadError, read_file
from desktop.paths import seed_files
from desktop.store import database, failures, importing, migrations, reattach, rows, sentences, sql
from desktop.store.errors import (
    DatabaseRefused,
    ForeignWorkbook,
    InvalidDecision,
    StaleDecision,
    UnknownArticle,
    UnknownClaim,
    UnknownDocument,
)
from desktop.store.records import (
    REASON_LABELS_ZH,
    REJECT_REASONS,
    REVIEWED_STATUSES,
    STATUS_LABELS_ZH,
    STATUSES,
    TAG_SEPARATORS,
    ArticleDetail,
    ArticleSummary,
    AuditEntry,
    ClaimView,
    DecisionChange,
    DecisionEdit,
    DocumentInfo,
    ExportRow,
    ImportReport,
    RedetectReport,
    SearchHit,
    SourceTag,
)

Progress = Callable[[int, int, str], None]

# Rows fetched per query when exporting: bounds memory whatever the database size.
EXPORT_BATCH = 2000
# FTS5's trigram tokenizer indexes 3-character windows; shorter queries cannot use it.
TRIGRAM = 3

_CLAIM_COLUMNS = """
    c.id, c.article_id, c.document_id, c.span_start, c.span_end, c.source_start, c.source_end,
    c.text, c.value, c.value_low, c.unit, c.kind, c.approx, c.subject, c.time, c.place,
    c.sentence, c.sentence_start, c.sentence_end, c.detector_version, c.orphaned, c.manual,
    d.status, d.reason, d.corrected_value, d.corrected_unit, d.note, d.editor, d.decided_at,
    d.seconds_spent, d.version,
    (SELECT json_group_array(tag) FROM (
        SELECT s.tag AS tag FROM claim_sources cs JOIN sources s ON s.id = cs.source_id
        WHERE cs.claim_id = c.id ORDER BY cs.position)) AS sources
"""
_SENTENCE_COLUMNS = "c.sentence, c.sentence_start, c.sentence_end"
_CLAIM_FROM = """
    FROM claims c
    JOIN decisions d ON d.claim_id = c.id
    JOIN articles a ON a.id = c.article_id
"""
_READING_ORDER = "ORDER BY c.document_id, a.idx, c.span_start, c.span_end, c.id"

_ARTICLE_SUMMARY = """
    SELECT a.id, a.document_id, doc.file_name, doc.publication_date, a.idx, a.headline, a.byline, a.date,
        coalesce(n.claims, 0) AS claims,
        coalesce(n.pending, 0) AS pending,
        coalesce(n.confirmed, 0) AS confirmed,
        coalesce(n.corrected, 0) AS corrected,
        coalesce(n.rejected, 0) AS rejected
    FROM articles a
    JOIN documents doc ON doc.id = a.document_id
    LEFT JOIN (
        SELECT article_id, count(*) AS claims,
            sum(status = 'pending') AS pending,
            sum(status = 'confirmed') AS confirmed,
            sum(status = 'corrected') AS corrected,
            sum(status = 'rejected') AS rejected
        FROM decisions {decisions_where} GROUP BY article_id
    ) n ON n.article_id = a.id
"""

# Documents completely imported (desktop.store.importing) and not replaced by
# a newer version of the same file, and their articles.
_CURRENT = "doc.superseded_by IS NULL AND doc.complete"
_CURRENT_DOCUMENTS = f"SELECT id FROM documents doc WHERE {_CURRENT}"
_CURRENT_ARTICLES = (
    f"SELECT a.id FROM articles a JOIN documents doc ON doc.id = a.document_id WHERE {_CURRENT}"
)


def default_database_path() -> Path:
    return Path(platformdirs.user_data_dir("FactDesk", appauthor=False)) / "factdesk.sqlite"


def status_of(label: str) -> str:
    """A status key from the key itself or its Chinese label; ValueError otherwise."""
    text = label.strip()
    if text in STATUSES:
        return text
    for key, zh in STATUS_LABELS_ZH.items():
        if text == zh:
            return key
    raise ValueError(f"unknown status {label!r} (use one of {', '.join(STATUS_LABELS_ZH.values())})")


def reason_of(label: str) -> str:
    text = label.strip()
    if text in REJECT_REASONS or text == "":
        return text
    for key, zh in REASON_LABELS_ZH.items():
        if text == zh:
            return key
    raise ValueError(f"unknown reason {label!r} (use one of {', '.join(REJECT_REASONS)})")


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
        cls, path: Path | None = None, *, seed_if_new: bool = True, read_only: bool = False
    ) -> ReviewStore:
        """Open (or create) a database; raises DatabaseRefused, leaving a bad file untouched.

        `read_only` opens an existing database without migrating, backing up
        or writing anything (for a file or folder the user may not write);
        every change then raises DatabaseUnavailable(kind="readonly").
        """
        path = Path(path) if path is not None else default_database_path()
        examined = database.examine(path)
        if read_only:
            return cls._open_read_only(path, examined)
        db = database.connect(path)
        try:
            with failures.translated(path):
                database.migrate(db, path, examined)
                store = cls(db, path)
            if examined.new and seed_if_new:
                store.import_files(seed_files())
            database.daily_backup(db, path)
        except BaseException:
            db.close()
            raise
        return store

    @staticmethod
    def may_write(path: Path | None = None) -> bool:
        """False for an existing database whose file or folder this user may not write."""
        return database.may_write(Path(path) if path is not None else default_database_path())

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

    def _write(self) -> AbstractContextManager[None]:
        return sql.transaction(self._db)

    def _insert(self, table: str, row: dict[str, Any]) -> int:
        return sql.insert(self._db, table, row)

    def _rows(self, query: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[dict[str, Any]]:
        return sql.rows(self._db, query, params)

    def _claim_rows(self, query: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[dict[str, Any]]:
        """Rows of _CLAIM_COLUMNS with each claim's sentence text filled in."""
        return sentences.fill(self._db, self._rows(query, params))

    def _audit(
        self, editor: str, claim_id: str, action: str, before: dict[str, object], after: dict[str, object]
    ) -> int:
        return sql.audit(self._db, editor, claim_id, action, before, after)

    # -- import ------------------------------------------------------------

    def import_files(
        self,
        paths: Iterable[Path],
        *,
        progress: Progress | None = None,
        should_cancel: Callable[[], bool] | None = None,
    ) -> ImportReport:
        """Import files, each whole or not at all (desktop.store.importing); a bad file is refused, never fatal."""
        todo = [Path(p) for p in paths]
        total = ImportReport()
        for done, path in enumerate(todo):
            if should_cancel is not None and should_cancel():
                return replace(total, cancelled=True)
            if progress is not None:
                progress(done, len(todo), path.name)
            try:
                source = read_file(path)
            except ReadError as error:
                total = replace(total, refused=(*total.refused, (path, error.reason)))
                continue
            total = _add_reports(total, self.import_source(source))
        if progress is not None:
            progress(len(todo), len(todo), "")
        return total

    def import_source(self, source: SourceText) -> ImportReport:
        """Import one decoded file; the same content twice is reported as a duplicate."""
        if importing.is_imported(self._db, pipeline.content_hash(source.text)):
            return ImportReport(duplicates=(source.path,))
        try:
            # Before any transaction: detection is the slow part and must not
            # hold the write lock other processes are waiting on.
            result = pipeline.process_source(source)
        except Exception as error:  # a pipeline bug on one odd file must not stop an import
            return ImportReport(refused=((source.path, f"could not be split into claims: {error}"),))
        return importing.import_document(self._db, result, detector.DETECTOR_VERSION)

    def import_result(self, result: pipeline.DocumentResult) -> ImportReport:
        """Store an already processed document: the bulk path (a benchmark builds big databases with it)."""
        return importing.import_document(self._db, result, result.detector_version)

    # -- re-detection ------------------------------------------------------

    def redetect(self, *, force: bool = False, progress: Progress | None = None) -> RedetectReport:
        """Run the current detector over stored documents whose claims an older one made."""
        version = detector.DETECTOR_VERSION
        documents = self._rows(
            "SELECT id, file_name FROM documents WHERE complete AND (? OR detector_version != ?) ORDER BY id",
            [int(force), version],
        )
        report = RedetectReport(detector_version=version)
        for done, document in enumerate(documents):
            if progress is not None:
                progress(done, len(documents), document["file_name"])
            report = _add_redetect(report, self._redetect_document(int(document["id"]), version))
        if progress is not None:
            progress(len(documents), len(documents), "")
        return report

    def _redetect_document(self, document_id: int, version: str) -> RedetectReport:
        document = self._rows("SELECT * FROM documents WHERE id = ?", [document_id])[0]
        source = SourceText(
            path=Path(document["path"]),
            text=document["source_text"],
            encoding=document["encoding"],
            dropped_cr=rows.unpack_ints(document["dropped_cr"]),
        )
        result = pipeline.process_source(source)
        with self._write():
            # Read before the articles change: a claim left orphaned keeps the
            # sentence it had, which its article may no longer hold.
            stored_rows = sentences.fill(
                self._db,
                self._rows(
                    "SELECT c.id, c.article_id, c.source_start, c.source_end, c.text, c.value, c.manual,"
                    " c.orphaned, c.sentence, c.sentence_start, c.sentence_end, d.version"
                    " FROM claims c JOIN decisions d ON d.claim_id = c.id WHERE c.document_id = ?",
                    [document_id],
                ),
            )
            old_sentences = {row["id"]: row["sentence"] for row in stored_rows}
            article_ids = self._update_articles(document_id, result)
            stored = [
                reattach.Stored(
                    id=row["id"],
                    article_id=row["article_id"],
                    source_start=row["source_start"],
                    source_end=row["source_end"],
                    text=row["text"],
                    value=Decimal(row["value"]),
                    decided=row["version"] > 0,
                    manual=bool(row["manual"]),
                    orphaned=bool(row["orphaned"]),
                )
                for row in stored_rows
            ]
            new_rows: dict[str, dict[str, Any]] = {}
            found: list[reattach.Found] = []
            for article_result, article_id in zip(result.articles, article_ids, strict=True):
                claims = article_result.claims
                for claim, sentence in zip(
                    claims, sentences.columns(article_result.article.text, claims), strict=True
                ):
                    new_rows[claim.id] = rows.claim_row(claim, article_id, document_id, version, sentence)
                    found.append(
                        reattach.Found(
                            claim.id,
                            article_id,
                            claim.source_start,
                            claim.source_end,
                            claim.text,
                            claim.value,
                        )
                    )
            plan = reattach.plan(stored, found)
            self._carry_out(plan, new_rows, source, old_sentences)
            self._db.execute("UPDATE documents SET detector_version = ? WHERE id = ?", [version, document_id])
            # Articles the new segmentation no longer has go, unless a kept claim still points at them.
            self._db.execute(
                "DELETE FROM articles WHERE document_id = ? AND idx >= ?"
                " AND NOT EXISTS (SELECT 1 FROM claims c WHERE c.article_id = articles.id)",
                [document_id, len(result.articles)],
            )
        return RedetectReport(
            detector_version=version,
            claims_added=len(plan.added),
            decisions_kept=sum(1 for old, _ in plan.kept if old.decided),
            decisions_reattached=len(plan.reattached),
            orphaned=len(plan.orphaned),
        )

    def _update_articles(self, document_id: int, result: pipeline.DocumentResult) -> list[int]:
        """Update articles in place by position (so ids, and claims' article ids, stay)."""
        existing = {
            row["idx"]: row["id"]
            for row in self._rows("SELECT id, idx FROM articles WHERE document_id = ?", [document_id])
        }
        ids: list[int] = []
        for article_result in result.articles:
            row = rows.article_row(document_id, article_result.article)
            article_id = existing.get(article_result.article.index)
            if article_id is None:
                article_id = self._insert("articles", row)
            else:
                self._db.table("articles").update(article_id, row)
            ids.append(int(article_id))
        return ids

    def _carry_out(
        self,
        plan: reattach.Plan,
        new_rows: dict[str, dict[str, Any]],
        source: SourceText,
        old_sentences: dict[str, str],
    ) -> None:
        updated_fields = [k for k in next(iter(new_rows.values()), {}) if k not in ("id", "manual")]
        for _, new in plan.kept:
            row = new_rows[new.id]
            self._db.execute(
                f"UPDATE claims SET {', '.join(f'{k} = ?' for k in updated_fields)} WHERE id = ?",
                [*(row[k] for k in updated_fields), new.id],
            )
            # A re-segmented page can move a span to another article.
            self._db.execute(
                "UPDATE decisions SET article_id = ? WHERE claim_id = ?", [row["article_id"], new.id]
            )
        importing.insert_claim_rows(self._db, [new_rows[f.id] for f in plan.added])
        for old, new in plan.reattached:
            # The new claim takes over the old one's decision row (and its
            # version), so a stale editor is still caught after re-detection.
            self._db.table("claims").insert(new_rows[new.id])
            self._db.execute("UPDATE decisions SET claim_id = ? WHERE claim_id = ?", [new.id, old.id])
            self._db.execute("UPDATE claim_sources SET claim_id = ? WHERE claim_id = ?", [new.id, old.id])
            self._db.execute("DELETE FROM claims WHERE id = ?", [old.id])
            self._audit(
                "",
                new.id,
                "reattach",
                {"claim_id": old.id, "text": old.text, "source_start": old.source_start},
                {"claim_id": new.id, "text": new.text, "source_start": new.source_start},
            )
        for old in plan.orphaned:
            self._audit("", old.id, "orphan", {"orphaned": False}, {"orphaned": True})
        for old in (*plan.orphaned, *plan.still_orphaned, *plan.untouched_manual):
            self._place_in_article(old, source, old_sentences[old.id])
        for old in plan.dropped:
            self._db.execute("DELETE FROM claim_sources WHERE claim_id = ?", [old.id])
            self._db.execute("DELETE FROM decisions WHERE claim_id = ?", [old.id])
            self._db.execute("DELETE FROM claims WHERE id = ?", [old.id])

    def _place_in_article(self, old: reattach.Stored, source: SourceText, sentence: str) -> None:
        """Mark an unmatched claim orphaned (unless manual) and re-find its span in the new display text."""
        article = self._rows("SELECT text, offsets FROM articles WHERE id = ?", [old.article_id])[0]
        offsets = rows.unpack_ints(article["offsets"])
        inside = [
            i
            for i, offset in enumerate(offsets)
            if offset != SYNTHETIC and old.source_start <= source.raw_offset(offset) < old.source_end
        ]
        sets: dict[str, Any] = {"orphaned": int(not old.manual)}
        if inside:
            start, end = min(inside), max(inside) + 1
            ((first, last),) = sentence_spans(article["text"], [(start, end)])
            sets.update(span_start=start, span_end=end, sentence_start=first, sentence_end=last, sentence="")
        else:  # gone from the page: it keeps the sentence it was found in
            sets.update(sentence_start=0, sentence_end=0, sentence=sentence)
        self._db.execute(
            f"UPDATE claims SET {', '.join(f'{k} = ?' for k in sets)} WHERE id = ?", [*sets.values(), old.id]
        )

    # -- reads -------------------------------------------------------------

    def documents(self) -> list[DocumentInfo]:
        return [
            rows.document_info(row)
            for row in self._rows(
                "SELECT id, file_name, path, content_hash, encoding, imported_at, publication_date, version"
                " FROM documents WHERE complete ORDER BY id"
            )
        ]

    def articles(self, status: str | None = None) -> list[ArticleSummary]:
        """All articles in reading order; "pending" = some claim pending, "done" = none."""
        where = {None: "", "pending": " AND n.pending > 0", "done": " AND coalesce(n.pending, 0) = 0"}
        if status not in where:
            raise ValueError(f"unknown article status {status!r} (use 'pending' or 'done')")
        sql = (
            _ARTICLE_SUMMARY.format(decisions_where="")
            + f" WHERE {_CURRENT}{where[status]} ORDER BY a.document_id, a.idx"
        )
        return [rows.article_summary(row) for row in self._rows(sql)]

    def article(self, article_id: int) -> ArticleDetail:
        # Filtered inside the subquery too: SQLite would otherwise count every article's claims.
        found = self._rows(
            _ARTICLE_SUMMARY.format(decisions_where="WHERE article_id = :id") + " WHERE a.id = :id",
            {"id": article_id},
        )
        if not found:
            raise UnknownArticle(article_id)
        detail = self._rows("SELECT deck, text, parts FROM articles WHERE id = ?", [article_id])[0]
        return ArticleDetail(
            summary=rows.article_summary(found[0]),
            deck=detail["deck"],
            text=detail["text"],
            parts=rows.parts_from_json(detail["parts"]),
        )

    def claims(self, article_id: int | None = None, status: str | None = None) -> list[ClaimView]:
        """Claims in reading order, optionally of one article and/or with one status."""
        where: list[str] = []
        params: list[Any] = []
        if article_id is not None:
            where.append("c.article_id = ?")
            params.append(article_id)
        else:  # one being imported right now is not there yet
            where.append("c.document_id IN (SELECT id FROM documents WHERE complete)")
        if status is not None:
            where.append("d.status = ?")
            params.append(status_of(status))
        query = f"SELECT {_CLAIM_COLUMNS} {_CLAIM_FROM} {_where(where)} {_READING_ORDER}"
        return [rows.claim_view(row) for row in self._claim_rows(query, params)]

    def claim(self, claim_id: str) -> ClaimView:
        found = self._claim_rows(f"SELECT {_CLAIM_COLUMNS} {_CLAIM_FROM} WHERE c.id = ?", [claim_id])
        if not found:
            raise UnknownClaim(claim_id)
        return rows.claim_view(found[0])

    def history(self, claim_id: str) -> list[AuditEntry]:
        """Every audit entry of a claim, oldest first, including those of the claims it was reattached from."""
        ids = {claim_id}
        frontier = [claim_id]
        while frontier:
            current = frontier.pop()
            for row in self._rows(
                "SELECT json_extract(before, '$.claim_id') AS old FROM audit"
                " WHERE claim_id = ? AND action = 'reattach'",
                [current],
            ):
                if row["old"] and row["old"] not in ids:
                    ids.add(row["old"])
                    frontier.append(row["old"])
        marks = ", ".join("?" for _ in ids)
        return [
            AuditEntry(
                id=row["id"],
                at=row["at"],
                editor=row["editor"],
                claim_id=row["claim_id"],
                action=row["action"],
                before=rows.from_json(row["before"]),
                after=rows.from_json(row["after"]),
            )
            for row in self._rows(f"SELECT * FROM audit WHERE claim_id IN ({marks}) ORDER BY id", sorted(ids))
        ]

    def search(self, text: str, limit: int = 100) -> list[SearchHit]:
        """Articles (headline or text) and claims (subject) containing `text`."""
        needle = text.strip()
        if not needle:
            return []
        if len(needle) >= TRIGRAM:
            phrase = '"' + needle.replace('"', '""') + '"'
            article_rows = self._rows(
                "SELECT a.id, a.headline, a.text FROM articles_fts f JOIN articles a ON a.id = f.rowid"
                f" WHERE articles_fts MATCH ? AND a.document_id IN ({_CURRENT_DOCUMENTS}) ORDER BY a.document_id, a.idx LIMIT ?",
                [phrase, limit],
            )
            claim_rows = self._rows(
                f"SELECT c.id, c.article_id, c.subject, {_SENTENCE_COLUMNS}, a.headline FROM claims_fts f"
                " JOIN claims c ON c.pk = f.rowid JOIN articles a ON a.id = c.article_id"
                f" WHERE claims_fts MATCH ? AND c.document_id IN ({_CURRENT_DOCUMENTS}) ORDER BY c.document_id, a.idx, c.span_start LIMIT ?",
                [phrase, limit],
            )
        else:
            like = "%" + needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            article_rows = self._rows(
                "SELECT id, headline, text FROM articles WHERE (headline LIKE :q ESCAPE '\\'"
                " OR text LIKE :q ESCAPE '\\')"
                f" AND document_id IN ({_CURRENT_DOCUMENTS}) ORDER BY document_id, idx LIMIT :limit",
                {"q": like, "limit": limit},
            )
            claim_rows = self._rows(
                f"SELECT c.id, c.article_id, c.subject, {_SENTENCE_COLUMNS}, a.headline FROM claims c"
                " JOIN articles a ON a.id = c.article_id WHERE c.subject LIKE :q ESCAPE '\\'"
                f" AND c.document_id IN ({_CURRENT_DOCUMENTS}) ORDER BY c.document_id, a.idx, c.span_start LIMIT :limit",
                {"q": like, "limit": limit},
            )
        hits = [
            SearchHit(
                article_id=row["id"],
                claim_id="",
                headline=row["headline"],
                snippet=rows.snippet(row["text"], needle),
            )
            for row in article_rows
        ]
        hits.extend(
            SearchHit(
                article_id=row["article_id"],
                claim_id=row["id"],
                headline=row["headline"],
                snippet=f"{row['subject']}：{rows.snippet(row['sentence'], needle)}",
            )
            for row in sentences.fill(self._db, claim_rows)
        )
        return hits[:limit]

    def sources(self) -> list[SourceTag]:
        """Every source tag, the most used first."""
        return [
            SourceTag(tag=row["tag"], url=row["url"], description=row["description"], uses=row["uses"])
            for row in self._rows(
                "SELECT s.tag, s.url, s.description, count(cs.claim_id) AS uses FROM sources s"
                " LEFT JOIN claim_sources cs ON cs.source_id = s.id GROUP BY s.id ORDER BY uses DESC, s.last_used DESC, s.tag"
            )
        ]

    def recent_sources(self, limit: int = 9) -> list[str]:
        """Tags most recently given to a decision, newest first (for the 1-9 quick keys)."""
        return [
            row["tag"]
            for row in self._rows(
                "SELECT tag FROM sources WHERE last_used > 0 ORDER BY last_used DESC LIMIT ?", [limit]
            )
        ]

    def progress(self) -> tuple[int, int]:
        """(reviewed, total) claims."""
        marks = ", ".join("?" for _ in REVIEWED_STATUSES)
        row = self._rows(
            f"SELECT coalesce(sum(status IN ({marks})), 0) AS reviewed, count(*) AS total FROM decisions"
            f" WHERE article_id IN ({_CURRENT_ARTICLES})",
            list(REVIEWED_STATUSES),
        )[0]
        return int(row["reviewed"]), int(row["total"])

    def export_rows(
        self, statuses: Sequence[str] = (), article_ids: Sequence[int] = ()
    ) -> Iterator[ExportRow]:
        """Claims in reading order, streamed a batch of articles at a time.

        Rows are read article batch by article batch through the
        (article_id, span_start) index, so memory stays bounded however many
        claims there are, and no batch re-sorts the whole table.
        """
        wanted = [status_of(s) for s in statuses]
        status_sql = f" AND d.status IN ({', '.join('?' for _ in wanted)})" if wanted else ""
        batch: list[dict[str, Any]] = []
        size = 0
        for article in self._export_articles(article_ids):
            batch.append(article)
            size += article["claims"]
            if size >= EXPORT_BATCH:
                yield from self._export_batch(batch, status_sql, wanted)
                batch, size = [], 0
        if batch:
            yield from self._export_batch(batch, status_sql, wanted)

    def _export_articles(self, article_ids: Sequence[int]) -> list[dict[str, Any]]:
        # One small row per article (no text): 10,000 articles are well under a megabyte.
        where = f"WHERE {_CURRENT}"
        if article_ids:
            where += f" AND a.id IN ({', '.join('?' for _ in article_ids)})"
        return self._rows(
            "SELECT a.id, a.headline, a.date, doc.publication_date, doc.file_name,"
            " (SELECT count(*) FROM claims c WHERE c.article_id = a.id) AS claims"
            f" FROM articles a JOIN documents doc ON doc.id = a.document_id {where}"
            " ORDER BY a.document_id, a.idx",
            list(article_ids),
        )

    def _export_batch(
        self, articles: list[dict[str, Any]], status_sql: str, wanted: list[str]
    ) -> Iterator[ExportRow]:
        by_id = {a["id"]: a for a in articles}
        marks = ", ".join("?" for _ in articles)
        query = f"SELECT {_CLAIM_COLUMNS} {_CLAIM_FROM} WHERE c.article_id IN ({marks}){status_sql} {_READING_ORDER}"
        for row in self._claim_rows(query, [*by_id, *wanted]):
            article = by_id[row["article_id"]]
            yield ExportRow(
                claim=rows.claim_view(row),
                headline=article["headline"],
                date=article["date"] or article["publication_date"] or "",
                file_name=article["file_name"],
            )

    def count_export_rows(self, statuses: Sequence[str] = (), article_ids: Sequence[int] = ()) -> int:
        where: list[str] = [f"c.document_id IN ({_CURRENT_DOCUMENTS})"]
        params: list[Any] = []
        if statuses:
            wanted = [status_of(s) for s in statuses]
            where.append(f"d.status IN ({', '.join('?' for _ in wanted)})")
            params.extend(wanted)
        if article_ids:
            where.append(f"c.article_id IN ({', '.join('?' for _ in article_ids)})")
            params.extend(article_ids)
        sql = f"SELECT count(*) AS n FROM claims c JOIN decisions d ON d.claim_id = c.id {_where(where)}"
        return int(self._rows(sql, params)[0]["n"])

    # -- writes ------------------------------------------------------------

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
        numbers ("1.3万", "一百二十", "12%"); a claim already corrected keeps
        its corrected value when none is given.  Raises InvalidDecision or
        StaleDecision having written nothing.
        """
        if status not in STATUSES:
            raise InvalidDecision(f"unknown status {status!r} (use one of {', '.join(STATUSES)})")
        if not editor.strip():
            raise InvalidDecision("a decision needs the editor's name")
        if reason and reason not in REJECT_REASONS:
            raise InvalidDecision(f"unknown reason {reason!r} (use one of {', '.join(REJECT_REASONS)})")
        if reason and status != "rejected":
            raise InvalidDecision("a reason only goes with status rejected")
        if corrected_value is not None and corrected_value.strip() and status != "corrected":
            raise InvalidDecision("a corrected value only goes with status corrected")
        if seconds_spent is not None and seconds_spent < 0:
            raise InvalidDecision("seconds spent cannot be negative")
        parsed = _parse_correction(corrected_value, corrected_unit) if status == "corrected" else None
        tags = _clean_tags(sources) if sources is not None else None

        with self._write():
            current = self.claim(claim_id)
            if expected_version is not None and current.version != expected_version:
                raise StaleDecision(current, expected_version)
            if status == "corrected" and parsed is None:
                if current.corrected_value is None:
                    raise InvalidDecision("status corrected needs the corrected value")
                parsed = (current.corrected_value, current.corrected_unit)
            if status == "rejected":
                new_reason = (
                    reason if reason is not None else (current.reason if current.status == "rejected" else "")
                )
            else:
                new_reason = ""
            self._db.execute(
                "UPDATE decisions SET status = ?, reason = ?, corrected_value = ?, corrected_unit = ?,"
                " note = ?, editor = ?, decided_at = ?, seconds_spent = ?, version = version + 1"
                " WHERE claim_id = ?",
                [
                    status,
                    new_reason,
                    None if parsed is None else rows.decimal_text(parsed[0]),
                    "" if parsed is None else parsed[1],
                    current.note if note is None else note,
                    editor.strip(),
                    rows.now(),
                    current.seconds_spent if seconds_spent is None else seconds_spent,
                    claim_id,
                ],
            )
            if tags is not None:
                self._set_sources(claim_id, tags)
            after = self.claim(claim_id)
            before_dict, after_dict = rows.decision_dict(current), rows.decision_dict(after)
            audit_id = self._audit(editor.strip(), claim_id, "decide", before_dict, after_dict)
        return DecisionChange(claim=after, before=before_dict, after=after_dict, audit_id=audit_id)

    def _set_sources(self, claim_id: str, tags: list[str]) -> None:
        self._db.execute("DELETE FROM claim_sources WHERE claim_id = ?", [claim_id])
        if not tags:
            return
        self._db.table("sources").insert_all(({"tag": tag} for tag in tags), ignore=True)
        # One counter for "recently used": later tags of the same decision count as older.
        last = int(self._rows("SELECT coalesce(max(last_used), 0) AS n FROM sources")[0]["n"])
        for position, tag in enumerate(tags):
            source_id = self._rows("SELECT id FROM sources WHERE tag = ?", [tag])[0]["id"]
            self._db.execute(
                "INSERT INTO claim_sources (claim_id, source_id, position) VALUES (?, ?, ?)",
                [claim_id, source_id, position],
            )
            self._db.execute(
                "UPDATE sources SET last_used = ? WHERE id = ?", [last + len(tags) - position, source_id]
            )

    def add_source(self, tag: str, url: str = "", description: str = "") -> SourceTag:
        """Create a source tag, or update the url/description of an existing one (empty keeps them)."""
        tag = tag.strip()
        if not tag:
            raise InvalidDecision("a source needs a tag")
        if TAG_SEPARATORS.search(tag):
            raise InvalidDecision(f"a source tag cannot contain 、 , ， ; ； or a line break: {tag!r}")
        with self._write():
            self._db.table("sources").insert({"tag": tag}, ignore=True)
            if url:
                self._db.execute("UPDATE sources SET url = ? WHERE tag = ?", [url, tag])
            if description:
                self._db.execute("UPDATE sources SET description = ? WHERE tag = ?", [description, tag])
        return next(s for s in self.sources() if s.tag == tag)

    def set_publication_date(self, document_id: int, date: str | dt.date) -> DocumentInfo:
        """Set (or with "" clear) the date a document was published, as YYYY-MM-DD."""
        text = date.isoformat() if isinstance(date, dt.date) else date.strip()
        if text:
            try:
                text = dt.date.fromisoformat(text).isoformat()
            except ValueError as error:
                raise InvalidDecision(f"not a date (YYYY-MM-DD): {date!r}") from error
        with self._write():
            found = self._rows("SELECT publication_date FROM documents WHERE id = ?", [document_id])
            if not found:
                raise UnknownDocument(document_id)
            self._db.execute("UPDATE documents SET publication_date = ? WHERE id = ?", [text, document_id])
            self._audit(
                "",
                "",
                "publication-date",
                {"document_id": document_id, "publication_date": found[0]["publication_date"]},
                {"document_id": document_id, "publication_date": text},
            )
        return next(d for d in self.documents() if d.id == document_id)

    def add_manual_claim(self, article_id: int, start: int, end: int, editor: str) -> ClaimView:
        """A claim the detector missed, marked by an editor in the display text."""
        if not editor.strip():
            raise InvalidDecision("a manual claim needs the editor's name")
        with self._write():
            found = self._rows(
                "SELECT a.text, a.date, a.offsets, doc.id AS document_id, doc.content_hash, doc.dropped_cr"
                " FROM articles a JOIN documents doc ON doc.id = a.document_id WHERE a.id = ?",
                [article_id],
            )
            if not found:
                raise UnknownArticle(article_id)
            article = found[0]
            text: str = article["text"]
            if not 0 <= start < end <= len(text):
                raise InvalidDecision(f"span {start}:{end} is outside the article (length {len(text)})")
            # Whitespace swept up with the mouse is not part of the claim.
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            span = text[start:end]
            try:
                value, unit = parse_quantity(span)
            except ValueError as error:
                raise InvalidDecision(f"not a number: {span!r} ({error})") from error
            real = [o for o in rows.unpack_ints(article["offsets"])[start:end] if o != SYNTHETIC]
            if not real:
                raise InvalidDecision(f"{span!r} is not in the source file")
            dropped = rows.unpack_ints(article["dropped_cr"])
            source = SourceText(path=Path(), text="", encoding="", dropped_cr=dropped)
            source_start, source_end = source.raw_offset(min(real)), source.raw_offset(max(real) + 1)
            # The id the detector would give this span: if a later detector
            # finds it, re-detection sees the same claim, not a duplicate.
            new_id = pipeline.claim_id(article["content_hash"], source_start, source_end, span)
            if self._rows("SELECT 1 FROM claims WHERE id = ?", [new_id]):
                raise InvalidDecision(f"{span!r} is already a claim")
            claim = Claim(start=start, end=end, text=span, value=value, unit=unit, kind=rows.guess_kind(unit))
            context = contexts(text, [claim], default_time=article["date"])[0]
            claim = replace(
                claim,
                subject=context.subject,
                time=context.time,
                place=context.place,
                sentence=context.sentence,
                source_start=source_start,
                source_end=source_end,
                id=new_id,
            )
            sentence = sentences.located(text, context.sentence, context.sentence_start, context.sentence_end)
            row = rows.claim_row(claim, article_id, article["document_id"], "manual", sentence)
            row["manual"] = 1
            importing.insert_claim_rows(self._db, [row])
            self._audit(editor.strip(), new_id, "add", {}, {"text": span, "start": start, "end": end})
            return self.claim(new_id)

    def apply_edits(
        self, edits: Sequence[DecisionEdit], *, editor: str, database_id: str | None = None
    ) -> tuple[list[DecisionChange], list[tuple[DecisionEdit, str]]]:
        """Apply decisions read back from a workbook; returns (changes, refused edits with reasons).

        `database_id` is the identity the workbook says it was exported from;
        a workbook of another database raises ForeignWorkbook before anything
        is written (None, an older workbook without it, is accepted).  Each
        edit is saved by decide() in its own transaction; a row equal to the
        current decision is skipped (so a run interrupted and started again
        applies only what is left), a bad one refused without writing.
        """
        if database_id is not None and database_id.strip() != self.database_id:
            raise ForeignWorkbook(database_id.strip(), self.database_id)
        changes: list[DecisionChange] = []
        refused: list[tuple[DecisionEdit, str]] = []
        for edit in edits:
            try:
                status = status_of(edit.status)
                reason = reason_of(edit.reason)
            except ValueError as error:
                refused.append((edit, str(error)))
                continue
            try:
                current = self.claim(edit.claim_id.strip())
            except UnknownClaim as error:
                refused.append((edit, str(error)))
                continue
            value = edit.corrected_value.strip()
            unit = edit.corrected_unit.strip()
            try:
                # A row that says what the claim already says changes nothing
                # whatever its version: the newer decision may be this very
                # row, applied before an interrupted run stopped.
                if not _edit_changes(current, status, reason, value, unit, edit):
                    continue
                if edit.version is not None and current.version != edit.version:
                    # A row that differs from a decision made since the export
                    # would undo that decision: refused.
                    raise StaleDecision(current, edit.version)
                changes.append(
                    self.decide(
                        current.id,
                        status,
                        editor=editor,
                        expected_version=edit.version,
                        corrected_value=value or None,
                        corrected_unit=unit or None,
                        reason=reason or None,
                        sources=edit.sources,
                        note=edit.note,
                    )
                )
            except InvalidDecision as error:
                refused.append((edit, error.reason))
            except StaleDecision as error:
                refused.append((edit, _stale_reason(error)))
        return changes, refused


# -- helpers ---------------------------------------------------------------


def _where(conditions: list[str]) -> str:
    return "WHERE " + " AND ".join(conditions) if conditions else ""


def _parse_correction(value: str | None, unit: str | None) -> tuple[Decimal, str] | None:
    if value is None or not value.strip():
        return None
    try:
        number, written_unit = parse_quantity(value)
    except ValueError as error:
        raise InvalidDecision(f"the corrected value is not a number: {error}") from error
    given = (unit or "").strip()
    if given and written_unit and given != written_unit:
        raise InvalidDecision(f"the corrected value says {written_unit!r} but the unit given is {given!r}")
    return number, given or written_unit


def _clean_tags(tags: Sequence[str]) -> list[str]:
    if isinstance(tags, str):  # a lone string would otherwise become one tag per character
        raise InvalidDecision("sources must be a list of tags, not one string")
    seen: list[str] = []
    for given in tags:
        # A workbook lists a claim's tags separated by these, so a tag that
        # held one would come back split: store it split from the start.
        for part in TAG_SEPARATORS.split(given):
            tag = part.strip()
            if tag and tag not in seen:
                seen.append(tag)
    return seen


def _stale_reason(error: StaleDecision) -> str:
    who = error.editor or "another editor"
    return (
        f"claim {error.current.id} was changed since the export by {who} at {error.at or 'an unknown time'}"
        f" (version {error.current.version}, the workbook has {error.expected_version});"
        " export again to see the current decision"
    )


def _edit_changes(
    current: ClaimView, status: str, reason: str, value: str, unit: str, edit: DecisionEdit
) -> bool:
    if (
        status != current.status
        or tuple(_clean_tags(edit.sources)) != current.sources
        or edit.note != current.note
    ):
        return True
    if status == "rejected" and reason and reason != current.reason:
        return True
    if status == "corrected" and value:
        parsed = _parse_correction(value, unit or None)
        return parsed != (current.corrected_value, current.corrected_unit)
    return bool(value) and status != "corrected"  # refused by decide(), so the row is reported


def _add_reports(a: ImportReport, b: ImportReport) -> ImportReport:
    return ImportReport(
        documents_added=a.documents_added + b.documents_added,
        articles_added=a.articles_added + b.articles_added,
        claims_added=a.claims_added + b.claims_added,
        duplicates=a.duplicates + b.duplicates,
        refused=a.refused + b.refused,
        cancelled=a.cancelled or b.cancelled,
    )


def _add_redetect(a: RedetectReport, b: RedetectReport) -> RedetectReport:
    return RedetectReport(
        detector_version=a.detector_version,
        claims_added=a.claims_added + b.claims_added,
        decisions_kept=a.decisions_kept + b.decisions_kept,
        decisions_reattached=a.decisions_reattached + b.decisions_reattached,
        orphaned=a.orphaned + b.orphaned,
    )
