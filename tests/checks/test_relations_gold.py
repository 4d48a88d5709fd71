"""Relation gold scored in CI: the seed pages, and the held-out news texts."""

from __future__ import annotations

from pathlib import Path

import pytest
from relation_gold import DATA, Score, load_gold, predictions, score

from desktop.paths import seed_files

SHARED_PAIRS = Path(__file__).resolve().parents[2].parent / "shared" / "gold" / "release-pairs"


def _score(gold_file: str, files: list[Path]) -> Score:
    preds, texts, articles = predictions(files)
    return score(load_gold(DATA / gold_file), preds, texts, articles)


def _assert_goals(result: Score) -> None:
    missed = [[o["text"] for o in g["operands"]] for g in result.missed]  # type: ignore[union-attr]
    assert result.recall >= 0.9, missed
    assert result.verdict >= 0.98, result.wrong
    assert result.false_flags_per_10 <= 1.0, [(p.file, p.check, p.message) for p in result.false_flags]


def test_seed_relations_meet_the_goals() -> None:
    files = sorted(seed_files())
    assert len(files) == 5
    result = _score("seeds.relations.jsonl", files)
    assert result.stated == 11
    _assert_goals(result)


def test_no_seed_near_miss_is_flagged() -> None:
    """The 28 near-misses: figures that look related but are not; none may be flagged."""
    gold = [g for g in load_gold(DATA / "seeds.relations.jsonl") if g["relation"] == "none"]
    assert len(gold) == 28
    preds, texts, articles = predictions(sorted(seed_files()))
    assert not score(gold, preds, texts, articles).false_flags


def test_news_relations_meet_the_goals() -> None:
    files = sorted((DATA / "news").glob("*.txt"))
    assert len(files) == 22
    result = _score("news.relations.jsonl", files)
    assert result.stated == 40
    _assert_goals(result)


@pytest.mark.skipif(not SHARED_PAIRS.is_dir(), reason="../shared/gold/release-pairs not present")
def test_release_pair_articles_meet_the_goals() -> None:
    files = sorted(SHARED_PAIRS.glob("*.article.txt"))
    result = _score("release-pairs.relations.jsonl", files)
    assert result.stated == 11
    _assert_goals(result)
