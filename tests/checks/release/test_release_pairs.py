"""The dev release pairs (tests/data/release_pairs), scored as issue 13 §3 sets the goals."""

from __future__ import annotations

from pairs_score import score


def test_dev_pairs_meet_the_goals() -> None:
    result = score()
    assert result.figures == 136
    summary = f"right {result.right}/{result.figures}, discrepancies {result.odd_right}/{result.odd}"
    assert result.wrong_confirms == 0, result.misses
    assert result.right_share >= 0.95, (summary, result.misses)
    assert result.discrepancy_share >= 0.8, (summary, result.misses)
