"""Repeats among whole files, placed in the decoded files as `factdesk check` reports them.

Each article of each file is a document for `find_repeats` (named by its
file); every operand of a repeat is a claim, so its place in its file is the
claim's own source span, whichever article or file it is in.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from desktop.checks.model import Finding
from desktop.checks.repeats.find import Document, find_repeats
from desktop.pipeline import ArticleResult, DocumentResult


@dataclass(frozen=True)
class PlacedRepeat:
    """A repeat finding of one article of a file, its spans placed in the decoded files."""

    file: str
    article: ArticleResult
    finding: Finding
    source_span: tuple[int, int]
    operand_spans: tuple[tuple[int, int], ...]  # one per operand, in its own file
    operand_files: tuple[str, ...]  # one per operand: its file when not `file`, else ""


def repeats_of_files(files: Sequence[tuple[str, DocumentResult]]) -> list[PlacedRepeat]:
    """Every repeat and conflict among the articles of `files` ((name, result) pairs)."""
    documents: list[Document] = []
    owners: list[tuple[str, ArticleResult]] = []
    spans: dict[str, tuple[int, int]] = {}
    for name, result in files:
        for article in result.articles:
            documents.append((name, article.article.text, article.claims))
            owners.append((name, article))
            spans.update((c.id, (c.source_start, c.source_end)) for c in article.claims if c.id)
    placed = []
    for (name, article), findings in zip(owners, find_repeats(documents), strict=True):
        by_position = {(c.start, c.end): c for c in article.claims}
        for finding in findings:
            own = by_position.get((finding.start, finding.end))
            placed.append(
                PlacedRepeat(
                    file=name,
                    article=article,
                    finding=finding,
                    source_span=(own.source_start, own.source_end) if own else (-1, -1),
                    operand_spans=tuple(spans.get(o.claim_id, (-1, -1)) for o in finding.operands),
                    operand_files=tuple(
                        "" if o.document in ("", name) else o.document for o in finding.operands
                    ),
                )
            )
    return placed
