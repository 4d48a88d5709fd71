"""The dev release pairs (tests/data/release_pairs), scored as issue 13 §3 sets the goals."""

from __future__ import annotations

from pairs_score import DATA, score

from desktop.checks.release import match_release
from desktop.checks.release.document import placed
from desktop.pipeline import process_file


def test_dev_pairs_meet_the_goals() -> None:
    result = score()
    assert result.figures == 136
    summary = f"right {result.right}/{result.figures}, discrepancies {result.odd_right}/{result.odd}"
    assert result.wrong_confirms == 0, result.misses
    assert result.right_share >= 0.95, (summary, result.misses)
    assert result.discrepancy_share >= 0.8, (summary, result.misses)


BLIND = DATA.parent / "release_pairs_blind"


def test_blind_pairs_meet_the_goals() -> None:
    """The blind batch (tests/data/release_pairs_blind, 183 figures), written by someone who never read the matcher.

    First measured, before any rule was written for it: right 0.874
    (160/183), discrepancies 0.825 (52/63), wrong confirms 3.  Its README
    records the same line.  Held here at the goals of issue 13 §3.
    """
    result = score(BLIND)
    assert result.figures == 183
    summary = f"right {result.right}/{result.figures}, discrepancies {result.odd_right}/{result.odd}"
    assert result.wrong_confirms == 0, result.misses
    assert result.right_share >= 0.95, (summary, result.misses)
    assert result.discrepancy_share >= 0.8, (summary, result.misses)


def test_every_figure_of_a_text_finds_itself() -> None:
    """Matched against itself, each figure is `same` as itself, however often its value recurs (15%, 129.62)."""
    for path in sorted(DATA.glob("*.txt")):
        document = placed(process_file(path))
        for m in match_release(document.text, document.claims, document.text, document.claims):
            if m.figure.unclear or m.figure.kind == "rank":
                continue  # an unclear figure is never confirmed; a rank has no metric words
            assert m.match == "same" and m.source is not None, (path.name, m.figure.text)
            assert m.source.start == m.figure.start, (path.name, m.figure.text)
