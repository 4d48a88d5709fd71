"""Checks on an article's numbers: the arithmetic it states, and how it writes them.

    checks.relations   sum, change, share, average: relations the text states
                       between its figures, recomputed (one module per kind)
    checks.usage       the 13 rules of GB/T 15835 and newsroom style
                       (docs/number-usage.md), one module per rule
    checks.model       the Finding record; checks.messages words it
    checks.document    findings of a whole file, placed in the decoded file
    checks.repeats     figures stated more than once, in one article or across
                       documents: repeats that agree, conflicts that do not

Qt-free: the command line, the store and the window all call
`check_article` or `check_document`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from desktop.checks.model import CHECK_KINDS, RELATION_KINDS, Finding, Message, Operand
from desktop.checks.relations import relations_in
from desktop.checks.repeats import REPEAT, find_repeats
from desktop.checks.text import ArticleText
from desktop.checks.usage import find_usage
from desktop.claims.model import Claim

# Raised whenever the same article can give different findings, so that
# stored check results are recomputed and the memory of figures keyed again
# (like DETECTOR_VERSION for claims).  tests/checks/test_checker_version.py
# digests what the checks report on a fixed corpus and fails when the digest
# changes and the version does not.
CHECKER_VERSION = "2"
CHECKER_FINGERPRINTS = {
    # "1" had no digest: its rules changed through issues 12 and 13 unseen.
    "2": "cb4e1e25c4ed2b369bb4203be69eb2d8d053513bac74390ec1d3d2cdbc2b3670",
}

__all__ = [
    "CHECKER_FINGERPRINTS",
    "CHECKER_VERSION",
    "CHECK_KINDS",
    "RELATION_KINDS",
    "Finding",
    "Message",
    "Operand",
    "REPEAT",
    "check_article",
    "find_repeats",
]


def check_article(text: str, claims: Sequence[Claim]) -> list[Finding]:
    """Every finding for one article: its display text and its claims (offsets into `text`)."""
    article = ArticleText(text, claims)
    relations = relations_in(article)
    usage = [_with_claims(flag, claims) for flag in find_usage(text, relations)]
    return sorted([*relations, *usage], key=lambda f: (f.start, f.end, f.check))


def _with_claims(flag: Finding, claims: Sequence[Claim]) -> Finding:
    """A usage flag names the claims it touches, so the inspector can list it under them."""
    touched = tuple(c.id for c in claims if c.id and c.start < flag.end and flag.start < c.end)
    return replace(flag, claim_ids=touched) if touched else flag
