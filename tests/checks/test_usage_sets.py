"""Usage rules on sentences written for the tests: goals of issue 12 §2."""

from __future__ import annotations

from usage_sets import correct_texts, score_seeded, seeded, usage_flags


def test_the_sets_are_what_they_say() -> None:
    cases = seeded()
    assert {int(str(c["rule"])) for c in cases} == set(range(1, 14))
    assert len(correct_texts()) == 80


def test_seeded_sentences_precision_and_recall() -> None:
    score = score_seeded()
    assert score.precision >= 0.9, score.wrong
    assert score.recall >= 0.8, score.missed


def test_at_most_four_flags_on_eighty_correct_texts() -> None:
    flagged = [(f.rule, text[f.start : f.end], text) for text in correct_texts() for f in usage_flags(text)]
    assert len(flagged) <= 4, flagged
