"""Running a newer detector over stored documents without losing a decision.

Each document is detected again from its stored text (the original file may
have moved or changed), outside any transaction; then, in one transaction,
its articles are updated in place and the stored claims are matched to the
new ones (desktop.store.reattach plans it): a decision stays on its claim,
moves to the claim at a shifted span, or stays on a claim marked orphaned.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from desktop import pipeline
from desktop.claims import detector
from desktop.claims.context import sentence_spans
from desktop.ingest.model import SYNTHETIC, SourceText
from desktop.store import findings, reattach, rows, sentences, sql, writing
from desktop.store.records import Progress, RedetectReport


def outdated(db: Database) -> int:
    """How many stored documents an older detector read (what `redetect` would read again).

    DETECTOR_VERSION follows the detector's behaviour (see
    desktop/claims/detector.py), so a document with another version may hold
    claims this detector would not find, or lack some it would: the window
    offers re-detection when this is not zero.
    """
    found = sql.rows(
        db,
        "SELECT COUNT(*) AS n FROM documents WHERE complete AND detector_version != ?",
        [detector.DETECTOR_VERSION],
    )
    return int(found[0]["n"])


def redetect(db: Database, *, force: bool = False, progress: Progress | None = None) -> RedetectReport:
    """Run the current detector over stored documents whose claims an older one made."""
    version = detector.DETECTOR_VERSION
    documents = sql.rows(
        db,
        "SELECT id, file_name FROM documents WHERE complete AND (? OR detector_version != ?) ORDER BY id",
        [int(force), version],
    )
    report = RedetectReport(detector_version=version)
    for done, document in enumerate(documents):
        if progress is not None:
            progress(done, len(documents), document["file_name"])
        report = _add(report, _redetect_document(db, int(document["id"]), version))
    if progress is not None:
        progress(len(documents), len(documents), "")
    return report


def _redetect_document(db: Database, document_id: int, version: str) -> RedetectReport:
    document = sql.rows(db, "SELECT * FROM documents WHERE id = ?", [document_id])[0]
    source = SourceText(
        path=Path(document["path"]),
        text=document["source_text"],
        encoding=document["encoding"],
        dropped_cr=rows.unpack_ints(document["dropped_cr"]),
    )
    result = pipeline.process_source(source)
    with sql.transaction(db):
        # Read before the articles change: a claim left orphaned keeps the
        # sentence it had, which its article may no longer hold.
        stored_rows = sentences.fill(
            db,
            sql.rows(
                db,
                "SELECT c.id, c.article_id, c.source_start, c.source_end, c.text, c.value, c.manual,"
                " c.orphaned, c.sentence, c.sentence_start, c.sentence_end, d.version"
                " FROM claims c JOIN decisions d ON d.claim_id = c.id WHERE c.document_id = ?",
                [document_id],
            ),
        )
        old_sentences = {row["id"]: row["sentence"] for row in stored_rows}
        article_ids = _update_articles(db, document_id, result)
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
        _carry_out(db, plan, new_rows, source, old_sentences)
        db.execute("UPDATE documents SET detector_version = ? WHERE id = ?", [version, document_id])
        # Articles the new segmentation no longer has go, unless a kept claim still points at them.
        gone = "document_id = ? AND idx >= ? AND NOT EXISTS (SELECT 1 FROM claims c WHERE c.article_id = articles.id)"
        for table in ("findings", "article_checks"):
            db.execute(
                f"DELETE FROM {table} WHERE article_id IN (SELECT id FROM articles WHERE {gone})",
                [document_id, len(result.articles)],
            )
        db.execute(f"DELETE FROM articles WHERE {gone}", [document_id, len(result.articles)])
        # What the checks read has changed: every article of the document is checked again.
        for (article_id,) in db.execute(
            "SELECT id FROM articles WHERE document_id = ?", [document_id]
        ).fetchall():
            findings.refresh(db, int(article_id))
    return RedetectReport(
        detector_version=version,
        claims_added=len(plan.added),
        decisions_kept=sum(1 for old, _ in plan.kept if old.decided),
        decisions_reattached=len(plan.reattached),
        orphaned=len(plan.orphaned),
    )


def _update_articles(db: Database, document_id: int, result: pipeline.DocumentResult) -> list[int]:
    """Update articles in place by position (so ids, and claims' article ids, stay)."""
    existing = {
        row["idx"]: row["id"]
        for row in sql.rows(db, "SELECT id, idx FROM articles WHERE document_id = ?", [document_id])
    }
    ids: list[int] = []
    for article_result in result.articles:
        row = rows.article_row(document_id, article_result.article)
        article_id = existing.get(article_result.article.index)
        if article_id is None:
            article_id = sql.insert(db, "articles", row)
        else:
            db.table("articles").update(article_id, row)
        ids.append(int(article_id))
    return ids


def _carry_out(
    db: Database,
    plan: reattach.Plan,
    new_rows: dict[str, dict[str, Any]],
    source: SourceText,
    old_sentences: dict[str, str],
) -> None:
    updated_fields = [k for k in next(iter(new_rows.values()), {}) if k not in ("id", "manual")]
    for _, new in plan.kept:
        row = new_rows[new.id]
        db.execute(
            f"UPDATE claims SET {', '.join(f'{k} = ?' for k in updated_fields)} WHERE id = ?",
            [*(row[k] for k in updated_fields), new.id],
        )
        # A re-segmented page can move a span to another article.
        db.execute("UPDATE decisions SET article_id = ? WHERE claim_id = ?", [row["article_id"], new.id])
    writing.insert_claim_rows(db, [new_rows[f.id] for f in plan.added])
    for old, new in plan.reattached:
        # The new claim takes over the old one's decision row (and its
        # version), so a stale editor is still caught after re-detection.
        db.table("claims").insert(new_rows[new.id])
        db.execute("UPDATE decisions SET claim_id = ? WHERE claim_id = ?", [new.id, old.id])
        db.execute("UPDATE claim_sources SET claim_id = ? WHERE claim_id = ?", [new.id, old.id])
        db.execute("DELETE FROM claims WHERE id = ?", [old.id])
        sql.audit(
            db,
            "",
            new.id,
            "reattach",
            {"claim_id": old.id, "text": old.text, "source_start": old.source_start},
            {"claim_id": new.id, "text": new.text, "source_start": new.source_start},
        )
    for old in plan.orphaned:
        sql.audit(db, "", old.id, "orphan", {"orphaned": False}, {"orphaned": True})
    for old in (*plan.orphaned, *plan.still_orphaned, *plan.untouched_manual):
        _place_in_article(db, old, source, old_sentences[old.id])
    for old in plan.dropped:
        db.execute("DELETE FROM claim_sources WHERE claim_id = ?", [old.id])
        db.execute("DELETE FROM decisions WHERE claim_id = ?", [old.id])
        db.execute("DELETE FROM claims WHERE id = ?", [old.id])


def _place_in_article(db: Database, old: reattach.Stored, source: SourceText, sentence: str) -> None:
    """Mark an unmatched claim orphaned (unless manual) and re-find its span in the new display text."""
    article = sql.rows(db, "SELECT text, offsets FROM articles WHERE id = ?", [old.article_id])[0]
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
    db.execute(
        f"UPDATE claims SET {', '.join(f'{k} = ?' for k in sets)} WHERE id = ?", [*sets.values(), old.id]
    )


def _add(a: RedetectReport, b: RedetectReport) -> RedetectReport:
    return RedetectReport(
        detector_version=a.detector_version,
        claims_added=a.claims_added + b.claims_added,
        decisions_kept=a.decisions_kept + b.decisions_kept,
        decisions_reattached=a.decisions_reattached + b.decisions_reattached,
        orphaned=a.orphaned + b.orphaned,
    )
