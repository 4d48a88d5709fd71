"""The dev gold for the seed pages, scored in CI (copied to tests/data/relations)."""

from __future__ import annotations

from relation_gold import DATA, load_gold, predictions, score

from desktop.paths import seed_files


def test_seed_relations_meet_the_goals() -> None:
    files = sorted(seed_files())
    assert len(files) == 5
    gold = load_gold(DATA / "seeds.relations.jsonl")
    preds, texts, articles = predictions(files)
    result = score(gold, preds, texts, articles)
    missed = [[o["text"] for o in g["operands"]] for g in result.missed]  # type: ignore[union-attr]
    assert result.stated == 11
    assert result.recall >= 0.9, missed
    assert result.verdict >= 0.98, result.wrong
    assert result.false_flags_per_10 <= 1.0, [(p.file, p.check, p.message) for p in result.false_flags]


def test_no_seed_near_miss_is_flagged() -> None:
    """The 28 near-misses: figures that look related but are not; none may be flagged."""
    files = sorted(seed_files())
    gold = [g for g in load_gold(DATA / "seeds.relations.jsonl") if g["relation"] == "none"]
    assert len(gold) == 28
    preds, texts, articles = predictions(files)
    result = score(gold, preds, texts, articles)
    assert not result.false_flags
