"""Usage test sets (tests/data/usage): the seeded sentences and the 80 correct texts."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from check_helpers import findings

from desktop.checks.model import Finding

DATA = Path(__file__).resolve().parent.parent / "data" / "usage"


@dataclass
class UsageScore:
    expected: int = 0
    found: int = 0
    flags: int = 0
    right_flags: int = 0
    missed: list[tuple[int, str, str]] = field(default_factory=list)
    wrong: list[tuple[int, str, str]] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.expected if self.expected else 1.0

    @property
    def precision(self) -> float:
        return self.right_flags / self.flags if self.flags else 1.0


def usage_flags(text: str) -> list[Finding]:
    return findings(text, "usage")


def seeded() -> list[dict[str, object]]:
    lines = (DATA / "seeded.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def correct_texts() -> list[str]:
    lines = (DATA / "correct.txt").read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.strip() and not line.startswith("#")]


def score_seeded() -> UsageScore:
    """A flag is right when its rule is the expected one and it overlaps an expected span."""
    score = UsageScore()
    for case in seeded():
        text, rule = str(case["text"]), int(str(case["rule"]))
        spans = [(int(start), int(end)) for start, end, _ in case["flags"]]  # type: ignore[attr-defined]
        flags = usage_flags(text)
        score.expected += len(spans)
        score.flags += len(flags)
        for start, end in spans:
            if any(f.rule == rule and f.start < end and start < f.end for f in flags):
                score.found += 1
            else:
                score.missed.append((rule, text, text[start:end]))
        for f in flags:
            if f.rule == rule and any(f.start < end and start < f.end for start, end in spans):
                score.right_flags += 1
            else:
                score.wrong.append((f.rule, text, text[f.start : f.end]))
    return score
