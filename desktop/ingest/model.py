"""Records the ingest pipeline produces: a decoded source file and its articles.

Every character of an article's display text knows where it came from in the
decoded source file, so a span found in the display text can always be shown
(and checked) in the file as the editor received it.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from pathlib import Path

# Offset used for characters the pipeline inserts (the line break between a
# headline and the body, say); they have no counterpart in the source.
SYNTHETIC = -1

ROLES = ("headline", "deck", "byline", "subhead", "body", "furniture")


@dataclass(frozen=True)
class SourceText:
    """A file's decoded text, exactly as the score tool and an editor see it.

    `text` has any byte-order mark removed and line endings normalised to
    ``\\n``; `encoding` names the codec that decoded it (``utf-8``,
    ``utf-8-sig``, ``utf-16``, ``gb18030`` or ``docx``).
    """

    path: Path
    text: str
    encoding: str
    # Positions in `text` where a CRLF was shortened to LF (see raw_offset).
    dropped_cr: tuple[int, ...] = ()

    def raw_offset(self, offset: int) -> int:
        """The offset in the decoded file, before line endings were normalised.

        `factdesk detect` reports these, so ``decoded[start:end]`` is the span
        as it stands in the file even for Windows (CRLF) files.
        """
        if not self.dropped_cr:
            return offset
        return offset + bisect.bisect_right(self.dropped_cr, offset - 1)


@dataclass(frozen=True)
class Part:
    """A stretch of an article's display text with the role it plays."""

    role: str  # one of ROLES
    start: int
    end: int


@dataclass(frozen=True)
class Article:
    """One article of a page, its layout repaired.

    `text` is the display text: headline, deck, byline and body paragraphs
    (subheads included) joined by ``\\n``, in reading order.  `offsets[i]` is
    the index in the decoded source of ``text[i]`` (or SYNTHETIC).
    """

    index: int
    headline: str
    deck: str
    byline: str
    date: str  # the dateline date as written, e.g. "9月13日"; "" when none
    text: str
    offsets: tuple[int, ...]
    parts: tuple[Part, ...]

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a display span [start, end) to the source span it came from."""
        real = [o for o in self.offsets[start:end] if o != SYNTHETIC]
        if not real:
            raise ValueError(f"span {start}:{end} has no source characters")
        return min(real), max(real) + 1

    def part_at(self, position: int) -> Part | None:
        for part in self.parts:
            if part.start <= position < part.end:
                return part
        return None


@dataclass(frozen=True)
class Page:
    """A decoded file split into articles (plus any page furniture)."""

    source: SourceText
    articles: tuple[Article, ...]
    furniture: tuple[Article, ...] = field(default=())
