"""A claim's sentence, kept once: offsets into its article's text, not a copy per claim.

Claims cluster in sentences, so a copy per claim stored (and read back) each
sentence once per claim in it; one long line with 10,000 claims made a
1.1 GB database.  A claim row keeps `sentence_start`/`sentence_end` into
`articles.text`; readers get the text back by slicing the article, fetched
once per article however many of its claims are read.  The `sentence` column
holds text only when there is nothing to point at: a sentence no longer in
its article (a claim orphaned by re-detection of a changed page), or one a
caller's claim brought that is not in the article at all.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlite_utils import Database

from desktop.claims.context import sentence_spans
from desktop.claims.model import Claim

# Bound on the ids in one `IN (...)` list (SQLite allows 32,766 parameters).
_IDS_PER_QUERY = 500


def columns(text: str, claims: Sequence[Claim]) -> list[dict[str, Any]]:
    """The sentence columns of each claim of the article whose display text is `text`."""
    spans = sentence_spans(text, [(claim.start, claim.end) for claim in claims])
    return [
        located(text, claim.sentence, start, end) for claim, (start, end) in zip(claims, spans, strict=True)
    ]


def located(text: str, sentence: str, start: int, end: int) -> dict[str, Any]:
    """Offsets when text[start:end] is the sentence, else the sentence itself."""
    if end > start and text[start:end] == sentence:
        return {"sentence_start": start, "sentence_end": end, "sentence": ""}
    return {"sentence_start": 0, "sentence_end": 0, "sentence": sentence}


def _points(row: dict[str, Any]) -> bool:
    return bool(row["sentence_end"] > row["sentence_start"])


def fill(db: Database, claim_rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Put each claim row's sentence text in row["sentence"], reading each article's text once."""
    wanted = sorted({row["article_id"] for row in claim_rows if _points(row)})
    texts: dict[int, str] = {}
    for first in range(0, len(wanted), _IDS_PER_QUERY):
        chunk = wanted[first : first + _IDS_PER_QUERY]
        marks = ", ".join("?" for _ in chunk)
        for article_id, text in db.execute(f"SELECT id, text FROM articles WHERE id IN ({marks})", chunk):
            texts[article_id] = text
    for row in claim_rows:
        if _points(row):
            row["sentence"] = texts[row["article_id"]][row["sentence_start"] : row["sentence_end"]]
    return claim_rows
