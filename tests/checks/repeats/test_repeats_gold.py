"""The seed pages' repeats scored in CI against the relation gold copied in tests/data/relations."""

from __future__ import annotations

from repeat_gold import DATA, load_gold, predictions, score

from desktop.paths import seed_files


def test_seed_repeats_meet_the_goals() -> None:
    files = sorted(seed_files())
    assert len(files) == 5
    preds, texts, articles = predictions(files)
    result = score(load_gold(DATA / "seeds.relations.jsonl"), preds, texts, articles)
    assert result.stated == 31
    missed = [[o["text"] for o in g["operands"]] for g in result.missed]  # type: ignore[union-attr]
    assert result.recall >= 0.9, missed
    assert result.verdict >= 0.98, result.wrong
    assert result.false_flags_per_10 <= 1.0, [(p.file, p.message, p.spans) for p in result.false_flags]


def test_no_seed_near_miss_is_a_conflict() -> None:
    """Other periods (上半年 / 1—8月, 2022 / 2023), places, scopes and subsets: none is flagged."""
    gold = [g for g in load_gold(DATA / "seeds.relations.jsonl") if g["relation"] == "none"]
    assert len(gold) == 28
    preds, texts, articles = predictions(sorted(seed_files()))
    assert not score(gold, preds, texts, articles).false_flags
