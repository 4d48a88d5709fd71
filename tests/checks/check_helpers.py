"""Findings for a sentence or two, with the detector's own claims."""

from __future__ import annotations

from desktop.checks import check_article
from desktop.checks.messages import render
from desktop.checks.model import Finding
from desktop.claims.detector import detect


def findings(text: str, check: str | None = None) -> list[Finding]:
    return [f for f in check_article(text, detect(text)) if check is None or f.check == check]


def one(text: str, check: str) -> Finding:
    found = findings(text, check)
    assert len(found) == 1, [render(f.message) for f in found]
    return found[0]


def operand_texts(finding: Finding) -> list[str]:
    return [o.text for o in finding.operands]
