"""Refusals carry a stable code beside their English reason, so a window can word them; exports filter by kind."""

from __future__ import annotations

import pytest

from desktop.claims.numerals import NumberError
from desktop.store import InvalidDecision, ReviewStore
from desktop.store.decisions import REFUSAL_CODES, RefusedDecision
from desktop.store.records import DecisionEdit, Refusal


def test_a_refused_decision_has_a_code_and_the_parser_as_its_cause(store: ReviewStore) -> None:
    claim = store.claims()[0]
    with pytest.raises(RefusedDecision) as refused:
        store.decide(claim.id, "corrected", editor="张", corrected_value="abc")
    assert refused.value.code == "not-a-number" and refused.value.details == {"value": "abc"}
    assert isinstance(refused.value.__cause__, NumberError) and refused.value.__cause__.code == "no_number"
    assert "not a number" in refused.value.reason  # the command line's English is unchanged
    with pytest.raises(InvalidDecision) as mismatch:
        store.decide(claim.id, "corrected", editor="张", corrected_value="12%", corrected_unit="元")
    assert isinstance(mismatch.value, RefusedDecision)
    assert (mismatch.value.code, mismatch.value.details) == ("unit-mismatch", {"written": "%", "given": "元"})
    with pytest.raises(RefusedDecision) as no_editor:
        store.decide(claim.id, "confirmed", editor=" ")
    assert no_editor.value.code == "no-editor"
    assert {"not-a-number", "unit-mismatch", "no-editor"} <= set(REFUSAL_CODES)


def test_workbook_rows_are_refused_with_codes(store: ReviewStore) -> None:
    first, second = store.claims()[:2]
    store.decide(second.id, "confirmed", editor="张")
    edits = [
        DecisionEdit(row=2, claim_id=first.id, status="已核实", corrected_value="", corrected_unit=""),
        DecisionEdit(row=3, claim_id="nope", status="已确认", corrected_value="", corrected_unit=""),
        DecisionEdit(row=4, claim_id=first.id, status="已更正", corrected_value="1e5", corrected_unit=""),
        DecisionEdit(
            row=5, claim_id=second.id, status="已驳回", corrected_value="", corrected_unit="", version=0
        ),
        DecisionEdit(
            row=6, claim_id=first.id, status="已驳回", corrected_value="", corrected_unit="", reason="错"
        ),
    ]
    changes, refused = store.apply_edits(edits, editor="李")
    assert not changes
    codes = {edit.row: (reason.code, reason.details) for edit, reason in refused}
    assert codes[2] == ("unknown-status", {"status": "已核实"})
    assert codes[3] == ("unknown-claim", {"claim_id": "nope"})
    assert codes[4] == ("not-a-number", {"value": "1e5", "number_code": "scientific_notation"})
    assert codes[5][0] == "stale" and codes[5][1]["editor"] == "张"
    assert codes[6] == ("unknown-reason", {"reason": "错"})
    # Still the English sentence the command line prints.
    assert all(isinstance(reason, Refusal) and isinstance(reason, str) for _edit, reason in refused)
    assert "unknown status" in next(reason for edit, reason in refused if edit.row == 2)


def test_an_export_can_hold_one_kind(store: ReviewStore) -> None:
    percents = [c.id for c in store.claims() if c.kind == "percent"]
    assert percents and len(percents) < len(store.claims())
    assert [row.claim.id for row in store.export_rows(kinds=["percent"])] == percents
    assert store.count_export_rows(kinds=["percent"]) == len(percents)
    article = store.claims()[0].article_id
    both = [c.id for c in store.claims(article) if c.kind == "percent" and c.status == "pending"]
    assert store.count_export_rows(["pending"], [article], ["percent"]) == len(both)
