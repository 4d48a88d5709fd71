"""How numbers are written: the 13 rules of docs/number-usage.md, one module each.

Each rule reads the article's display text (rules 2 and 3 also the relations
found in it, since they are about figures the text relates) and returns
Findings with the rule number, the span, and a suggested fix.  They stay quiet
on the near-misses the page lists: a false alarm costs an editor's trust as
much as a miss.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from desktop.checks.model import Finding
from desktop.checks.usage import (
    r01_bei_decrease,
    r02_bei_reading,
    r03_points,
    r04_ranges,
    r05_double_approx,
    r06_adjacent,
    r07_zero,
    r08_years,
    r09_magnitudes,
    r10_mixed_forms,
    r11_leading_zero,
    r12_grouping,
    r13_fixed,
)

Rule = Callable[[str, Sequence[Finding]], list[Finding]]


def _text_only(find: Callable[[str], list[Finding]]) -> Rule:
    return lambda text, _relations: find(text)


RULES: dict[int, Rule] = {
    1: _text_only(r01_bei_decrease.find),
    2: r02_bei_reading.find,
    3: r03_points.find,
    4: _text_only(r04_ranges.find),
    5: _text_only(r05_double_approx.find),
    6: _text_only(r06_adjacent.find),
    7: _text_only(r07_zero.find),
    8: _text_only(r08_years.find),
    9: _text_only(r09_magnitudes.find),
    10: _text_only(r10_mixed_forms.find),
    11: _text_only(r11_leading_zero.find),
    12: _text_only(r12_grouping.find),
    13: _text_only(r13_fixed.find),
}


def find_usage(text: str, relations: Sequence[Finding] = ()) -> list[Finding]:
    """Every usage breach in an article's display text, in text order (one flag per span and rule)."""
    findings: list[Finding] = []
    seen: set[tuple[int, int, int]] = set()
    for rule in RULES.values():
        for finding in rule(text, relations):
            key = (finding.rule, finding.start, finding.end)
            if key not in seen:
                seen.add(key)
                findings.append(finding)
    return sorted(findings, key=lambda f: (f.start, f.rule))
