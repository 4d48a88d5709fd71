"""Score the release matcher on the dev pairs the way shared/tools/score_pairs.py does.

A gold figure is right when a prediction overlaps it with the same label and,
when the gold names a release figure, a `source` overlapping that figure;
a wrong confirm is a `same` or `rounded` for a figure whose gold is
`different` or `absent`, or whose source is not the gold's.  Positions are
compared with whitespace removed, as the scorer compares them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from desktop.checks.release import CONFIRMING, match_release
from desktop.checks.release.document import placed
from desktop.pipeline import process_file

DATA = Path(__file__).resolve().parents[2] / "data" / "release_pairs"
Span = tuple[int, int]


class FlatText:
    """A decoded file with positions counted over its non-whitespace characters."""

    def __init__(self, text: str) -> None:
        self.before = [0] * (len(text) + 1)
        n = 0
        for i, ch in enumerate(text):
            self.before[i] = n
            n += not ch.isspace()
        self.before[len(text)] = n
        self.flat = "".join(text.split())

    def flat_span(self, start: int, end: int) -> Span:
        return self.before[start], self.before[end]

    def locate(self, text: str, context: str) -> Span:
        text, context = "".join(text.split()), "".join(context.split())
        at = self.flat.find(context)
        assert at >= 0 and self.flat.find(context, at + 1) < 0, context
        offset = context.find(text)
        assert offset >= 0, (text, context)
        return at + offset, at + offset + len(text)


@dataclass(frozen=True)
class Prediction:
    pair: str
    span: Span
    match: str
    source: Span | None
    source_text: str | None


@dataclass
class Score:
    figures: int = 0
    right: int = 0
    odd: int = 0  # gold figures that are not `same`
    odd_right: int = 0
    wrong_confirms: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def right_share(self) -> float:
        return self.right / self.figures

    @property
    def discrepancy_share(self) -> float:
        return self.odd_right / self.odd if self.odd else 1.0


def pairs(data: Path = DATA) -> list[str]:
    return sorted(p.name.removesuffix(".article.txt") for p in data.glob("*.article.txt"))


def predict(pair: str, data: Path = DATA) -> list[Prediction]:
    article = placed(process_file(data / f"{pair}.article.txt"))
    release = placed(process_file(data / f"{pair}.source.txt"))
    a_flat, r_flat = FlatText(article.result.source.text), FlatText(release.result.source.text)
    found = []
    for m in match_release(article.text, article.claims, release.text, release.claims):
        source = None if m.source is None else r_flat.flat_span(m.source.start, m.source.end)
        span = a_flat.flat_span(m.figure.start, m.figure.end)
        found.append(Prediction(pair, span, m.match, source, None if m.source is None else m.source.text))
    return found


def _overlap(a: Span, b: Span) -> bool:
    return min(a[1], b[1]) > max(a[0], b[0])


def score(data: Path = DATA) -> Score:
    """The matcher's score on the pairs of `data` (its `pairs.gold.jsonl`)."""
    result = Score()
    texts = {
        name: FlatText(path.read_text(encoding="utf-8"))
        for path in data.glob("*.txt")
        for name in [path.name]
    }
    predictions = {pair: predict(pair, data) for pair in pairs(data)}
    for line in (data / "pairs.gold.jsonl").read_text(encoding="utf-8").splitlines():
        gold = json.loads(line)
        pair = gold["pair"]
        art = texts[f"{pair}.article.txt"].locate(gold["article_text"], gold["article_context"])
        src = None
        if gold.get("source_text"):
            src = texts[f"{pair}.source.txt"].locate(gold["source_text"], gold["source_context"])
        hits = [p for p in predictions[pair] if _overlap(p.span, art)]
        ok = any(
            p.match == gold["match"] and (src is None or (p.source is not None and _overlap(p.source, src)))
            for p in hits
        )
        wrong = any(
            p.match in CONFIRMING
            and (
                gold["match"] not in CONFIRMING
                or src is None
                or p.source is None
                or not _overlap(p.source, src)
            )
            for p in hits
        )
        result.figures += 1
        result.right += ok
        if gold["match"] != "same":
            result.odd += 1
            result.odd_right += ok
        result.wrong_confirms += wrong
        if not ok or wrong:
            got = [(p.match, p.source_text) for p in hits]
            result.misses.append(f"{pair}: {gold['article_text']} gold {gold['match']} got {got}")
    return result
