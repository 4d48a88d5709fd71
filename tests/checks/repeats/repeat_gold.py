"""Score repeat findings against the relation gold, as the shared scorer does.

The gold's `"relation": "repeat"` lines are the figures stated twice (all
consistent in the seeds); the near-misses (`"relation": "none"`) include
look-alike figures of other periods, places and subsets.  A finding matches
a gold line when every gold operand overlaps one of its operands, in the
right file, with positions compared in the text without whitespace (the
helpers of `relation_gold`, one folder up).  False flags: conflicts that
match no gold conflict.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from relation_gold import DATA, FlatText, Prediction, _covered, _decoded, _gold_spans, load_gold  # noqa: E402

from desktop.checks.repeats import REPEAT, repeats_of_files  # noqa: E402
from desktop.pipeline import process_file  # noqa: E402

__all__ = ["DATA", "RepeatScore", "load_gold", "predictions", "score"]


@dataclass
class RepeatScore:
    stated: int = 0
    found: int = 0
    right: int = 0
    articles: int = 0
    false_flags: list[Prediction] = field(default_factory=list)
    missed: list[dict[str, object]] = field(default_factory=list)
    wrong: list[dict[str, object]] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.stated if self.stated else 0.0

    @property
    def verdict(self) -> float:
        return self.right / self.found if self.found else 0.0

    @property
    def false_flags_per_10(self) -> float:
        return 10 * len(self.false_flags) / max(self.articles, 1)


def predictions(files: list[Path]) -> tuple[list[Prediction], dict[str, FlatText], int]:
    """Repeat findings over all `files` at once, operands placed in their own files."""
    results = [(path.name, process_file(path)) for path in files]
    texts = {path.name: FlatText(_decoded(path)) for path in files}
    articles = sum(len(result.articles) for _, result in results)
    out = []
    for placed in repeats_of_files(results):
        spans = [
            (other or placed.file, texts[other or placed.file].flat_span(*span))
            for other, span in zip(placed.operand_files, placed.operand_spans, strict=True)
            if span[0] >= 0
        ]
        f = placed.finding
        out.append(Prediction(placed.file, f.check, f.holds, spans, f.message.code))
    return out, texts, articles


def score(
    gold: list[dict[str, object]], preds: list[Prediction], texts: dict[str, FlatText], articles: int
) -> RepeatScore:
    result = RepeatScore(articles=articles)
    gold_spans = [_gold_spans(g, texts) for g in gold]
    for g, spans in zip(gold, gold_spans, strict=True):
        if g["relation"] != REPEAT or g.get("holds") is None:
            continue
        result.stated += 1
        hits = [p for p in preds if p.check == REPEAT and _covered(spans, p.spans) == len(spans)]
        if not hits:
            result.missed.append(g)
        elif any(p.holds == g["holds"] for p in hits):
            result.found += 1
            result.right += 1
        else:
            result.found += 1
            result.wrong.append(g)
    for p in preds:
        if p.holds is not False:
            continue
        backed = any(
            g.get("holds") is False and g["relation"] == REPEAT and _covered(spans, p.spans) == len(spans)
            for g, spans in zip(gold, gold_spans, strict=True)
        )
        if not backed:
            result.false_flags.append(p)
    return result
