"""Re-detection with a changed detector never loses a decision."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from desktop.claims import detector
from desktop.claims.model import Claim
from desktop.store import ReviewStore, UnknownClaim
from desktop.store.records import ClaimView


def _pick(store: ReviewStore) -> tuple[str, ClaimView, ClaimView, ClaimView, ClaimView]:
    """An article with four claims to play the four parts; the middle one can grow leftwards."""
    for summary in store.articles():
        text = store.article(summary.id).text
        claims = store.claims(summary.id)
        for i in range(1, len(claims) - 2):
            shifted = claims[i]
            if (
                shifted.start > claims[i - 1].end + 1
                and "\u4e00" <= text[shifted.start - 1] <= "\u9fff"
                and not text[shifted.start - 1].isdigit()
            ):
                return text, claims[i - 1], shifted, claims[i + 1], claims[i + 2]
    raise AssertionError("no article fits")


def test_redetection_keeps_reattaches_and_orphans_decisions(
    store: ReviewStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    total_before = store.progress()[1]
    text, kept, shifted, lost, untouched = _pick(store)
    store.decide(kept.id, "confirmed", editor="王芳")
    store.decide(shifted.id, "corrected", editor="王芳", corrected_value="99", sources=["统计局"], note="改")
    store.decide(lost.id, "rejected", editor="李明", reason="not-a-claim")

    original = detector.detect

    def new_detect(article_text: str) -> list[Claim]:
        found = original(article_text)
        if article_text != text:
            return found
        out = []
        for claim in found:
            if claim.start in (lost.start, untouched.start):
                continue
            if claim.start == shifted.start:
                claim = replace(claim, start=claim.start - 1, text=article_text[claim.start - 1 : claim.end])
            out.append(claim)
        return out

    monkeypatch.setattr("desktop.pipeline.detect", new_detect)
    monkeypatch.setattr(detector, "DETECTOR_VERSION", "2-test")
    report = store.redetect()

    assert report.detector_version == "2-test"
    assert (report.decisions_kept, report.decisions_reattached, report.orphaned) == (1, 1, 1)
    assert report.claims_added == 0

    again = store.claim(kept.id)
    assert (again.status, again.detector_version, again.orphaned) == ("confirmed", "2-test", False)

    with pytest.raises(UnknownClaim):
        store.claim(shifted.id)
    moved = next(c for c in store.claims(shifted.article_id) if c.start == shifted.start - 1)
    assert moved.text == text[shifted.start - 1 : shifted.end]
    assert (moved.status, moved.corrected_value, moved.sources, moved.note) == (
        "corrected",
        Decimal("99"),
        ("统计局",),
        "改",
    )
    assert moved.version == 1
    assert [e.action for e in store.history(moved.id)] == ["decide", "reattach"]

    orphan = store.claim(lost.id)
    assert orphan.orphaned and orphan.status == "rejected" and orphan.reason == "not-a-claim"
    assert [e.action for e in store.history(lost.id)] == ["decide", "orphan"]

    # A claim nobody had touched simply goes; every decision stays.
    with pytest.raises(UnknownClaim):
        store.claim(untouched.id)
    assert store.progress() == (3, total_before - 1)

    # The same detector again: nothing to do; forced: nothing changes.
    assert store.redetect() == type(report)(detector_version="2-test")
    forced = store.redetect(force=True)
    assert (forced.decisions_reattached, forced.orphaned, forced.claims_added) == (0, 0, 0)
    assert store.claim(lost.id).orphaned
    assert [e.action for e in store.history(lost.id)] == ["decide", "orphan"]


def test_an_orphan_found_again_is_no_longer_orphaned(
    store: ReviewStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    text, _, _, lost, _ = _pick(store)
    store.decide(lost.id, "confirmed", editor="王芳")
    original = detector.detect

    def losing(article_text: str) -> list[Claim]:
        return [c for c in original(article_text) if article_text != text or c.start != lost.start]

    monkeypatch.setattr("desktop.pipeline.detect", losing)
    monkeypatch.setattr(detector, "DETECTOR_VERSION", "2-test")
    assert store.redetect().orphaned == 1
    monkeypatch.setattr("desktop.pipeline.detect", original)
    monkeypatch.setattr(detector, "DETECTOR_VERSION", "3-test")
    report = store.redetect()
    assert report.decisions_kept == 1
    back = store.claim(lost.id)
    assert (back.orphaned, back.status, back.detector_version) == (False, "confirmed", "3-test")


def test_manual_claims_survive_redetection(store: ReviewStore, monkeypatch: pytest.MonkeyPatch) -> None:
    summary = store.articles()[0]
    text = store.article(summary.id).text
    spans = [(c.start, c.end) for c in store.claims(summary.id)]
    free = next(i for i, ch in enumerate(text) if ch.isdigit() and not any(s <= i < e for s, e in spans))
    manual = store.add_manual_claim(summary.id, free, free + 1, "王芳")
    monkeypatch.setattr(detector, "DETECTOR_VERSION", "2-test")
    store.redetect()
    after = store.claim(manual.id)
    assert after.manual and not after.orphaned
