"""Which of several documents an article was written from.

For "let FactDesk propose the imported document": each candidate is scored
by the article figures it states (equal, or rounded from a more precise
figure, in the same unit family) and by the share of the article's words it
holds (character pairs of Simplified text, figures left out, so that script
and word segmentation do not matter).  Figures count most, and a specific
figure (three significant digits or more) more than a common one such as
5%; words break ties and keep a document on the same subject ahead of one
that shares a few percentages by chance.

No proposal when no candidate shares at least `MIN_FIGURES` worth of figures:
a wrong proposal would send the editor to check against the wrong release.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from desktop.checks.release.figure import TextFigure
from desktop.checks.release.matcher import figures_in
from desktop.checks.release.script import to_simplified
from desktop.checks.release.values import ValueIndex, value_relation
from desktop.claims.model import Claim

# Figures a proposed document must share with the article (specific ones
# count 1, common ones 0.5).
MIN_FIGURES = 2.0


@dataclass(frozen=True)
class Proposal:
    """A candidate document and what it shares with the article."""

    index: int  # the candidate's place in the list given
    figures: float  # article figures it states, weighted by how specific they are
    words: float  # share of the article's character pairs it holds, 0..1

    @property
    def score(self) -> float:
        return self.figures + self.words


def rank_documents(
    article_text: str, article_claims: Sequence[Claim], candidates: Sequence[tuple[str, Sequence[Claim]]]
) -> list[Proposal]:
    """Every candidate (text, claims) with what it shares with the article, best first."""
    article = figures_in(article_text, article_claims)
    pairs = _pairs(article_text, article)
    ranked = []
    for index, (text, claims) in enumerate(candidates):
        figures = figures_in(text, claims)
        nearby = ValueIndex(figures)
        shared = sum(
            _weight(f) for f in article if any(value_relation(f, figures[j]) for j in nearby.near(f))
        )
        words = len(pairs & _pairs(text, figures)) / len(pairs) if pairs else 0.0
        ranked.append(Proposal(index, shared, words))
    return sorted(ranked, key=lambda p: (-p.score, p.index))


def propose_document(
    article_text: str, article_claims: Sequence[Claim], candidates: Sequence[tuple[str, Sequence[Claim]]]
) -> Proposal | None:
    """The candidate the article was most likely written from, or None when none is likely."""
    ranked = rank_documents(article_text, article_claims, candidates)
    if not ranked or ranked[0].figures < MIN_FIGURES:
        return None
    return ranked[0]


def _weight(figure: TextFigure) -> float:
    return 1.0 if figure.significant_digits >= 3 else 0.5


def _pairs(text: str, figures: Sequence[TextFigure]) -> set[str]:
    masked = list(text)
    for figure in figures:
        masked[figure.start : figure.end] = " " * (figure.end - figure.start)
    plain = to_simplified("".join(masked))
    return {plain[i : i + 2] for i in range(len(plain) - 1) if _cjk(plain[i]) and _cjk(plain[i + 1])}


def _cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"
