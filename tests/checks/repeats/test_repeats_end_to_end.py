"""find_repeats over the five seed pages end to end: the lines `factdesk check` will print, scored.

The documents are the seed pages' articles as the pipeline makes them; each
finding becomes the JSON line of `factdesk check` (`"check": "repeat"`, an
operand in another file carrying its own `file`), and the lines are scored
against the relation gold, by the shared scorer when ../shared is there.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from repeat_gold import DATA, FlatText, Prediction, _decoded, load_gold, score

from desktop.checks.messages import render
from desktop.checks.repeats import REPEAT, find_repeats
from desktop.paths import seed_files
from desktop.pipeline import process_file

SCORER = Path(__file__).resolve().parents[3].parent / "shared" / "tools" / "score_relations.py"


def _lines(files: list[Path]) -> list[dict[str, object]]:
    documents = []
    for path in files:
        result = process_file(path)
        documents.extend((path.name, a.article.text, a.claims) for a in result.articles)
    spans = {c.id: (c.source_start, c.source_end) for _, _, claims in documents for c in claims}
    lines = []
    for (name, _, _), findings in zip(documents, find_repeats(documents), strict=True):
        for f in findings:
            operands = []
            for o in f.operands:
                start, end = spans[o.claim_id]
                operand: dict[str, object] = {
                    "role": o.role,
                    "text": o.text,
                    "source_start": start,
                    "source_end": end,
                    "claim": o.claim_id,
                }
                if o.document and o.document != name:
                    operand["file"] = o.document
                operands.append(operand)
            lines.append(
                {
                    "file": name,
                    "check": f.check,
                    "holds": f.holds,
                    "operands": operands,
                    "message": render(f.message),
                }
            )
    return lines


@pytest.fixture(scope="module")
def lines() -> list[dict[str, object]]:
    return _lines(sorted(seed_files()))


def test_every_line_points_at_its_figures(lines: list[dict[str, object]]) -> None:
    texts = {path.name: _decoded(path) for path in seed_files()}
    assert lines and all(line["check"] == REPEAT for line in lines)
    for line in lines:
        for operand in line["operands"]:  # type: ignore[attr-defined]
            text = texts[operand.get("file", line["file"])]
            found = text[operand["source_start"] : operand["source_end"]]
            assert "".join(found.split()) == "".join(operand["text"].split())


def test_the_lines_meet_the_goals(lines: list[dict[str, object]]) -> None:
    files = sorted(seed_files())
    texts = {path.name: FlatText(_decoded(path)) for path in files}
    preds = [
        Prediction(
            str(line["file"]),
            str(line["check"]),
            line["holds"],  # type: ignore[arg-type]
            [
                (
                    str(o.get("file", line["file"])),
                    texts[str(o.get("file", line["file"]))].flat_span(o["source_start"], o["source_end"]),
                )
                for o in line["operands"]  # type: ignore[attr-defined]
            ],
        )
        for line in lines
    ]
    articles = sum(len(process_file(path).articles) for path in files)
    result = score(load_gold(DATA / "seeds.relations.jsonl"), preds, texts, articles)
    assert result.recall >= 0.9 and result.verdict >= 0.98 and result.false_flags_per_10 <= 1.0


@pytest.mark.skipif(not SCORER.is_file(), reason="../shared/tools/score_relations.py not present")
def test_the_shared_scorer_reads_the_lines(lines: list[dict[str, object]], tmp_path: Path) -> None:
    predictions = tmp_path / "repeats.jsonl"
    predictions.write_text(
        "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines), encoding="utf-8"
    )
    seeds = Path(sorted(seed_files())[0]).parent
    run = subprocess.run(
        [sys.executable, str(SCORER), "--gold", str(DATA / "seeds.relations.jsonl"), "--docs", str(seeds)]
        + ["--pred", str(predictions), "--kinds", "repeat", "--articles", "20"]
        + ["--min-recall", "0.9", "--min-verdict", "0.98", "--max-false-flags", "1"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stdout + run.stderr
