"""The swap stress test (swap_stress.py) on the dev and blind pairs: wrong confirms may only go down.

A figure of the article replaced by another figure of its release is the
release's figure stated wrongly; confirming it tells the editor the release
backs a figure it does not.  The ceilings are the counts reached so far;
lower one whenever a rule brings the count down.

First measured, before any rule against swaps (passage+unit: the kinds the
rules were written against; passage2+unit2+far: kinds added afterwards, to
see whether the rules generalise):

    dev    passage+unit 15 of 107   passage2+unit2+far 15 of 126
    blind  passage+unit 11 of 154   passage2+unit2+far 10 of 188

Brought down by, in turn: a count's one-character noun after it; the words
naming another release figure better (checks.release.naming: a qualifier
the article does not state, a whole and its part, a sentence telling
another figure); 累计 and item numbers no metric words; a neighbour
anchoring only through its own match (matcher._verified); a results
table's later level columns being earlier periods; a gloss leading its
clause as the figure it restates; a release clause of words the article
never uses; a bare classifier's noun (this last one written after looking
at the later kinds: they stood at dev 4, blind 7 before it); a change
matched where its level is (dev later 4 -> 1; also written after looking);
a list stated respectively (分别, dev first 2 -> 1); an amount per share
never a total (dev later 1 -> 0).

The blind kinds (alike+otherunit+shift) were written and measured once
before the rules against the later kinds' last wrong confirms:

    dev    alike+otherunit+shift 14 of 174   (alike 1, otherunit 13, shift 0)
    blind  alike+otherunit+shift 24 of 289   (alike 4, otherunit 20, shift 0)

Ten of dev's otherunit ones stated the gold figure rightly in another unit
(61791万吨(12358亿斤), 增加1千人或0.01%, 增加166万吨，增长0.3%), so
otherunit now skips those partners (dev 172 swaps; blind kept its 289 and
its 20).  The rules against the later kinds' last wrong confirms took
alike to 0 on both; otherunit then fell to 3 on dev and stayed at 20 on
blind, until words naming a release figure of another unit (失业率45万4千人
names the rate) were read as naming it: dev 0, blind 4; and a release figure
stated twice in a passage going to the figure its words name: blind 3.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest
from swap_stress import BLIND, BLIND_KINDS, DATA, FIRST_KINDS, LATER_KINDS, Outcome, run


def _wrong(outcomes: list[Outcome]) -> list[str]:
    return [
        f"{o.swap.pair} [{o.swap.kind}] {o.swap.original} -> {o.swap.replacement}: {o.match}"
        for o in outcomes
        if o.wrong
    ]


@pytest.mark.parametrize(
    ("data", "kinds", "swaps", "ceiling"),
    [
        (DATA, FIRST_KINDS, 107, 0),
        (DATA, LATER_KINDS, 126, 0),
        (BLIND, FIRST_KINDS, 154, 0),
        (BLIND, LATER_KINDS, 188, 0),
        (DATA, BLIND_KINDS, 172, 0),
        (BLIND, BLIND_KINDS, 289, 3),
    ],
    ids=["dev-first", "dev-later", "blind-first", "blind-later", "dev-blind-kinds", "blind-blind-kinds"],
)
def test_swapped_figures_are_not_confirmed(
    data: Path, kinds: Sequence[str], swaps: int, ceiling: int
) -> None:
    outcomes = run(data, kinds)
    assert len(outcomes) == swaps  # the generator still builds the same variants
    wrong = _wrong(outcomes)
    assert len(wrong) <= ceiling, wrong
