"""A whole file as one text, its claims placed in it, for matching.

The pipeline splits a file into articles and gives each claim offsets into
its article's display text (`start`/`end`) and into the decoded file
(`source_start`/`source_end`, CRs of CRLF counted).  A release is matched as
a whole file (its title, body and tables may land in several articles), so
its claims are placed in the file's normalised text; `file_offset` turns an
offset there into one of the decoded file, as `factdesk detect` reports.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from desktop.claims.model import Claim
from desktop.pipeline import DocumentResult


@dataclass(frozen=True)
class PlacedDocument:
    """A file's normalised text and its claims, `start`/`end` indexing that text."""

    result: DocumentResult
    text: str
    claims: tuple[Claim, ...]

    def file_offset(self, offset: int) -> int:
        """The offset in the decoded file of an offset into `text`."""
        return self.result.source.raw_offset(offset)


def placed(result: DocumentResult) -> PlacedDocument:
    claims = []
    for article_result, claim in result.claims():
        start, end = article_result.article.source_span(claim.start, claim.end)
        claims.append(replace(claim, start=start, end=end))
    return PlacedDocument(result, result.source.text, tuple(claims))
