"""What an editor adds by hand to an imported document: a claim the detector missed, the publication date."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

from sqlite_utils import Database

from desktop import pipeline
from desktop.claims.context import contexts
from desktop.claims.model import Claim
from desktop.claims.numerals import parse_quantity
from desktop.ingest.model import SYNTHETIC, SourceText
from desktop.store import findings, queries, rows, sentences, sql, writing
from desktop.store.decisions import RefusedDecision
from desktop.store.errors import UnknownArticle, UnknownDocument
from desktop.store.records import ClaimView, DocumentInfo


def add_claim(db: Database, article_id: int, start: int, end: int, editor: str) -> ClaimView:
    """A claim the detector missed, marked by an editor in the article's display text."""
    if not editor.strip():
        raise RefusedDecision("a manual claim needs the editor's name", "no-editor")
    with sql.transaction(db):
        found = sql.rows(
            db,
            "SELECT a.text, a.date, a.offsets, doc.id AS document_id, doc.content_hash, doc.dropped_cr"
            " FROM articles a JOIN documents doc ON doc.id = a.document_id WHERE a.id = ?",
            [article_id],
        )
        if not found:
            raise UnknownArticle(article_id)
        article = found[0]
        text: str = article["text"]
        if not 0 <= start < end <= len(text):
            raise RefusedDecision(
                f"span {start}:{end} is outside the article (length {len(text)})", "span-outside"
            )
        # Whitespace swept up with the mouse is not part of the claim.
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        span = text[start:end]
        try:
            value, unit = parse_quantity(span)
        except ValueError as error:
            raise RefusedDecision(f"not a number: {span!r} ({error})", "not-a-number", value=span) from error
        real = [o for o in rows.unpack_ints(article["offsets"])[start:end] if o != SYNTHETIC]
        if not real:
            raise RefusedDecision(f"{span!r} is not in the source file", "not-in-source", text=span)
        dropped = rows.unpack_ints(article["dropped_cr"])
        source = SourceText(path=Path(), text="", encoding="", dropped_cr=dropped)
        source_start, source_end = source.raw_offset(min(real)), source.raw_offset(max(real) + 1)
        # The id the detector would give this span: if a later detector
        # finds it, re-detection sees the same claim, not a duplicate.
        new_id = pipeline.claim_id(article["content_hash"], source_start, source_end, span)
        if sql.rows(db, "SELECT 1 FROM claims WHERE id = ?", [new_id]):
            raise RefusedDecision(f"{span!r} is already a claim", "already-a-claim", text=span)
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
        writing.insert_claim_rows(db, [row])
        sql.audit(db, editor.strip(), new_id, "add", {}, {"text": span, "start": start, "end": end})
        findings.refresh(db, article_id)  # the new claim may complete a relation, or break a rule
        return queries.claim(db, new_id)


def set_publication_date(db: Database, document_id: int, date: str | dt.date) -> DocumentInfo:
    """Set (or with "" clear) the date a document was published, as YYYY-MM-DD."""
    text = date.isoformat() if isinstance(date, dt.date) else date.strip()
    if text:
        try:
            text = dt.date.fromisoformat(text).isoformat()
        except ValueError as error:
            raise RefusedDecision(
                f"not a date (YYYY-MM-DD): {date!r}", "not-a-date", date=str(date)
            ) from error
    with sql.transaction(db):
        found = sql.rows(db, "SELECT publication_date FROM documents WHERE id = ?", [document_id])
        if not found:
            raise UnknownDocument(document_id)
        db.execute("UPDATE documents SET publication_date = ? WHERE id = ?", [text, document_id])
        sql.audit(
            db,
            "",
            "",
            "publication-date",
            {"document_id": document_id, "publication_date": found[0]["publication_date"]},
            {"document_id": document_id, "publication_date": text},
        )
    return next(d for d in queries.documents(db) if d.id == document_id)
