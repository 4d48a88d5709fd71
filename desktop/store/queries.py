"""Reading the review database: articles, claims, history, search, sources, progress, export rows.

Nothing here writes.  Every list, count, search and export leaves out
documents still being imported (desktop.store.importing writes a big one in
steps) and versions replaced by a newer copy of the same file.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace
from typing import Any

from sqlite_utils import Database

from desktop.store import findings, rows, sentences, sql
from desktop.store.errors import UnknownArticle, UnknownClaim, UnknownDocument
from desktop.store.records import (
    REVIEWED_STATUSES,
    ArticleDetail,
    ArticleSummary,
    AuditEntry,
    ClaimView,
    DocumentInfo,
    DocumentSource,
    ExportRow,
    SearchHit,
    SourceTag,
    status_of,
)

# Rows fetched per query when exporting: bounds memory whatever the database size.
EXPORT_BATCH = 2000
# FTS5's trigram tokenizer indexes 3-character windows; shorter queries cannot use it.
TRIGRAM = 3

_CLAIM_COLUMNS = """
    c.id, c.article_id, c.document_id, c.span_start, c.span_end, c.source_start, c.source_end,
    c.text, c.value, c.value_low, c.unit, c.kind, c.approx, c.subject, c.time, c.place,
    c.sentence, c.sentence_start, c.sentence_end, c.detector_version, c.orphaned, c.manual,
    d.status, d.reason, d.corrected_value, d.corrected_unit, d.note, d.editor, d.decided_at,
    d.seconds_spent, d.version, d.corrected_text,
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


def _where(conditions: list[str]) -> str:
    return "WHERE " + " AND ".join(conditions) if conditions else ""


def _claim_view(row: dict[str, Any]) -> ClaimView:
    view = rows.claim_view(row)
    # Only a corrected claim has a typed form, so the copy is paid for a few
    # rows, not for every row of a 100,000-claim export.
    typed = row["corrected_text"]
    return replace(view, corrected_text=typed) if typed else view


def _claim_rows(
    db: Database, query: str, params: Sequence[Any] | dict[str, Any] = ()
) -> list[dict[str, Any]]:
    """Rows of _CLAIM_COLUMNS with each claim's sentence text filled in."""
    return sentences.fill(db, sql.rows(db, query, params))


def documents(db: Database) -> list[DocumentInfo]:
    return [
        rows.document_info(row)
        for row in sql.rows(
            db,
            "SELECT id, file_name, path, content_hash, encoding, imported_at, publication_date, version"
            " FROM documents WHERE complete ORDER BY id",
        )
    ]


def document_source(db: Database, document_id: int) -> DocumentSource:
    """A document's stored text, to show where its claims stand in the file."""
    found = sql.rows(
        db,
        "SELECT id, file_name, path, encoding, content_hash, source_text, dropped_cr FROM documents WHERE id = ?",
        [document_id],
    )
    if not found:
        raise UnknownDocument(document_id)
    row = found[0]
    return DocumentSource(
        document_id=row["id"],
        file_name=row["file_name"],
        path=row["path"],
        encoding=row["encoding"],
        content_hash=row["content_hash"],
        text=row["source_text"],
        dropped_cr=rows.unpack_ints(row["dropped_cr"]),
    )


def articles(db: Database, status: str | None = None) -> list[ArticleSummary]:
    """All articles in reading order; "pending" = some claim pending, "done" = none."""
    where = {None: "", "pending": " AND n.pending > 0", "done": " AND coalesce(n.pending, 0) = 0"}
    if status not in where:
        raise ValueError(f"unknown article status {status!r} (use 'pending' or 'done')")
    query = (
        _ARTICLE_SUMMARY.format(decisions_where="")
        + f" WHERE {_CURRENT}{where[status]} ORDER BY a.document_id, a.idx"
    )
    return [rows.article_summary(row) for row in sql.rows(db, query)]


def article_summary(db: Database, article_id: int) -> ArticleSummary:
    """One article's row of the list (its counts), without reading its text."""
    # Filtered inside the subquery too: SQLite would otherwise count every article's claims.
    found = sql.rows(
        db,
        _ARTICLE_SUMMARY.format(decisions_where="WHERE article_id = :id") + " WHERE a.id = :id",
        {"id": article_id},
    )
    if not found:
        raise UnknownArticle(article_id)
    return rows.article_summary(found[0])


def article(db: Database, article_id: int) -> ArticleDetail:
    summary = article_summary(db, article_id)
    detail = sql.rows(db, "SELECT deck, text, parts FROM articles WHERE id = ?", [article_id])[0]
    return ArticleDetail(
        summary=summary,
        deck=detail["deck"],
        text=detail["text"],
        parts=rows.parts_from_json(detail["parts"]),
    )


def claims(db: Database, article_id: int | None = None, status: str | None = None) -> list[ClaimView]:
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
    return [_claim_view(row) for row in _claim_rows(db, query, params)]


def claims_by_id(db: Database, claim_ids: Sequence[str]) -> dict[str, ClaimView]:
    """The claims of these ids that exist, by id (a few hundred ids to a query)."""
    found: dict[str, ClaimView] = {}
    unique = sorted(set(claim_ids))
    for first in range(0, len(unique), 500):
        chunk = unique[first : first + 500]
        marks = ", ".join("?" for _ in chunk)
        for row in _claim_rows(db, f"SELECT {_CLAIM_COLUMNS} {_CLAIM_FROM} WHERE c.id IN ({marks})", chunk):
            view = _claim_view(row)
            found[view.id] = view
    return found


def claim(db: Database, claim_id: str) -> ClaimView:
    found = _claim_rows(db, f"SELECT {_CLAIM_COLUMNS} {_CLAIM_FROM} WHERE c.id = ?", [claim_id])
    if not found:
        raise UnknownClaim(claim_id)
    return _claim_view(found[0])


def history(db: Database, claim_id: str) -> list[AuditEntry]:
    """Every audit entry of a claim, oldest first, including those of the claims it was reattached from."""
    ids = {claim_id}
    frontier = [claim_id]
    while frontier:
        current = frontier.pop()
        for row in sql.rows(
            db,
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
        for row in sql.rows(db, f"SELECT * FROM audit WHERE claim_id IN ({marks}) ORDER BY id", sorted(ids))
    ]


def search(db: Database, text: str, limit: int = 100) -> list[SearchHit]:
    """Articles (headline or text) and claims (subject) containing `text`."""
    needle = text.strip()
    if not needle:
        return []
    like = "%" + needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    if len(needle) >= TRIGRAM:
        phrase = '"' + needle.replace('"', '""') + '"'
        found = "SELECT rowid FROM articles_fts WHERE articles_fts MATCH :phrase"
        article_rows = sql.rows(
            db,
            f"SELECT a.id, a.headline, a.text FROM articles a WHERE a.id IN ({found})"
            f" AND a.document_id IN ({_CURRENT_DOCUMENTS}) ORDER BY a.document_id, a.idx LIMIT :limit",
            {"phrase": phrase, "limit": limit},
        )
        # A subject is a slice of its article's headline or text: only the
        # claims of the articles found can hold the text.
        in_articles = f"c.article_id IN ({found}) AND "
    else:
        article_rows = sql.rows(
            db,
            "SELECT id, headline, text FROM articles WHERE (headline LIKE :q ESCAPE '\\'"
            " OR text LIKE :q ESCAPE '\\')"
            f" AND document_id IN ({_CURRENT_DOCUMENTS}) ORDER BY document_id, idx LIMIT :limit",
            {"q": like, "limit": limit},
        )
        phrase, in_articles = "", ""
    claim_rows = sql.rows(
        db,
        f"SELECT c.id, c.article_id, c.subject, {_SENTENCE_COLUMNS}, a.headline FROM claims c"
        f" JOIN articles a ON a.id = c.article_id WHERE {in_articles}c.subject LIKE :q ESCAPE '\\'"
        f" AND c.document_id IN ({_CURRENT_DOCUMENTS}) ORDER BY c.document_id, a.idx, c.span_start LIMIT :limit",
        {"q": like, "limit": limit, **({"phrase": phrase} if phrase else {})},
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
        for row in sentences.fill(db, claim_rows)
    )
    return hits[:limit]


def sources(db: Database) -> list[SourceTag]:
    """Every source tag, the most used first."""
    return [
        SourceTag(tag=row["tag"], url=row["url"], description=row["description"], uses=row["uses"])
        for row in sql.rows(
            db,
            "SELECT s.tag, s.url, s.description, count(cs.claim_id) AS uses FROM sources s"
            " LEFT JOIN claim_sources cs ON cs.source_id = s.id GROUP BY s.id ORDER BY uses DESC, s.last_used DESC, s.tag",
        )
    ]


def recent_sources(db: Database, limit: int = 9) -> list[str]:
    """Tags most recently given to a decision, newest first (for the 1-9 quick keys)."""
    return [
        row["tag"]
        for row in sql.rows(
            db, "SELECT tag FROM sources WHERE last_used > 0 ORDER BY last_used DESC LIMIT ?", [limit]
        )
    ]


def progress(db: Database) -> tuple[int, int]:
    """(reviewed, total) claims."""
    marks = ", ".join("?" for _ in REVIEWED_STATUSES)
    row = sql.rows(
        db,
        f"SELECT coalesce(sum(status IN ({marks})), 0) AS reviewed, count(*) AS total FROM decisions"
        f" WHERE article_id IN ({_CURRENT_ARTICLES})",
        list(REVIEWED_STATUSES),
    )[0]
    return int(row["reviewed"]), int(row["total"])


def _claim_filter(statuses: Sequence[str], kinds: Sequence[str]) -> tuple[str, list[str]]:
    """SQL conditions (each led by AND) and parameters for claims of these statuses and kinds."""
    conditions = ""
    params: list[str] = []
    if statuses:
        wanted = [status_of(s) for s in statuses]
        conditions += f" AND d.status IN ({', '.join('?' for _ in wanted)})"
        params.extend(wanted)
    if kinds:
        conditions += f" AND c.kind IN ({', '.join('?' for _ in kinds)})"
        params.extend(kinds)
    return conditions, params


def export_rows(
    db: Database, statuses: Sequence[str] = (), article_ids: Sequence[int] = (), kinds: Sequence[str] = ()
) -> Iterator[ExportRow]:
    """Claims in reading order, streamed a batch of articles at a time; any of `statuses` and `kinds`.

    Rows are read article batch by article batch through the
    (article_id, span_start) index, so memory stays bounded however many
    claims there are, and no batch re-sorts the whole table.
    """
    filter_sql, params = _claim_filter(statuses, kinds)
    batch: list[dict[str, Any]] = []
    size = 0
    for exported in _export_articles(db, article_ids):
        batch.append(exported)
        size += exported["claims"]
        if size >= EXPORT_BATCH:
            yield from _export_batch(db, batch, filter_sql, params)
            batch, size = [], 0
    if batch:
        yield from _export_batch(db, batch, filter_sql, params)


def _export_articles(db: Database, article_ids: Sequence[int]) -> list[dict[str, Any]]:
    # One small row per article (no text): 10,000 articles are well under a megabyte.
    where = f"WHERE {_CURRENT}"
    if article_ids:
        where += f" AND a.id IN ({', '.join('?' for _ in article_ids)})"
    return sql.rows(
        db,
        "SELECT a.id, a.headline, a.date, doc.publication_date, doc.file_name,"
        " (SELECT count(*) FROM claims c WHERE c.article_id = a.id) AS claims"
        f" FROM articles a JOIN documents doc ON doc.id = a.document_id {where}"
        " ORDER BY a.document_id, a.idx",
        list(article_ids),
    )


def _export_batch(
    db: Database, batch: list[dict[str, Any]], filter_sql: str, params: list[str]
) -> Iterator[ExportRow]:
    by_id = {a["id"]: a for a in batch}
    marks = ", ".join("?" for _ in batch)
    query = (
        f"SELECT {_CLAIM_COLUMNS} {_CLAIM_FROM} WHERE c.article_id IN ({marks}){filter_sql} {_READING_ORDER}"
    )
    # The 提示 column: the open flags of the batch's claims, looked up once per batch.
    flags = findings.flag_lines_by_claim(db, list(by_id))
    for row in _claim_rows(db, query, [*by_id, *params]):
        exported = by_id[row["article_id"]]
        yield ExportRow(
            claim=_claim_view(row),
            headline=exported["headline"],
            date=exported["date"] or exported["publication_date"] or "",
            file_name=exported["file_name"],
            flags=flags.get(row["id"], ()),
        )


def count_export_rows(
    db: Database, statuses: Sequence[str] = (), article_ids: Sequence[int] = (), kinds: Sequence[str] = ()
) -> int:
    conditions, params = _claim_filter(statuses, kinds)
    where: list[Any] = [f"c.document_id IN ({_CURRENT_DOCUMENTS}){conditions}"]
    values: list[Any] = [*params]
    if article_ids:
        where.append(f"c.article_id IN ({', '.join('?' for _ in article_ids)})")
        values.extend(article_ids)
    query = f"SELECT count(*) AS n FROM claims c JOIN decisions d ON d.claim_id = c.id {_where(where)}"
    return int(sql.rows(db, query, values)[0]["n"])
