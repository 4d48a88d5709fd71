"""Findings for a whole file, with spans in the decoded file.

The checks work on an article's display text; the command line, the store
and the workbook speak of the file as the editor received it, so every span
is mapped back the way the pipeline maps claims (`Article.source_span`, then
`SourceText.raw_offset` for CRLF files).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from desktop.checks import check_article
from desktop.checks.model import Finding
from desktop.ingest.model import Article, SourceText
from desktop.pipeline import ArticleResult, DocumentResult

NOWHERE = (-1, -1)


@dataclass(frozen=True)
class PlacedFinding:
    """A finding of one article of a file, its spans placed in the decoded file."""

    article: ArticleResult
    finding: Finding
    source_span: tuple[int, int]  # the finding's own span (the stated figure, or the usage breach)
    operand_spans: tuple[tuple[int, int], ...]  # one per operand, in order


def check_document(result: DocumentResult) -> list[PlacedFinding]:
    return list(iter_document(result))


def iter_document(result: DocumentResult) -> Iterator[PlacedFinding]:
    for article_result in result.articles:
        article = article_result.article
        for finding in check_article(article.text, article_result.claims):
            yield PlacedFinding(
                article=article_result,
                finding=finding,
                source_span=place(article, result.source, finding.start, finding.end),
                operand_spans=tuple(place(article, result.source, o.start, o.end) for o in finding.operands),
            )


def place(article: Article, source: SourceText, start: int, end: int) -> tuple[int, int]:
    """A display span as offsets in the decoded file; NOWHERE for text the pipeline inserted."""
    try:
        first, last = article.source_span(start, end)
    except ValueError:
        return NOWHERE
    return source.raw_offset(first), source.raw_offset(last)
