"""A document made ready to write: every row it will add, built before (and away from) the writer.

Everything an import computes about a file but the ids SQLite gives it is
done here: segmentation, detection, context, the checks, each claim's
sentence columns and every row in the form the tables take (Decimals as
text, offsets packed).  The writer then only inserts.  In a pool the worker
processes call `prepare` and send back a PreparedDocument: plain rows pickle
and unpickle at about a fifth of the cost of the pipeline's objects
(`DocumentResult` with its Decimals and per-character offset tuples), and
the writer, the one process an import cannot spread over cores, is left
the SQL alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from desktop import pipeline
from desktop.claims.context import load_tagger
from desktop.ingest.model import SourceText
from desktop.ingest.reader import display_name, display_path
from desktop.store import findings, rows, sentences

# An article's text costs about as much to write (trigram FTS) as a claim per
# this many characters.
CHARACTERS_PER_CLAIM = 200


@dataclass(frozen=True)
class PreparedArticle:
    index: int
    row: dict[str, Any]  # its `articles` row but document_id
    claims: list[dict[str, Any]]  # its `claims` rows, article_id and document_id still 0
    # Its `findings` rows (no article_id); None when the checks failed on it
    # (logged): the article is stored unchecked, never the import refused.
    findings: list[dict[str, Any]] | None

    @property
    def text(self) -> str:
        return str(self.row["text"])

    @property
    def cost(self) -> int:
        """The work of writing it, in claims (what a write step is bounded by)."""
        return len(self.claims) + 1 + len(self.text) // CHARACTERS_PER_CLAIM


@dataclass(frozen=True)
class PreparedDocument:
    path: Path
    content_hash: str
    detector_version: str
    row: dict[str, Any]  # its `documents` row but imported_at, version and complete
    articles: tuple[PreparedArticle, ...]

    @property
    def file_name(self) -> str:
        return str(self.row["file_name"])

    @property
    def claim_count(self) -> int:
        return sum(len(article.claims) for article in self.articles)

    @property
    def cost(self) -> int:
        return sum(article.cost for article in self.articles)

    def found(self) -> list[tuple[int, str, int, int, str, Decimal]]:
        """(article index, claim id, span start, span end, text, value) of every claim, in order."""
        return [
            (article.index, row["id"], row["span_start"], row["span_end"], row["text"], Decimal(row["value"]))
            for article in self.articles
            for row in article.claims
        ]


def prepare(source: SourceText) -> PreparedDocument:
    """Segment, detect and check one decoded file, and build its rows; raises what the pipeline raises."""
    return from_result(pipeline.process_source(source))


def from_result(result: pipeline.DocumentResult, version: str | None = None) -> PreparedDocument:
    """The rows of a processed document, as detector `version` (default: the result's own)."""
    version = result.detector_version if version is None else version
    source = result.source
    checked = findings.document_rows(result)
    articles = []
    for article_result in result.articles:
        article = article_result.article
        claims = article_result.claims
        found = checked.get(article.index)
        if found is not None:
            for finding in found:
                finding["detector_version"] = version
        articles.append(
            PreparedArticle(
                index=article.index,
                row=rows.article_row(0, article),
                claims=[
                    rows.claim_row(claim, 0, 0, version, sentence)
                    for claim, sentence in zip(claims, sentences.columns(article.text, claims), strict=True)
                ],
                findings=found,
            )
        )
    return PreparedDocument(
        path=source.path,
        content_hash=result.content_hash,
        detector_version=version,
        row={
            # SQLite takes only valid UTF-8: a GBK file name is stored as shown.
            "file_name": display_name(source.path),
            "path": display_path(source.path),
            "content_hash": result.content_hash,
            "encoding": source.encoding,
            "publication_date": "",
            "source_text": source.text,
            "dropped_cr": rows.pack_ints(source.dropped_cr),
            "detector_version": version,
        },
        articles=tuple(articles),
    )


def start_worker() -> None:
    """A pool worker's first task: the word tagger, made once (about a second) before any file."""
    load_tagger()
