"""The claim inspector shows a claim and asks for decisions, never writing itself."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QCompleter, QFrame, QLabel, QToolButton, QWidget
from pytestqt.qtbot import QtBot

from desktop.claims.numerals import parse_quantity
from desktop.store import ReviewStore
from desktop.store.records import ClaimView
from desktop.ui.inspector import ClaimInspector
from desktop.ui.inspector.correction import far_apart, unit_kind
from desktop.ui.palette import status_style
from desktop.ui.wording import format_decimal, status_label

# The offscreen platform warns whenever a shown top-level window has a layout;
# that says nothing about the widget (the lead may move this to pyproject's qt_log_ignore).
# The completer's popup adds two more of the same kind.
pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support (propagateSizeHints|raise|grabbing the keyboard)"
)


@pytest.fixture
def inspector(qtbot: QtBot) -> ClaimInspector:
    widget = ClaimInspector()
    qtbot.addWidget(widget)
    widget.resize(380, 800)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _type(widget: QWidget, text: str) -> None:
    """Type text as an input method commits it: QTest's keyClicks only knows ASCII keys."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def _claim(store: ReviewStore, **wanted: object) -> ClaimView:
    """A demo claim with a subject, time and sentence holding its text (and `wanted` fields)."""
    for claim in store.claims():
        if (
            claim.subject
            and claim.time
            and claim.text in claim.sentence
            and all(getattr(claim, key) == value for key, value in wanted.items())
        ):
            return claim
    raise AssertionError(f"no demo claim with {wanted}")


def _claim_for(store: ReviewStore, typed: str) -> ClaimView:
    """A demo claim that `typed` corrects without a second look (under ten times apart, same kind of unit)."""
    value, unit = parse_quantity(typed)
    for claim in store.claims():
        if (
            claim.subject
            and claim.text in claim.sentence
            and not far_apart(claim.value, value)
            and unit_kind(unit or claim.unit) == unit_kind(claim.unit)
        ):
            return claim
    raise AssertionError(f"no demo claim near {typed}")


def _shown(claim: ClaimView, inspector: ClaimInspector, store: ReviewStore) -> ClaimView:
    inspector.show_claim(claim, store.history(claim.id))
    return claim


def test_every_field_shows_the_claims_data(store: ReviewStore, inspector: ClaimInspector) -> None:
    claim = _claim(store, kind="money", approx="近")
    _shown(claim, inspector, store)

    assert inspector.text_label.text() == claim.text
    assert inspector.value_label.text() == format_decimal(claim.value)
    assert "," in inspector.value_label.text()  # 700,000: thousands separated
    assert inspector.unit_label.text() == claim.unit
    assert inspector.kind_label.text() == "money"
    assert inspector.approx_label.text() == "近 (about)"
    assert inspector.subject_label.text() == claim.subject
    assert inspector.time_label.text() == claim.time
    assert inspector.place_label.text() == (claim.place or "—")
    sentence = inspector.sentence_label.text()
    assert f">{claim.text}</b>" in sentence
    assert sentence.count("<b") == 1
    style = status_style("pending")
    assert inspector.status_label.text() == f"{style.glyph} {status_label('pending')}"
    assert inspector.decided_label.text() == "not decided yet"
    assert inspector.changes_field.text() == "none"
    assert inspector.empty_label.isHidden()


def test_a_decided_claim_shows_its_decision(store: ReviewStore, inspector: ClaimInspector) -> None:
    claim = _claim(store)
    store.decide(claim.id, "corrected", editor="王编辑", corrected_value="1234567.5万")
    corrected = store.claim(claim.id)
    _shown(corrected, inspector, store)

    assert inspector.corrected_label.isVisibleTo(inspector)
    assert inspector.corrected_label.text().startswith("12,345,675,000")
    assert status_style("corrected").glyph in inspector.status_label.text()
    assert inspector.decided_label.text().startswith("王编辑, ")
    assert inspector.changes_field.text() == str(corrected.version)


def test_exact_decimals_keep_every_digit() -> None:
    assert format_decimal(Decimal("13000")) == "13,000"
    assert format_decimal(Decimal("1234567.891")) == "1,234,567.891"
    assert format_decimal(Decimal("65.10")) == "65.1"
    assert format_decimal(Decimal("3.4E+4")) == "34,000"


@pytest.mark.parametrize(
    ("typed", "why"),
    [("abc", "“abc” does not start with a number."), ("1.2.3", "“1.2.3” is not written the way copy writes")],
)
def test_an_invalid_value_shows_why_and_enter_emits_nothing(
    store: ReviewStore, inspector: ClaimInspector, qtbot: QtBot, typed: str, why: str
) -> None:
    _shown(_claim(store), inspector, store)
    qtbot.keyClicks(inspector.value_edit, typed)

    reason = inspector.correction_error_text()
    assert reason.startswith(why)
    assert "not a quantity" not in reason  # the parser's English stays out
    assert inspector.correction_error.isVisible()
    assert inspector.value_edit.toolTip() == reason
    assert inspector.value_edit.accessibleDescription() == reason
    assert not inspector.apply_button.isEnabled()
    with qtbot.assertNotEmitted(inspector.correct_requested):
        qtbot.keyClick(inspector.value_edit, Qt.Key.Key_Return)
    assert inspector.apply_correction() is False


def test_a_valid_value_shows_its_normal_form_and_enter_asks_for_it(
    store: ReviewStore, inspector: ClaimInspector, qtbot: QtBot
) -> None:
    claim = _shown(_claim_for(store, "1.3万"), inspector, store)
    _type(inspector.value_edit, "1.3万")

    assert inspector.correction_error_text() == ""
    assert "13,000" in inspector.correction_preview_text()
    assert inspector.correction_preview.isVisible()
    assert inspector.apply_button.isEnabled()
    with qtbot.waitSignal(inspector.correct_requested) as blocker:
        qtbot.keyClick(inspector.value_edit, Qt.Key.Key_Return)
    assert blocker.args == [claim.id, "1.3万", ""]


def test_a_unit_in_the_value_fills_the_unit_field(
    store: ReviewStore, inspector: ClaimInspector, qtbot: QtBot
) -> None:
    claim = _shown(_claim_for(store, "1.3万元"), inspector, store)
    _type(inspector.value_edit, "1.3万元")
    assert inspector.unit_edit.text() == "元"
    assert inspector.correction_preview_text() == "= 13,000元"
    with qtbot.waitSignal(inspector.correct_requested) as blocker:
        qtbot.mouseClick(inspector.apply_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [claim.id, "1.3万元", "元"]

    # Taking the unit back out of the value clears what was filled in for it.
    qtbot.keyClick(inspector.value_edit, Qt.Key.Key_Backspace)
    assert inspector.unit_edit.text() == ""


def test_a_unit_typed_by_hand_that_disagrees_is_refused(
    store: ReviewStore, inspector: ClaimInspector, qtbot: QtBot
) -> None:
    _shown(_claim(store), inspector, store)
    _type(inspector.unit_edit, "人")
    _type(inspector.value_edit, "5元")
    assert "人" in inspector.correction_error_text()
    with qtbot.assertNotEmitted(inspector.correct_requested):
        qtbot.keyClick(inspector.value_edit, Qt.Key.Key_Return)


def test_begin_correction_prefills_and_selects_the_current_value(
    store: ReviewStore, inspector: ClaimInspector, qtbot: QtBot
) -> None:
    claim = _shown(_claim(store, kind="money"), inspector, store)
    inspector.begin_correction()
    qtbot.waitUntil(inspector.value_edit.hasFocus)
    assert inspector.value_edit.text() == format(claim.value, "f")
    assert inspector.value_edit.selectedText() == inspector.value_edit.text()
    assert inspector.unit_edit.text() == claim.unit
    # Typing replaces the selection.
    qtbot.keyClicks(inspector.value_edit, "42")
    assert inspector.value_edit.text() == "42"


def test_the_buttons_ask_for_decisions_on_the_shown_claim(
    store: ReviewStore, inspector: ClaimInspector, qtbot: QtBot
) -> None:
    claim = _shown(_claim(store), inspector, store)
    with qtbot.waitSignal(inspector.confirm_requested) as confirmed:
        qtbot.mouseClick(inspector.confirm_button, Qt.MouseButton.LeftButton)
    assert confirmed.args == [claim.id]
    with qtbot.waitSignal(inspector.skip_requested) as skipped:
        qtbot.mouseClick(inspector.skip_button, Qt.MouseButton.LeftButton)
    assert skipped.args == [claim.id]
    with qtbot.waitSignal(inspector.reject_requested) as rejected:
        qtbot.mouseClick(inspector.reject_button, Qt.MouseButton.LeftButton)
    assert rejected.args == [claim.id, "not-a-claim"]

    inspector.reason_combo.setCurrentIndex(inspector.reason_combo.findData("wrong-number"))
    with qtbot.waitSignal(inspector.reject_requested) as rejected:
        qtbot.mouseClick(inspector.reject_button, Qt.MouseButton.LeftButton)
    assert rejected.args == [claim.id, "wrong-number"]

    # Correct… opens the correction rather than asking for anything yet.
    with qtbot.assertNotEmitted(inspector.correct_requested):
        qtbot.mouseClick(inspector.correct_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(inspector.value_edit.hasFocus)


def test_buttons_show_their_shortcuts(inspector: ClaimInspector) -> None:
    assert "Enter" in inspector.confirm_button.toolTip()
    assert "Y" in inspector.confirm_button.toolTip()
    assert "(E)" in inspector.correct_button.toolTip()
    assert "X: not a claim" in inspector.reject_button.toolTip()
    assert "Shift+X: wrong number" in inspector.reject_button.toolTip()
    assert "(J)" in inspector.skip_button.toolTip()


def test_a_rejected_claim_shows_its_reason(store: ReviewStore, inspector: ClaimInspector) -> None:
    claim = _claim(store)
    store.decide(claim.id, "rejected", editor="李编辑", reason="wrong-number")
    _shown(store.claim(claim.id), inspector, store)
    assert inspector.reject_reason() == "wrong-number"
    assert "wrong number" in inspector.status_label.text()


def test_a_tag_picked_from_the_completer_is_added_to_the_claims_tags(
    store: ReviewStore, inspector: ClaimInspector, qtbot: QtBot
) -> None:
    claim = _claim(store)
    store.decide(claim.id, "pending", editor="王编辑", sources=["新华社"])
    claim = _shown(store.claim(claim.id), inspector, store)
    inspector.set_known_sources(["国家统计局", "新华社", "国家统计局"])
    assert inspector.known_sources() == ["国家统计局", "新华社"]

    completer = inspector.source_edit.completer()
    assert isinstance(completer, QCompleter)
    inspector.begin_source_entry()
    qtbot.waitUntil(inspector.source_edit.hasFocus)
    _type(inspector.source_edit, "统计")
    qtbot.waitUntil(lambda: completer.popup().isVisible())
    assert completer.currentCompletion() == "国家统计局"
    with qtbot.waitSignal(inspector.sources_requested) as blocker:
        qtbot.keyClick(completer.popup(), Qt.Key.Key_Down)
        qtbot.keyClick(completer.popup(), Qt.Key.Key_Return)
    assert blocker.args == [claim.id, ["新华社", "国家统计局"]]
    qtbot.waitUntil(lambda: inspector.source_edit.text() == "")


def test_typed_tags_and_chip_removal_ask_for_the_full_list(
    store: ReviewStore, inspector: ClaimInspector, qtbot: QtBot
) -> None:
    claim = _claim(store)
    store.decide(claim.id, "pending", editor="王编辑", sources=["新华社", "人民日报"])
    claim = _shown(store.claim(claim.id), inspector, store)
    chips = inspector.chips_box.findChildren(QFrame, "sourceChip")
    assert [chip.findChild(QLabel).text() for chip in chips] == ["新华社", "人民日报"]

    with qtbot.waitSignal(inspector.sources_requested) as typed:
        _type(inspector.source_edit, "财政部，新华社")
        qtbot.keyClick(inspector.source_edit, Qt.Key.Key_Return)
    assert typed.args == [claim.id, ["新华社", "人民日报", "财政部"]]
    qtbot.waitUntil(lambda: inspector.source_edit.text() == "")

    remove = chips[0].findChild(QToolButton)
    assert remove.toolTip() == "Remove source 新华社"
    with qtbot.waitSignal(inspector.sources_requested) as removed:
        qtbot.mouseClick(remove, Qt.MouseButton.LeftButton)
    assert removed.args == [claim.id, ["人民日报"]]

    # A tag the claim has already asks for nothing.
    with qtbot.assertNotEmitted(inspector.sources_requested):
        _type(inspector.source_edit, "人民日报")
        qtbot.keyClick(inspector.source_edit, Qt.Key.Key_Return)


def test_recent_tags_sit_on_number_keys(store: ReviewStore, inspector: ClaimInspector, qtbot: QtBot) -> None:
    claim = _shown(_claim(store), inspector, store)
    tags = [f"来源{n}" for n in range(1, 12)]
    inspector.set_recent_sources(tags)
    assert [inspector.recent_source(n) for n in range(1, 10)] == tags[:9]
    assert inspector.recent_source(0) is None
    assert inspector.recent_source(10) is None
    assert len(inspector.recent_buttons) == 9
    assert inspector.recent_buttons[2].text().startswith("3 ")

    with qtbot.waitSignal(inspector.sources_requested) as blocker:
        assert inspector.request_recent_source(3)
    assert blocker.args == [claim.id, ["来源3"]]
    with qtbot.waitSignal(inspector.sources_requested) as clicked:
        qtbot.mouseClick(inspector.recent_buttons[0], Qt.MouseButton.LeftButton)
    assert clicked.args == [claim.id, ["来源1"]]

    inspector.set_recent_sources(["新华社"])
    assert inspector.recent_source(1) == "新华社"
    assert inspector.recent_source(2) is None
    assert inspector.request_recent_source(2) is False


def test_the_note_is_asked_for_on_ctrl_enter_and_on_leaving(
    store: ReviewStore, inspector: ClaimInspector, qtbot: QtBot
) -> None:
    claim = _shown(_claim(store), inspector, store)
    inspector.begin_note()
    qtbot.waitUntil(inspector.note_edit.hasFocus)
    _type(inspector.note_edit, "核对公报")
    with qtbot.waitSignal(inspector.note_requested) as applied:
        qtbot.keyClick(inspector.note_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert applied.args == [claim.id, "核对公报"]
    assert inspector.note_edit.toPlainText() == "核对公报"  # Ctrl+Enter adds no line

    # Unchanged since it was asked for: leaving asks for nothing.
    with qtbot.assertNotEmitted(inspector.note_requested):
        inspector.source_edit.setFocus()
        qtbot.waitUntil(inspector.source_edit.hasFocus)

    inspector.begin_note()
    qtbot.waitUntil(inspector.note_edit.hasFocus)
    _type(inspector.note_edit, "。")
    with qtbot.waitSignal(inspector.note_requested) as left:
        inspector.value_edit.setFocus()
    assert left.args == [claim.id, "核对公报。"]

    # Moving to another claim with an unsaved note asks for it under the old claim.
    _type(inspector.note_edit, "待补")
    other = next(c for c in store.claims() if c.id != claim.id)
    with qtbot.waitSignal(inspector.note_requested) as moved:
        _shown(other, inspector, store)
    assert moved.args == [claim.id, "核对公报。待补"]
    assert inspector.note_edit.toPlainText() == other.note


def test_history_rows_are_rendered_newest_first(store: ReviewStore, inspector: ClaimInspector) -> None:
    claim = _claim(store)
    store.decide(claim.id, "confirmed", editor="王编辑", sources=["新华社"])
    store.decide(claim.id, "rejected", editor="李编辑", reason="wrong-number", note="数字有误")
    store.decide(claim.id, "corrected", editor="王编辑", corrected_value="1.3万")
    claim = _shown(store.claim(claim.id), inspector, store)

    assert inspector.history_entries_shown() == 3
    rows = [row.text() for row in inspector.history_rows]
    assert "王编辑" in rows[0] and "13,000" in rows[0]
    assert "Rejected (wrong number) → Corrected" in rows[0]
    assert "李编辑" in rows[1] and "数字有误" in rows[1]
    assert "新华社" in rows[2]


def test_no_claim_shows_the_empty_state(store: ReviewStore, inspector: ClaimInspector, qtbot: QtBot) -> None:
    _shown(_claim(store), inspector, store)
    inspector.show_claim(None, [])
    assert inspector.empty_label.isVisible()
    assert inspector.empty_label.text() == "No claim selected"
    assert inspector.claim is None
    with qtbot.assertNotEmitted(inspector.confirm_requested):
        qtbot.mouseClick(inspector.confirm_button, Qt.MouseButton.LeftButton)
    assert inspector.request_recent_source(1) is False


def test_a_refusal_shows_in_a_banner_until_another_claim(
    store: ReviewStore, inspector: ClaimInspector
) -> None:
    claims = store.claims()
    _shown(claims[0], inspector, store)
    inspector.show_refusal("Someone else changed this claim; it has been reloaded.")
    assert inspector.refusal_banner.isVisible()
    assert inspector.refusal_text() == "Someone else changed this claim; it has been reloaded."

    _shown(claims[0], inspector, store)  # the refreshed claim keeps the banner
    assert inspector.refusal_banner.isVisible()
    _shown(claims[1], inspector, store)
    assert not inspector.refusal_banner.isVisible()
    assert inspector.refusal_text() == ""


def test_a_refresh_keeps_what_is_being_typed(
    store: ReviewStore, inspector: ClaimInspector, qtbot: QtBot
) -> None:
    claim = _shown(_claim(store), inspector, store)
    _type(inspector.value_edit, "1.3万")
    store.decide(claim.id, "confirmed", editor="王编辑")
    _shown(store.claim(claim.id), inspector, store)
    assert inspector.value_edit.text() == "1.3万"
    _shown(store.claims()[-1], inspector, store)
    assert inspector.value_edit.text() == ""


# -- the correction's second look ---------------------------------------------------------------


def _percent_claim(store: ReviewStore) -> ClaimView:
    return next(c for c in store.claims() if c.unit == "%" and c.subject and 10 < c.value < 100)


def test_a_value_ten_times_off_is_asked_about_once_then_saved(
    store: ReviewStore, inspector: ClaimInspector, qtbot: QtBot
) -> None:
    claim = _shown(_percent_claim(store), inspector, store)
    _type(inspector.value_edit, "13000")  # a count typed where a share was meant
    with qtbot.assertNotEmitted(inspector.correct_requested):
        qtbot.keyClick(inspector.value_edit, Qt.Key.Key_Return)
    question = inspector.second_look_text()
    shown = format_decimal(claim.value)
    assert question.startswith(f"{shown}% → 13,000%")
    assert "10 times or more apart" in question
    assert inspector.apply_button.text() == "Save anyway"
    with qtbot.waitSignal(inspector.correct_requested) as blocker:
        qtbot.keyClick(inspector.value_edit, Qt.Key.Key_Return)
    assert blocker.args == [claim.id, "13000", ""]


def test_a_change_of_unit_kind_is_asked_about(
    store: ReviewStore, inspector: ClaimInspector, qtbot: QtBot
) -> None:
    claim = _shown(_percent_claim(store), inspector, store)
    _type(inspector.value_edit, f"{claim.value}人")  # the same number, now a head count
    with qtbot.assertNotEmitted(inspector.correct_requested):
        qtbot.keyClick(inspector.value_edit, Qt.Key.Key_Return)
    assert "a percent becomes a count" in inspector.second_look_text()
    assert "times" not in inspector.second_look_text()


def test_a_value_changed_after_the_question_is_asked_about_again(
    store: ReviewStore, inspector: ClaimInspector, qtbot: QtBot
) -> None:
    _shown(_percent_claim(store), inspector, store)
    _type(inspector.value_edit, "13000")
    qtbot.keyClick(inspector.value_edit, Qt.Key.Key_Return)
    assert inspector.second_look_text()
    qtbot.keyClick(inspector.value_edit, "0")  # 130000 now: a new value, a new question
    assert inspector.second_look_text() == ""
    with qtbot.assertNotEmitted(inspector.correct_requested):
        qtbot.keyClick(inspector.value_edit, Qt.Key.Key_Return)
    assert "130,000" in inspector.second_look_text()


def test_a_close_value_of_the_same_kind_is_saved_at_once(
    store: ReviewStore, inspector: ClaimInspector, qtbot: QtBot
) -> None:
    claim = _shown(_percent_claim(store), inspector, store)
    typed = f"{claim.value + 1}%"
    _type(inspector.value_edit, typed)
    with qtbot.waitSignal(inspector.correct_requested):
        qtbot.keyClick(inspector.value_edit, Qt.Key.Key_Return)
    assert inspector.second_look_text() == ""


def test_far_apart_and_unit_kinds() -> None:
    assert far_apart(Decimal("60.58"), Decimal("13000"))
    assert far_apart(Decimal("0"), Decimal("1"))
    assert not far_apart(Decimal("0"), Decimal("0"))
    assert not far_apart(Decimal("12000"), Decimal("13000"))
    assert far_apart(Decimal("-5"), Decimal("50"))
    assert [unit_kind(u) for u in ("%", "万元", "个百分点", "年", "公里", "人", "")] == [
        "percent",
        "money",
        "change",
        "duration",
        "measure",
        "count",
        "count",
    ]
