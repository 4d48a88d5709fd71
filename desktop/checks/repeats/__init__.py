"""Figures stated more than once: repeats that agree, and conflicts that do not.

    repeats.fold      Traditional characters folded to Simplified
    repeats.key       a claim's metric key: subject words, place, period, unit family, qualifiers
    repeats.match     whether two keyed figures are one figure, a rounding, a conflict or unrelated
    repeats.conflict  the strict terms of a conflict: one metric, one figure written wrong
    repeats.period_place  the same period and place, another year, another city
    repeats.find      groups and conflicts among the figures of several documents
    repeats.messages  the wording of repeat findings (zh, en)
    repeats.place     repeats among whole files, placed in the decoded files

A repeat is a Finding with check "repeat": `holds` True when the figures
agree (as written or within rounding), False for a conflict, operands
`first` and `second`.  Qt-free.
"""

from __future__ import annotations

from desktop.checks.repeats.find import (
    REPEAT,
    Document,
    buckets,
    find_repeats,
    find_repeats_in_article,
    metric_keys,
)
from desktop.checks.repeats.place import PlacedRepeat, repeats_of_files

__all__ = [
    "REPEAT",
    "Document",
    "PlacedRepeat",
    "buckets",
    "find_repeats",
    "find_repeats_in_article",
    "metric_keys",
    "repeats_of_files",
]
