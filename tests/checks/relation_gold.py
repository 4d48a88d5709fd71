"""Score relation findings against gold lines, as the shared scorer does.

A finding matches a gold relation when it is of the same kind (a near-miss,
`"relation": "none"`, matches any kind) and every gold operand overlaps one of
its operands; positions are compared in the file's text with all whitespace
removed.  Figures: recall of the stated relations, the share of matched ones
whose `holds` agrees, and false flags (failing findings that match no failing
gold relation).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from desktop.checks.document import check_document
from desktop.checks.model import RELATION_KINDS
from desktop.pipeline import process_file

DATA = Path(__file__).resolve().parent.parent / "data" / "relations"

Span = tuple[str, tuple[int, int]]


class FlatText:
    """A decoded file with a map from offsets to whitespace-free offsets."""

    def __init__(self, text: str) -> None:
        self.flat = "".join(text.split())
        self.before: list[int] = []
        n = 0
        for ch in text:
            self.before.append(n)
            if not ch.isspace():
                n += 1
        self.before.append(n)

    def flat_span(self, start: int, end: int) -> tuple[int, int]:
        start = max(0, min(start, len(self.before) - 1))
        end = max(start, min(end, len(self.before) - 1))
        return self.before[start], self.before[end]

    def locate(self, text: str, context: str) -> tuple[int, int]:
        text, context = "".join(text.split()), "".join(context.split())
        at = self.flat.find(context)
        if at < 0 or self.flat.find(context, at + 1) >= 0 or context.find(text) < 0:
            raise ValueError(f"cannot place {text!r} in {context!r}")
        begin = at + context.find(text)
        return begin, begin + len(text)


@dataclass
class Prediction:
    file: str
    check: str
    holds: bool | None
    spans: list[Span]
    message: str = ""


@dataclass
class Score:
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
    texts: dict[str, FlatText] = {}
    out: list[Prediction] = []
    articles = 0
    for path in files:
        result = process_file(path)
        articles += len(result.articles)
        # Offsets index the decoded file as it is (CRLF kept), as the scorer reads it.
        flat = texts[path.name] = FlatText(_decoded(path))
        for placed in check_document(result):
            f = placed.finding
            if f.check not in RELATION_KINDS:
                continue
            spans = [(path.name, flat.flat_span(*span)) for span in placed.operand_spans if span[0] >= 0]
            out.append(Prediction(path.name, f.check, f.holds, spans, f.message.code))
    return out, texts, articles


def _decoded(path: Path) -> str:
    raw = path.read_bytes()
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("gb18030")


def load_gold(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _gold_spans(line: dict[str, object], texts: dict[str, FlatText]) -> list[Span]:
    spans: list[Span] = []
    operands = line["operands"]
    assert isinstance(operands, list)
    for op in operands:
        name = str(op.get("doc", line["doc"]))
        spans.append((name, texts[name].locate(str(op["text"]), str(op["context"]))))
    return spans


def _covered(gold: list[Span], predicted: list[Span]) -> int:
    return sum(
        any(g[0] == p[0] and min(g[1][1], p[1][1]) > max(g[1][0], p[1][0]) for p in predicted) for g in gold
    )


def score(
    gold: list[dict[str, object]], preds: list[Prediction], texts: dict[str, FlatText], articles: int
) -> Score:
    result = Score(articles=articles)
    gold_spans = [_gold_spans(g, texts) for g in gold]
    for g, spans in zip(gold, gold_spans, strict=True):
        if g["relation"] not in RELATION_KINDS or g.get("holds") is None:
            continue
        result.stated += 1
        hits = [p for p in preds if p.check == g["relation"] and _covered(spans, p.spans) == len(spans)]
        if not hits:
            result.missed.append(g)
            continue
        result.found += 1
        if any(p.holds == g["holds"] for p in hits):
            result.right += 1
        else:
            result.wrong.append(g)
    for p in preds:
        if p.holds is not False:
            continue
        backed = any(
            g.get("holds") is False and g["relation"] == p.check and _covered(spans, p.spans) == len(spans)
            for g, spans in zip(gold, gold_spans, strict=True)
        )
        if not backed:
            result.false_flags.append(p)
    return result
