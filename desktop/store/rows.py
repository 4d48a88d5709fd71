"""Conversions between Python values and what the tables hold.

Decimals are stored as plain decimal text (never float, never exponent
notation), offset maps as little-endian int32 arrays, lists as JSON.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from array import array
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

from desktop.claims import lexicon
from desktop.claims.model import Claim
from desktop.ingest.model import Article
from desktop.store.records import ArticlePart, ArticleSummary, ClaimView, DocumentInfo

Row = Mapping[str, Any]


def now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds")


def decimal_text(value: Decimal) -> str:
    # format "f" keeps 1E+4 from being stored as exponent notation.
    return format(value, "f")


def optional_decimal(text: str | None) -> Decimal | None:
    return None if text is None or text == "" else Decimal(text)


def pack_ints(values: Sequence[int]) -> bytes:
    packed = array("i", values)
    if sys.byteorder == "big":  # one byte order on disk, so a database file can move between machines
        packed.byteswap()
    return packed.tobytes()


def unpack_ints(blob: bytes | None) -> tuple[int, ...]:
    packed = array("i")
    if blob:
        packed.frombytes(blob)
        if sys.byteorder == "big":
            packed.byteswap()
    return tuple(packed)


def to_json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def from_json(text: str | None) -> dict[str, object]:
    if not text:
        return {}
    loaded = json.loads(text)
    return loaded if isinstance(loaded, dict) else {"value": loaded}


def parts_from_json(text: str | None) -> tuple[ArticlePart, ...]:
    return tuple(ArticlePart(role, start, end) for role, start, end in json.loads(text or "[]"))


def article_row(document_id: int, article: Article) -> dict[str, Any]:
    return {
        "document_id": document_id,
        "idx": article.index,
        "headline": article.headline,
        "deck": article.deck,
        "byline": article.byline,
        "date": article.date,
        "text": article.text,
        "offsets": pack_ints(article.offsets),
        "parts": to_json([[p.role, p.start, p.end] for p in article.parts]),
    }


def claim_row(
    claim: Claim, article_id: int, document_id: int, version: str, sentence: Mapping[str, Any]
) -> dict[str, Any]:
    """A claims row; `sentence` holds its sentence columns (desktop.store.sentences)."""
    return {
        "id": claim.id,
        "article_id": article_id,
        "document_id": document_id,
        "span_start": claim.start,
        "span_end": claim.end,
        "source_start": claim.source_start,
        "source_end": claim.source_end,
        "text": claim.text,
        "value": decimal_text(claim.value),
        "value_low": None if claim.value_low is None else decimal_text(claim.value_low),
        "unit": claim.unit,
        "kind": claim.kind,
        "approx": claim.approx,
        "subject": claim.subject,
        "time": claim.time,
        "place": claim.place,
        "sentence": sentence["sentence"],
        "sentence_start": sentence["sentence_start"],
        "sentence_end": sentence["sentence_end"],
        "detector_version": version,
        "orphaned": 0,
        "manual": 0,
    }


def claim_view(row: Row) -> ClaimView:
    return ClaimView(
        id=row["id"],
        article_id=row["article_id"],
        document_id=row["document_id"],
        start=row["span_start"],
        end=row["span_end"],
        source_start=row["source_start"],
        source_end=row["source_end"],
        text=row["text"],
        value=Decimal(row["value"]),
        value_low=optional_decimal(row["value_low"]),
        unit=row["unit"],
        kind=row["kind"],
        approx=row["approx"],
        subject=row["subject"],
        time=row["time"],
        place=row["place"],
        sentence=row["sentence"],
        detector_version=row["detector_version"],
        orphaned=bool(row["orphaned"]),
        manual=bool(row["manual"]),
        status=row["status"],
        reason=row["reason"],
        corrected_value=optional_decimal(row["corrected_value"]),
        corrected_unit=row["corrected_unit"],
        sources=tuple(json.loads(row["sources"] or "[]")),
        note=row["note"],
        editor=row["editor"],
        decided_at=row["decided_at"],
        seconds_spent=row["seconds_spent"],
        version=row["version"],
    )


def decision_dict(claim: ClaimView) -> dict[str, object]:
    """The decision part of a claim, as the audit log records it."""
    return {
        "status": claim.status,
        "reason": claim.reason,
        "corrected_value": None if claim.corrected_value is None else decimal_text(claim.corrected_value),
        "corrected_unit": claim.corrected_unit,
        "sources": list(claim.sources),
        "note": claim.note,
        "editor": claim.editor,
        "decided_at": claim.decided_at,
        "seconds_spent": claim.seconds_spent,
        "version": claim.version,
    }


def article_summary(row: Row) -> ArticleSummary:
    return ArticleSummary(
        id=row["id"],
        document_id=row["document_id"],
        file_name=row["file_name"],
        index=row["idx"],
        headline=row["headline"],
        byline=row["byline"],
        date=row["date"] or row["publication_date"] or "",
        claims=row["claims"],
        pending=row["pending"],
        confirmed=row["confirmed"],
        corrected=row["corrected"],
        rejected=row["rejected"],
    )


def document_info(row: Row) -> DocumentInfo:
    return DocumentInfo(
        id=row["id"],
        file_name=row["file_name"],
        path=row["path"],
        content_hash=row["content_hash"],
        encoding=row["encoding"],
        imported_at=row["imported_at"],
        publication_date=row["publication_date"] or "",
        version=row["version"],
    )


def guess_kind(unit: str) -> str:
    """The claim kind a unit suggests, for claims an editor marks by hand."""
    if unit in lexicon.PERCENT_UNITS or unit.startswith(("%", "％")):
        return "percent"
    if unit.endswith(lexicon.MONEY_UNITS):
        return "money"
    if unit in lexicon.CHANGE_UNITS:
        return "change"
    if unit in lexicon.DURATION_UNITS:
        return "duration"
    if unit in lexicon.MEASURE_UNITS:
        return "measure"
    return "count"


def snippet(text: str, needle: str, width: int = 30) -> str:
    """Some context around the first occurrence of needle (case-insensitive), else the start."""
    at = text.casefold().find(needle.casefold())
    if at < 0:
        return text[: 2 * width].replace("\n", " ")
    start = max(0, at - width)
    end = min(len(text), at + len(needle) + width)
    return ("…" if start else "") + text[start:end].replace("\n", " ") + ("…" if end < len(text) else "")
