"""The correction field: a value typed the way copy writes it, read by the detector's own parser.

The value is parsed on every keystroke, so a refusal (with the parser's
reason) or the normal form ("= 13,000人") shows before Enter is pressed.  A
unit written in the value fills the unit field, unless the editor typed one
there by hand, in which case a disagreement is refused rather than guessed.

A correction ten times larger or smaller than the detected value, or one
that changes the kind of unit (a percentage corrected to a count), is
usually a slip (a missing 万, a % typed for a 个): the first Enter asks
("60.58% → 13,000%：相差 10 倍以上。保存吗？"), the second saves.  Asked once:
the same value again is taken as meant.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from desktop.claims import lexicon
from desktop.claims.numerals import NumberError, parse_quantity
from desktop.store.records import ClaimView
from desktop.ui.number_refusals import number_refusal_text
from desktop.ui.wording import format_decimal, kind_label, value_with_unit

# A correction this many times larger or smaller than the detected value gets a second look.
SECOND_LOOK_FACTOR = 10


def unit_kind(unit: str) -> str:
    """The kind of quantity a unit measures (as the store guesses it for a claim marked by hand)."""
    if unit in lexicon.PERCENT_UNITS or unit.startswith(("%", "％")):
        return "percent"
    if unit.endswith(lexicon.MONEY_UNITS):
        return "money"
    if unit in lexicon.CHANGE_UNITS:
        return "change"
    if unit in lexicon.DURATION_UNITS:
        return "duration"
    if unit in lexicon.MEASURE_UNITS:
        return "measure"
    return "count"


def far_apart(before: Decimal, after: Decimal) -> bool:
    """One is at least SECOND_LOOK_FACTOR times the other (or only one of them is zero)."""
    small, large = sorted((abs(before), abs(after)))
    if small == 0:
        return large != 0
    return large >= small * SECOND_LOOK_FACTOR


class CorrectionEditor(QWidget):
    """Value and unit fields with an Apply button; asks for a correction, never saves one."""

    correct_requested = Signal(str, str)  # value as typed, unit

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._claim: ClaimView | None = None
        self._unit_autofilled = False
        self._valid = False
        self._parsed: tuple[Decimal, str] | None = None  # the typed value and its unit, when valid
        self._asked: tuple[str, str, str] | None = None  # (claim, value, unit) the second look was shown for

        self.value_edit = QLineEdit(self)
        self.value_edit.setObjectName("correctedValue")
        self.value_edit.setPlaceholderText(self.tr("Corrected value, e.g. 1.3万"))
        self.value_edit.setAccessibleName(self.tr("Corrected value"))
        self.value_edit.setClearButtonEnabled(True)
        self.unit_edit = QLineEdit(self)
        self.unit_edit.setObjectName("correctedUnit")
        self.unit_edit.setPlaceholderText(self.tr("Unit"))
        self.unit_edit.setAccessibleName(self.tr("Corrected unit"))
        self.unit_edit.setMaximumWidth(70)
        self.apply_button = QPushButton(self.tr("Apply"), self)
        self.apply_button.setObjectName("applyCorrection")
        self.apply_button.setToolTip(self.tr("Save the corrected value (Enter)"))
        self.apply_button.setAutoDefault(False)
        self.apply_button.setEnabled(False)
        # Reached by Tab; a click leaves the keys with the review (see ClaimInspector).
        self.apply_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)

        self.error_label = QLabel(self)
        self.error_label.setObjectName("errorLabel")
        self.error_label.setWordWrap(True)
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label.hide()
        self.preview_label = QLabel(self)
        self.preview_label.setObjectName("mutedLabel")
        self.preview_label.setTextFormat(Qt.TextFormat.PlainText)
        self.preview_label.hide()
        self.second_look_label = QLabel(self)
        self.second_look_label.setObjectName("warningLabel")
        self.second_look_label.setWordWrap(True)
        self.second_look_label.setTextFormat(Qt.TextFormat.PlainText)
        self.second_look_label.hide()

        row = QHBoxLayout()
        row.setSpacing(6)
        row.addWidget(self.value_edit, 1)
        row.addWidget(self.unit_edit)
        row.addWidget(self.apply_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(row)
        layout.addWidget(self.error_label)
        layout.addWidget(self.preview_label)
        layout.addWidget(self.second_look_label)

        self.value_edit.textChanged.connect(self.validate)
        self.unit_edit.textEdited.connect(self._on_unit_edited)
        self.value_edit.returnPressed.connect(self.apply)
        self.unit_edit.returnPressed.connect(self.apply)
        self.apply_button.clicked.connect(self.apply)

    def set_claim(self, claim: ClaimView | None, *, keep_typing: bool) -> None:
        """The claim a correction would be for; a different claim drops what was typed."""
        self._claim = claim
        if not keep_typing:
            self.clear()
        if claim is not None:
            self.value_edit.setPlaceholderText(
                self.tr("Corrected value, now {value}").format(value=_current_value_text(claim))
            )
        self.validate()

    def begin(self) -> None:
        """Focus the value field, prefilled with the claim's current value and selected."""
        claim = self._claim
        if claim is None:
            return
        if not self.value_edit.text().strip():
            if claim.status == "corrected" and claim.corrected_value is not None:
                value, unit = claim.corrected_value, claim.corrected_unit
            else:
                value, unit = claim.value, claim.unit
            self.value_edit.setText(format(value, "f"))
            if not self.unit_edit.text():
                self.unit_edit.setText(unit)
                self._unit_autofilled = False
            self.validate()
        self.value_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.value_edit.selectAll()

    def clear(self) -> None:
        """Drop what was typed (Esc, or another claim)."""
        self.value_edit.clear()
        self.unit_edit.clear()
        self._unit_autofilled = False
        self.validate()

    def error_text(self) -> str:
        """Why the typed value is refused, or "" when it parses (or is empty)."""
        return self.error_label.text() if not self.error_label.isHidden() else ""

    def preview_text(self) -> str:
        return self.preview_label.text() if not self.preview_label.isHidden() else ""

    def second_look_text(self) -> str:
        """The question shown before a doubtful correction is saved, or ""."""
        return self.second_look_label.text() if not self.second_look_label.isHidden() else ""

    def _on_unit_edited(self, _text: str) -> None:
        self._unit_autofilled = False
        self.validate()

    def validate(self) -> None:
        text = self.value_edit.text()
        error = ""
        preview = ""
        valid = False
        self._parsed = None
        if text.strip():
            try:
                value, written_unit = parse_quantity(text)
            except NumberError as problem:
                # The parser's reason is technical English: the window says its code in words.
                error = number_refusal_text(problem)
            else:
                unit = self.unit_edit.text().strip()
                if written_unit and (not unit or self._unit_autofilled):
                    self.unit_edit.setText(written_unit)
                    self._unit_autofilled = True
                    unit = written_unit
                elif not written_unit and self._unit_autofilled:
                    self.unit_edit.clear()
                    self._unit_autofilled = False
                    unit = ""
                if written_unit and unit and unit != written_unit:
                    error = self.tr("The value says {written} but the unit field says {unit}").format(
                        written=written_unit, unit=unit
                    )
                else:
                    valid = True
                    self._parsed = (value, unit or written_unit)
                    preview = self.tr("= {value}").format(value=value_with_unit(value, unit or written_unit))
        self._valid = valid and self._claim is not None
        self.apply_button.setEnabled(self._valid)
        self.error_label.setText(error)
        self.error_label.setVisible(bool(error))
        self.preview_label.setText(preview)
        self.preview_label.setVisible(bool(preview))
        self.value_edit.setToolTip(error)
        self.value_edit.setAccessibleDescription(error)
        if self._asked != self._asking():
            self._asked = None  # the value changed since the question: the question goes
            self.second_look_label.clear()
            self.second_look_label.hide()
            self.apply_button.setText(self.tr("Apply"))
        invalid = bool(error)
        if self.value_edit.property("invalid") != invalid:
            self.value_edit.setProperty("invalid", invalid)
            self.value_edit.style().unpolish(self.value_edit)
            self.value_edit.style().polish(self.value_edit)

    def apply(self) -> bool:
        """Ask for the typed correction; False (nothing emitted) unless it parses and,
        when it deserves a second look, the question was shown for this very value."""
        self.validate()
        if not self._valid or self._claim is None or self._parsed is None:
            return False
        doubt = self._doubt(self._claim, *self._parsed)
        if doubt and self._asked != self._asking():
            self._asked = self._asking()
            self.second_look_label.setText(doubt)
            self.second_look_label.show()
            self.apply_button.setText(self.tr("Save anyway"))
            return False
        self.correct_requested.emit(self.value_edit.text().strip(), self.unit_edit.text().strip())
        return True

    def _asking(self) -> tuple[str, str, str]:
        claim_id = self._claim.id if self._claim is not None else ""
        return claim_id, self.value_edit.text().strip(), self.unit_edit.text().strip()

    def _doubt(self, claim: ClaimView, value: Decimal, unit: str) -> str:
        """Why this correction of `claim` deserves a second look, or ""."""
        # An empty corrected unit keeps the claim's own (as the store and the window show it).
        after_unit = unit or claim.unit
        reasons = []
        if far_apart(claim.value, value):
            reasons.append(self.tr("{factor} times or more apart").format(factor=SECOND_LOOK_FACTOR))
        before_kind, after_kind = unit_kind(claim.unit), unit_kind(after_unit)
        if before_kind != after_kind:
            reasons.append(
                self.tr("a {before} becomes a {after}").format(
                    before=kind_label(before_kind), after=kind_label(after_kind)
                )
            )
        if not reasons:
            return ""
        return self.tr("{before} → {after}: {why}. Save it? Enter saves, or change the value.").format(
            before=value_with_unit(claim.value, claim.unit),
            after=value_with_unit(value, after_unit),
            why=self.tr("; ").join(reasons),
        )


def _current_value_text(claim: ClaimView) -> str:
    if claim.status == "corrected" and claim.corrected_value is not None:
        return format_decimal(claim.corrected_value)
    return format_decimal(claim.value)
