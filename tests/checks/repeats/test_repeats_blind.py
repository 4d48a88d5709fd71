"""The blind set of tests/data/repeats_blind scored in CI: eight articles of three papers on two events.

Written by someone else, gold by hand before any finder ran on it (its
README).  First measurement, before any rule was made for it: recall 0.345
(10/29), verdict 1.000, no false conflict and no conflict found (0 of 11);
the cross-file rule then asked for a period with its year or papers of one
date.  The thresholds are the goals of issue 13.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from repeat_gold import _covered, _gold_spans, load_gold, predictions, score
from test_repeats_end_to_end import SCORER

BLIND = Path(__file__).resolve().parents[2] / "data" / "repeats_blind"
GOLD = BLIND / "repeats.relations.jsonl"


@pytest.fixture(scope="module")
def scored():  # type: ignore[no-untyped-def]
    files = sorted(BLIND.glob("*.txt"))
    assert len(files) == 8
    preds, texts, articles = predictions(files)
    assert articles == 8
    return score(load_gold(GOLD), preds, texts, articles)


def test_the_blind_set_meets_the_goals(scored) -> None:  # type: ignore[no-untyped-def]
    assert scored.stated == 29
    missed = [[o["text"] for o in g["operands"]] for g in scored.missed]
    assert scored.recall >= 0.9, missed
    assert scored.verdict >= 0.98, scored.wrong
    assert scored.false_flags_per_10 <= 1.0, [(p.file, p.message, p.spans) for p in scored.false_flags]


def test_every_conflict_of_the_blind_set_is_found(scored) -> None:  # type: ignore[no-untyped-def]
    """Transposed digits across papers, a headline against its own body, two sources of one rate."""
    conflicts = [g for g in load_gold(GOLD) if g["relation"] == "repeat" and g["holds"] is False]
    assert len(conflicts) == 11
    assert not [g for g in scored.missed if g["holds"] is False]


def test_no_blind_near_miss_is_linked() -> None:
    """其中 subsets, a month against Jan–Sep, last year, province against city, line against network,
    the same number of another metric: neither flagged nor linked as a repeat."""
    gold = [g for g in load_gold(GOLD) if g["relation"] == "none"]
    assert len(gold) == 23
    preds, texts, _ = predictions(sorted(BLIND.glob("*.txt")))
    linked = [
        [o["text"] for o in g["operands"]]  # type: ignore[union-attr]
        for g in gold
        if any(_covered(spans, p.spans) == len(spans) for spans in [_gold_spans(g, texts)] for p in preds)
    ]
    assert linked == []


@pytest.mark.skipif(not SCORER.is_file(), reason="../shared/tools/score_relations.py not present")
def test_the_shared_scorer_agrees(tmp_path: Path) -> None:
    import json
    import subprocess
    import sys

    from test_repeats_end_to_end import _lines

    predictions_file = tmp_path / "blind.jsonl"
    lines = _lines(sorted(BLIND.glob("*.txt")))
    predictions_file.write_text(
        "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines), "utf-8"
    )
    run = subprocess.run(
        [
            sys.executable,
            str(SCORER),
            "--gold",
            str(GOLD),
            "--docs",
            str(BLIND),
            "--pred",
            str(predictions_file),
        ]
        + ["--kinds", "repeat", "--articles", "8"]
        + ["--min-recall", "0.9", "--min-verdict", "0.98", "--max-false-flags", "1"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stdout + run.stderr
