"""Deciding claims: validation, stale writes, history, sources, workbook edits, manual claims."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from desktop.store import InvalidDecision, ReviewStore, StaleDecision, UnknownClaim
from desktop.store.records import DecisionEdit


def audit_size(store: ReviewStore) -> int:
    return int(store._db.execute("SELECT count(*) FROM audit").fetchone()[0])


def test_a_correction_is_parsed_like_the_detector_parses_numbers(store: ReviewStore) -> None:
    first, second, third = store.claims()[:3]
    change = store.decide(first.id, "corrected", editor="王芳", corrected_value="1.3万元")
    assert change.claim.corrected_value == Decimal("13000")
    assert change.claim.corrected_unit == "元"
    assert store.decide(
        second.id, "corrected", editor="王芳", corrected_value="一百二十", corrected_unit="人"
    ).claim
    assert store.claim(second.id).corrected_value == Decimal("120")
    assert store.claim(second.id).corrected_unit == "人"
    pct = store.decide(third.id, "corrected", editor="王芳", corrected_value="12%").claim
    assert (pct.corrected_value, pct.corrected_unit) == (Decimal("12"), "%")
    # Leaving corrected (or saving it again without a value) behaves sensibly.
    assert store.decide(
        third.id, "corrected", editor="王芳", note="核对年报"
    ).claim.corrected_value == Decimal("12")
    confirmed = store.decide(third.id, "confirmed", editor="王芳").claim
    assert (confirmed.corrected_value, confirmed.corrected_unit, confirmed.note) == (None, "", "核对年报")


@pytest.mark.parametrize(
    ("status", "kwargs", "words"),
    [
        ("corrected", {"corrected_value": "大约很多"}, "not a number"),
        ("corrected", {}, "needs the corrected value"),
        ("corrected", {"corrected_value": "12%", "corrected_unit": "元"}, "unit"),
        ("approved", {}, "unknown status"),
        ("confirmed", {"reason": "not-a-claim"}, "only goes with status rejected"),
        ("rejected", {"reason": "boring"}, "unknown reason"),
        ("confirmed", {"corrected_value": "5"}, "only goes with status corrected"),
        ("confirmed", {"seconds_spent": -1.0}, "negative"),
        ("confirmed", {"sources": "新华社"}, "list of tags"),
    ],
)
def test_an_invalid_decision_writes_nothing(
    store: ReviewStore, status: str, kwargs: dict[str, object], words: str
) -> None:
    claim = store.claims()[0]
    audits = audit_size(store)
    with pytest.raises(InvalidDecision) as error:
        store.decide(claim.id, status, editor="王芳", **kwargs)  # type: ignore[arg-type]
    assert words in error.value.reason
    assert store.claim(claim.id) == claim
    assert audit_size(store) == audits
    assert store.sources() == []


def test_an_unknown_claim_or_a_missing_editor_is_refused(store: ReviewStore) -> None:
    with pytest.raises(UnknownClaim):
        store.decide("0000000000000000", "confirmed", editor="王芳")
    with pytest.raises(InvalidDecision):
        store.decide(store.claims()[0].id, "confirmed", editor="  ")


def test_none_leaves_sources_and_note_and_empty_clears_them(store: ReviewStore) -> None:
    claim = store.claims()[0]
    store.decide(
        claim.id, "confirmed", editor="王芳", sources=["国家统计局", " 新华社 ", "国家统计局"], note="年报"
    )
    kept = store.decide(claim.id, "rejected", editor="王芳", reason="wrong-number").claim
    assert kept.sources == ("国家统计局", "新华社")
    assert kept.note == "年报"
    assert kept.reason == "wrong-number"
    cleared = store.decide(claim.id, "rejected", editor="王芳", sources=(), note="").claim
    assert (cleared.sources, cleared.note, cleared.reason) == ((), "", "wrong-number")


def test_history_shows_each_change_before_and_after(store: ReviewStore) -> None:
    claim = store.claims()[0]
    store.decide(claim.id, "confirmed", editor="王芳", seconds_spent=12.5)
    store.decide(claim.id, "corrected", editor="李明", corrected_value="61.3%", sources=["卫健委"])
    history = store.history(claim.id)
    assert [(e.action, e.editor) for e in history] == [("decide", "王芳"), ("decide", "李明")]
    assert history[0].before["status"] == "pending"
    assert history[0].after["status"] == "confirmed"
    assert history[0].after["seconds_spent"] == 12.5
    assert history[1].before == history[0].after
    assert history[1].after["corrected_value"] == "61.3"
    assert history[1].after["sources"] == ["卫健委"]
    assert history[1].after["version"] == 2


def test_a_stale_decision_is_refused_naming_who_changed_it(db_path: Path, store: ReviewStore) -> None:
    with ReviewStore.open(db_path) as other:
        loaded = store.claims()[0]
        other.decide(
            loaded.id, "rejected", editor="李明", reason="not-a-claim", expected_version=loaded.version
        )
        with pytest.raises(StaleDecision) as stale:
            store.decide(loaded.id, "confirmed", editor="王芳", expected_version=loaded.version)
        assert "李明" in str(stale.value)
        assert stale.value.editor == "李明"
        assert stale.value.current.status == "rejected"
        assert stale.value.at == stale.value.current.decided_at
        assert [e.editor for e in store.history(loaded.id)] == ["李明"]
        # Reloading gives the current version, and deciding on it works.
        fresh = store.claim(loaded.id)
        assert fresh.version == 1
        saved = store.decide(loaded.id, "confirmed", editor="王芳", expected_version=fresh.version)
        assert saved.claim.version == 2
        assert other.claim(loaded.id).status == "confirmed"


def test_sources_are_listed_by_use_and_by_recency(store: ReviewStore) -> None:
    first, second, third = store.claims()[:3]
    store.add_source("统计公报", url="https://example.org/gb", description="年度公报")
    store.decide(first.id, "confirmed", editor="王芳", sources=["新华社"])
    store.decide(second.id, "confirmed", editor="王芳", sources=["新华社", "卫健委"])
    store.decide(third.id, "confirmed", editor="王芳", sources=["统计公报"])
    assert [(s.tag, s.uses) for s in store.sources()] == [("新华社", 2), ("统计公报", 1), ("卫健委", 1)]
    assert store.sources()[1].url == "https://example.org/gb"
    assert store.recent_sources() == ["统计公报", "新华社", "卫健委"]
    assert store.recent_sources(limit=1) == ["统计公报"]


def test_apply_edits_applies_changes_skips_no_ops_and_refuses_bad_rows(store: ReviewStore) -> None:
    a, b, c, d = store.claims()[:4]
    store.decide(d.id, "confirmed", editor="王芳")
    audits = audit_size(store)
    edits = [
        DecisionEdit(2, a.id, "已更正", "1.5万", "人", ("统计局",), "据年报"),
        DecisionEdit(3, b.id, "已驳回", "", "", reason="非数字声明"),
        DecisionEdit(4, c.id, "待核", "", ""),  # unchanged: skipped
        DecisionEdit(5, d.id, "confirmed", "", ""),  # unchanged: skipped
        DecisionEdit(6, "ffffffffffffffff", "已确认", "", ""),
        DecisionEdit(7, c.id, "已审核", "", ""),
        DecisionEdit(8, c.id, "已更正", "很多", ""),
        DecisionEdit(9, c.id, "已确认", "12", ""),
    ]
    changes, refused = store.apply_edits(edits, editor="导入")
    assert [ch.claim.id for ch in changes] == [a.id, b.id]
    assert store.claim(a.id).corrected_value == Decimal("15000")
    assert store.claim(a.id).sources == ("统计局",)
    assert (store.claim(b.id).status, store.claim(b.id).reason) == ("rejected", "not-a-claim")
    assert [(edit.row, bool(reason)) for edit, reason in refused] == [
        (6, True),
        (7, True),
        (8, True),
        (9, True),
    ]
    assert "unknown status" in refused[1][1]
    assert store.claim(c.id).version == 0
    assert audit_size(store) == audits + 2
    # The same workbook applied twice changes nothing the second time.
    again, _ = store.apply_edits(edits[:2], editor="导入")
    assert again == []


def test_an_editor_can_add_a_claim_the_detector_missed(store: ReviewStore) -> None:
    article = store.article(store.articles()[0].id)
    text = article.text
    existing = {(c.start, c.end) for c in store.claims(article.summary.id)}
    # Mark a number inside an existing claim's text by a different span: "1" of the first claim's digits.
    target = (
        next(
            (i, i + 1)
            for i, ch in enumerate(text)
            if ch.isdigit() and (i, i + 1) not in existing and not any(s <= i < e for s, e in existing)
        )
        if any(ch.isdigit() for ch in text)
        else None
    )
    if target is None:
        pytest.skip("no free digit in the first article")
    added = store.add_manual_claim(article.summary.id, target[0], target[1], "王芳")
    assert added.manual and added.status == "pending" and added.text == text[target[0] : target[1]]
    assert added.value == Decimal(added.text)
    assert added in store.claims(article.summary.id)
    assert [e.action for e in store.history(added.id)] == ["add"]
    with pytest.raises(InvalidDecision):
        store.add_manual_claim(article.summary.id, target[0], target[1], "王芳")
    with pytest.raises(InvalidDecision):
        store.add_manual_claim(
            article.summary.id, 0, 2, "王芳"
        )  # the headline's first characters are no number
