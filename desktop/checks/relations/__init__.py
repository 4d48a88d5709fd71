"""Arithmetic relations an article states about its own figures.

One module per kind (sum, change, share, average); each reads the article's
claims in their sentences and returns Findings.  `find_relations` runs them
all and keeps one finding per stated figure: the first module to explain a
figure wins, in the order below (the more specific shapes first).
"""

from __future__ import annotations

from collections.abc import Sequence

from desktop.checks.model import Finding
from desktop.checks.relations import accrual, average, change, share
from desktop.checks.relations import sum as sum_
from desktop.checks.text import ArticleText
from desktop.claims.model import Claim

_FINDERS = (change.find, accrual.find, sum_.find, share.find, average.find)


def find_relations(text: str, claims: Sequence[Claim]) -> list[Finding]:
    article = ArticleText(text, claims)
    return relations_in(article)


def relations_in(article: ArticleText) -> list[Finding]:
    findings: list[Finding] = []
    seen: set[tuple[str, int, int, tuple[int, ...]]] = set()
    stated: set[tuple[int, int]] = set()
    for finder in _FINDERS:
        for finding in finder(article):
            key = (finding.check, finding.start, finding.end, tuple(o.start for o in finding.operands))
            # One explanation per stated figure: a share that the sum already
            # explains (or the same change found twice) is not said again.
            if key in seen or (finding.start, finding.end) in stated:
                continue
            seen.add(key)
            stated.add((finding.start, finding.end))
            findings.append(finding)
    return sorted(findings, key=lambda f: (f.start, f.end))
