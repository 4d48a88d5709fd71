"""Which stored claim becomes which newly detected claim after re-detection.

A decision is an editor's work and is never thrown away.  When a new
detector runs over a stored document, each stored claim is matched to a
claim of the new run:

1. the same id (same span and text): the claim was found again, decision kept;
2. else, in the same article, an overlapping source span with the same text
   (whitespace ignored) or the same value: the decision moves to the new
   claim ("reattach");
3. else a decided claim stays, marked orphaned; a claim nobody touched (its
   decision still at version 0) is dropped, and a claim an editor added by
   hand is left alone.

This module only plans; the service carries the plan out in one transaction.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Stored:
    id: str
    article_id: int
    source_start: int
    source_end: int
    text: str
    value: Decimal
    decided: bool  # its decision was ever changed (version > 0)
    manual: bool
    orphaned: bool


@dataclass(frozen=True)
class Found:
    id: str
    article_id: int
    source_start: int
    source_end: int
    text: str
    value: Decimal


@dataclass
class Plan:
    kept: list[tuple[Stored, Found]] = field(default_factory=list)
    reattached: list[tuple[Stored, Found]] = field(default_factory=list)
    orphaned: list[Stored] = field(default_factory=list)  # newly orphaned
    still_orphaned: list[Stored] = field(default_factory=list)
    untouched_manual: list[Stored] = field(default_factory=list)
    dropped: list[Stored] = field(default_factory=list)
    added: list[Found] = field(default_factory=list)


def plan(stored: Sequence[Stored], found: Sequence[Found]) -> Plan:
    result = Plan()
    found_by_id = {f.id: f for f in found}
    taken: set[str] = set()
    left: list[Stored] = []
    for old in stored:
        new = found_by_id.get(old.id)
        if new is not None:
            result.kept.append((old, new))
            taken.add(new.id)
        else:
            left.append(old)

    for old in sorted(left, key=lambda s: (s.article_id, s.source_start, s.source_end)):
        if old.manual:
            result.untouched_manual.append(old)
            continue
        if not old.decided:
            result.dropped.append(old)
            continue
        best = _best_match(old, [f for f in found if f.id not in taken])
        if best is not None:
            result.reattached.append((old, best))
            taken.add(best.id)
        elif old.orphaned:
            result.still_orphaned.append(old)
        else:
            result.orphaned.append(old)

    result.added = [f for f in found if f.id not in taken]
    return result


def _squash(text: str) -> str:
    return _SPACE.sub("", text)


def _best_match(old: Stored, candidates: Sequence[Found]) -> Found | None:
    best: tuple[int, int, int] | None = None
    chosen: Found | None = None
    for new in candidates:
        if new.article_id != old.article_id:
            continue
        overlap = min(old.source_end, new.source_end) - max(old.source_start, new.source_start)
        if overlap <= 0:
            continue
        same_text = _squash(new.text) == _squash(old.text)
        if not same_text and new.value != old.value:
            continue
        # Same text beats same value; then more overlap; then the nearer start.
        score = (int(same_text), overlap, -abs(new.source_start - old.source_start))
        if best is None or score > best:
            best, chosen = score, new
    return chosen
