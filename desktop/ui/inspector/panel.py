"""The claim inspector: the right pane showing one claim and its decision controls.

The inspector never writes to the store.  Every decision is a `*_requested`
signal carrying the claim id; the review session saves it and the inspector
is shown the result (`show_claim`).  A refusal from the store (a stale
version, an invalid value, a database that cannot be written) comes back
through `show_refusal`.  The correction, the source tags and the history
are parts of their own (correction.py, sources.py, history.py).
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.store.records import REJECT_REASONS, AuditEntry, ClaimView, MemoryHit, SourcePlace, StoredFinding
from desktop.ui.inspector.checks import ChecksSection
from desktop.ui.inspector.correction import CorrectionEditor
from desktop.ui.inspector.history import HistoryList
from desktop.ui.inspector.memory import LinkedOffer, MemorySection
from desktop.ui.inspector.original import OriginalPlace
from desktop.ui.inspector.sources import SourcesEditor
from desktop.ui.palette import ACCENT_TEXT, INSPECTOR_STYLE, status_badge_style, status_style
from desktop.ui.wording import (
    approx_label,
    corrected_text,
    format_decimal,
    kind_label,
    local_time,
    reason_label,
    status_text,
)


class ClaimInspector(QWidget):
    """Shows one claim (or none) and asks for decisions on it."""

    confirm_requested = Signal(str)  # claim id
    reject_requested = Signal(str, str)  # claim id, reason key (REJECT_REASONS)
    correct_requested = Signal(str, str, str)  # claim id, value as typed, unit
    skip_requested = Signal(str)  # claim id
    sources_requested = Signal(str, list)  # claim id, the full new tag list
    note_requested = Signal(str, str)  # claim id, note text
    original_requested = Signal(str)  # claim id: open its original file

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("claimInspector")
        self._claim: ClaimView | None = None
        self._note_baseline = ""  # the note as last shown or last requested

        self.setMinimumWidth(300)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        self._build_banner()
        outer.addWidget(self.refusal_banner)
        # About the claim just confirmed, no longer the one shown: above the claim, not in it.
        self.offer = LinkedOffer(self)
        outer.addWidget(self.offer)
        self._stack = QStackedWidget(self)
        outer.addWidget(self._stack)

        self.empty_label = QLabel(self.tr("No claim selected"), self)
        self.empty_label.setObjectName("emptyState")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self._stack.addWidget(self.empty_label)

        self._scroll = QScrollArea(self)
        self._scroll.setWidgetResizable(True)
        self._scroll.setFrameShape(QFrame.Shape.NoFrame)
        self._scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        content = QWidget(self._scroll)
        content.setObjectName("inspectorContent")
        self._content_layout = QVBoxLayout(content)
        self._content_layout.setContentsMargins(12, 10, 12, 12)
        self._content_layout.setSpacing(10)
        self._scroll.setWidget(content)
        self._stack.addWidget(self._scroll)

        self._build_header(content)
        self._build_fields(content)
        self._build_decisions(content)
        # Right under the decision: the evidence for it, before the editor types anything.
        # Quiet (title and all) for a figure no other article states.
        self.memory_title = self._section_title(self.tr("Verified before"), content)
        self.memory = MemorySection(content)
        self._content_layout.addWidget(self.memory)
        self.show_memory("", [])
        self.checks_title = self._section_title(self.tr("Checks"), content)
        self.checks = ChecksSection(content)
        self._content_layout.addWidget(self.checks)
        self._section_title(self.tr("Correction"), content)
        self.correction = CorrectionEditor(content)
        self._content_layout.addWidget(self.correction)
        self._section_title(self.tr("Sources"), content)
        self.sources = SourcesEditor(content)
        self._content_layout.addWidget(self.sources)
        self._build_note(content)
        self._section_title(self.tr("History"), content)
        self.history = HistoryList(content)
        self._content_layout.addWidget(self.history)
        self._content_layout.addStretch(1)

        # The parts' fields, by the names the window and the tests use.
        self.value_edit = self.correction.value_edit
        self.unit_edit = self.correction.unit_edit
        self.apply_button = self.correction.apply_button
        self.correction_error = self.correction.error_label
        self.correction_preview = self.correction.preview_label
        self.source_edit = self.sources.source_edit
        self.source_completer = self.sources.source_completer
        self.chips_box = self.sources.chips_box

        self.correction.correct_requested.connect(self._on_correct)
        self.sources.sources_requested.connect(self._on_sources)
        self._leave_clicks_with_the_review()
        self.setStyleSheet(INSPECTOR_STYLE)
        self.show_claim(None, [])

    @property
    def recent_buttons(self) -> list[QToolButton]:
        return self.sources.recent_buttons

    @property
    def history_rows(self) -> list[QLabel]:
        return self.history.rows

    def _leave_clicks_with_the_review(self) -> None:
        """Only the text fields take the focus from a click.

        The review's keys (Y, J, 1…) are live only while the article view has
        the focus.  A click on a label (to select its text), on the pane's
        empty space (the scroll area) or on a button or the reason box would
        otherwise park the focus where no key does anything.  They stay
        reachable by Tab; selecting and copying a label's text works without
        the focus, through its context menu.
        """
        for label in self.findChildren(QLabel):
            label.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.reason_combo.setFocusPolicy(Qt.FocusPolicy.TabFocus)

    # -- building -------------------------------------------------------------------------------

    def _build_banner(self) -> None:
        self.refusal_banner = QFrame(self)
        self.refusal_banner.setObjectName("refusalBanner")
        layout = QHBoxLayout(self.refusal_banner)
        layout.setContentsMargins(10, 6, 4, 6)
        self.refusal_label = QLabel(self.refusal_banner)
        self.refusal_label.setWordWrap(True)
        self.refusal_label.setTextFormat(Qt.TextFormat.PlainText)
        self.refusal_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.refusal_label, 1)
        close = QToolButton(self.refusal_banner)
        close.setText("×")
        close.setAutoRaise(True)
        close.setToolTip(self.tr("Dismiss"))
        close.setAccessibleName(self.tr("Dismiss"))
        close.clicked.connect(self.clear_refusal)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        self.refusal_banner.hide()

    def _section_title(self, text: str, parent: QWidget) -> QLabel:
        label = QLabel(text, parent)
        label.setObjectName("sectionTitle")
        font = label.font()
        font.setBold(True)
        label.setFont(font)
        self._content_layout.addWidget(label)
        return label

    def _build_header(self, parent: QWidget) -> None:
        self.text_label = QLabel(parent)
        self.text_label.setObjectName("claimText")
        self.text_label.setWordWrap(True)
        self.text_label.setTextFormat(Qt.TextFormat.PlainText)
        self.text_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.text_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.9)
        font.setWeight(QFont.Weight.DemiBold)
        self.text_label.setFont(font)
        self._content_layout.addWidget(self.text_label)

    def _field(self, form: QFormLayout, label: str, parent: QWidget, *, rich: bool = False) -> QLabel:
        value = QLabel(parent)
        value.setWordWrap(True)
        value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        value.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
        value.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        caption = QLabel(label, parent)
        caption.setObjectName("fieldCaption")
        caption.setBuddy(value)
        form.addRow(caption, value)
        value.setAccessibleName(label)
        return value

    def _build_fields(self, parent: QWidget) -> None:
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        form.setHorizontalSpacing(10)
        form.setVerticalSpacing(5)
        self._form = form
        # The status leads the form as a badge: colour, glyph and label together.
        self.status_label = QLabel(parent)
        self.status_label.setObjectName("statusBadge")
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        self.status_label.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        status_caption = QLabel(self.tr("Status"), parent)
        status_caption.setObjectName("fieldCaption")
        status_caption.setBuddy(self.status_label)
        form.addRow(status_caption, self.status_label)
        self.value_label = self._field(form, self.tr("Value"), parent)
        self.corrected_label = self._field(form, self.tr("Corrected"), parent)
        bold = self.corrected_label.font()
        bold.setBold(True)
        self.corrected_label.setFont(bold)
        self.unit_label = self._field(form, self.tr("Unit"), parent)
        self.kind_label = self._field(form, self.tr("Kind"), parent)
        self.approx_label = self._field(form, self.tr("Approximation"), parent)
        self.subject_label = self._field(form, self.tr("Subject"), parent)
        self.time_label = self._field(form, self.tr("Time"), parent)
        self.place_label = self._field(form, self.tr("Place"), parent)
        self.sentence_label = self._field(form, self.tr("Sentence"), parent, rich=True)
        # Where the claim stands in the file as it was imported; the name opens the file.
        self.original_label = OriginalPlace(parent)
        original_caption = QLabel(self.tr("Source file"), parent)
        original_caption.setObjectName("fieldCaption")
        original_caption.setBuddy(self.original_label)
        form.addRow(original_caption, self.original_label)
        self.original_label.setAccessibleName(self.tr("Source file"))
        self.original_label.linkActivated.connect(self._on_original_link)
        self.decided_label = self._field(form, self.tr("Decided"), parent)
        # The store's decision version, which every saved change bumps: what an editor
        # reads is how often the decision was changed, not a version number.
        self.changes_field = self._field(form, self.tr("Times changed"), parent)
        self._content_layout.addLayout(form)

    def _build_decisions(self, parent: QWidget) -> None:
        grid = QGridLayout()
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(6)

        def button(text: str, tip: str, name: str) -> QPushButton:
            made = QPushButton(text, parent)
            made.setObjectName(name)
            made.setToolTip(tip)
            made.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            made.setAutoDefault(False)
            return made

        self.confirm_button = button(
            self.tr("Confirm"), self.tr("Confirm the number (Enter or Y)"), "confirm"
        )
        self.correct_button = button(self.tr("Correct…"), self.tr("Correct the number (E)"), "correct")
        self.reject_button = button(
            self.tr("Reject"), self.tr("Reject (X: not a claim; Shift+X: wrong number)"), "reject"
        )
        self.skip_button = button(self.tr("Skip"), self.tr("Skip to the next claim (J)"), "skip")
        grid.addWidget(self.confirm_button, 0, 0)
        grid.addWidget(self.correct_button, 0, 1)
        grid.addWidget(self.reject_button, 1, 0)
        grid.addWidget(self.skip_button, 1, 1)

        reason_row = QHBoxLayout()
        reason_caption = QLabel(self.tr("Reject as"), parent)
        reason_caption.setObjectName("fieldCaption")
        self.reason_combo = QComboBox(parent)
        for reason in REJECT_REASONS:  # the first, "not a claim", is the default
            self.reason_combo.addItem(reason_label(reason), reason)
        self.reason_combo.setToolTip(self.tr("Why the claim is rejected"))
        reason_caption.setBuddy(self.reason_combo)
        reason_row.addWidget(reason_caption)
        reason_row.addWidget(self.reason_combo, 1)
        grid.addLayout(reason_row, 2, 0, 1, 2)
        self._content_layout.addLayout(grid)

        self.confirm_button.clicked.connect(self._on_confirm)
        self.correct_button.clicked.connect(self.begin_correction)
        self.reject_button.clicked.connect(self._on_reject)
        self.skip_button.clicked.connect(self._on_skip)

    def _build_note(self, parent: QWidget) -> None:
        title_row = QHBoxLayout()
        title = QLabel(self.tr("Note"), parent)
        title.setObjectName("sectionTitle")
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        title_row.addWidget(title)
        title_row.addStretch(1)
        self.note_hint = QLabel(self.tr("Ctrl+Enter saves"), parent)
        self.note_hint.setObjectName("mutedLabel")
        title_row.addWidget(self.note_hint)
        self._content_layout.addLayout(title_row)
        self.note_edit = QPlainTextEdit(parent)
        self.note_edit.setObjectName("noteEdit")
        self.note_edit.setPlaceholderText(self.tr("A note for this claim"))
        self.note_edit.setAccessibleName(self.tr("Note"))
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 14)
        self.note_edit.installEventFilter(self)
        self._content_layout.addWidget(self.note_edit)
        title.setBuddy(self.note_edit)

    # -- showing --------------------------------------------------------------------------------

    @property
    def claim(self) -> ClaimView | None:
        """The claim shown, as last pushed in with `show_claim`."""
        return self._claim

    def claim_id(self) -> str:
        return self._claim.id if self._claim is not None else ""

    def show_claim(self, claim: ClaimView | None, history: Sequence[AuditEntry]) -> None:
        """Show a claim and its audit history; None shows the empty state.

        Showing the same claim again (a refresh after a saved decision) keeps
        a correction being typed and an unsaved note; a different claim
        clears them and any refusal banner.
        """
        same = claim is not None and self._claim is not None and claim.id == self._claim.id
        if not same:
            # Moving on is leaving the note: ask for it under the claim it was written for.
            self.apply_note()
        self._claim = claim
        self.correction.set_claim(claim, keep_typing=same)
        if claim is None:
            self._stack.setCurrentWidget(self.empty_label)
            self.clear_refusal()
            self.sources.clear_typing()
            self.sources.show_sources(None)
            self._set_note("")
            self.history.show_history([])
            return
        if not same:
            self.clear_refusal()
            self.sources.clear_typing()
            self._set_note("")
        self._stack.setCurrentWidget(self._scroll)
        self._show_fields(claim)
        self.sources.show_sources(claim.sources)
        note_dirty = same and self.note_edit.toPlainText() != self._note_baseline
        if not note_dirty:
            self._set_note(claim.note)
        else:
            self._note_baseline = claim.note
        if claim.status == "rejected" and claim.reason in REJECT_REASONS:
            self.reason_combo.setCurrentIndex(REJECT_REASONS.index(claim.reason))
        elif not same:
            self.reason_combo.setCurrentIndex(0)
        self.history.show_history(history)
        if not same:
            self._scroll.verticalScrollBar().setValue(0)

    def show_findings(self, claim_id: str, findings: Sequence[StoredFinding]) -> None:
        """The checks that involve the claim shown (ReviewChecks.claim_findings_changed)."""
        self.checks.show_findings(claim_id, findings)
        flags = sum(1 for f in findings if f.is_open_flag)
        title = self.tr("Checks") if not flags else self.tr("Checks — %n open flag(s)", "", flags)
        self.checks_title.setText(title)

    def show_memory(self, _claim_id: str, hits: Sequence[MemoryHit]) -> None:
        """The claim's statements in other articles (ReviewMemory.claim_memory_changed); none: hidden."""
        self.memory.show_hits(hits)
        verified = sum(1 for hit in hits if hit.verified)
        self.memory_title.setText(self.tr("Verified before") if verified else self.tr("Stated elsewhere"))
        self.memory_title.setVisible(bool(hits))

    def show_place(self, place: SourcePlace | None) -> None:
        """Where the claim shown stands in its file: name, line, the raw text around it."""
        self.original_label.show_place(place)

    def original_text(self) -> str:
        """The source-file field as plain text, whole (the label fits it to its width)."""
        return self.original_label.plain_text()

    def _on_original_link(self, _link: str) -> None:
        if self._claim is not None:
            self.original_requested.emit(self._claim.id)

    def _set_note(self, text: str) -> None:
        self._note_baseline = text
        if self.note_edit.toPlainText() != text:
            self.note_edit.setPlainText(text)

    def _show_fields(self, claim: ClaimView) -> None:
        label = status_text(claim.status, claim.reason)
        self.status_label.setText(f"{status_style(claim.status).glyph} {label}")
        # Only when it changes: each setStyleSheet re-polishes the widget (a fifth of a key's time).
        badge = status_badge_style(claim.status)
        if self.status_label.styleSheet() != badge:
            self.status_label.setStyleSheet(badge)
        self.status_label.setAccessibleName(self.tr("Status: {status}").format(status=label))
        strike = "QLabel { text-decoration: line-through; }" if claim.status == "rejected" else ""
        if self.text_label.styleSheet() != strike:
            self.text_label.setStyleSheet(strike)
        self.text_label.setText(claim.text)

        value = format_decimal(claim.value)
        if claim.value_low is not None:
            value = self.tr("{low} – {high}").format(low=format_decimal(claim.value_low), high=value)
        self.value_label.setText(value)
        corrected = claim.corrected_value is not None and claim.status == "corrected"
        self._form.setRowVisible(self.corrected_label, corrected)
        if claim.corrected_value is not None:
            self.corrected_label.setText(corrected_text(claim))
        self.unit_label.setText(claim.unit or "—")
        self.kind_label.setText(kind_label(claim.kind))
        self.approx_label.setText(approx_label(claim.approx))
        self.subject_label.setText(claim.subject or "—")
        self.time_label.setText(claim.time or "—")
        self.place_label.setText(claim.place or "—")
        self.sentence_label.setText(_sentence_html(claim.sentence, claim.text))
        # A claim set back to pending was decided by nobody, whoever set it back (the history says).
        if claim.status != "pending" and (claim.editor or claim.decided_at):
            decided = self.tr("{editor}, {time}").format(
                editor=claim.editor or "—", time=local_time(claim.decided_at) or "—"
            )
        else:
            decided = self.tr("not decided yet")
        self.decided_label.setText(decided)
        self.changes_field.setText(str(claim.version) if claim.version else self.tr("none"))

    # -- refusals -------------------------------------------------------------------------------

    def show_refusal(self, message: str) -> None:
        """Show a store refusal (a stale version, an invalid value) in the banner."""
        self.refusal_label.setText(message)
        self.refusal_banner.setAccessibleDescription(message)
        self.refusal_banner.show()

    def clear_refusal(self) -> None:
        self.refusal_label.clear()
        self.refusal_banner.hide()

    def refusal_text(self) -> str:
        """The refusal shown, or "" when the banner is hidden."""
        return self.refusal_label.text() if not self.refusal_banner.isHidden() else ""

    # -- decisions ------------------------------------------------------------------------------

    def _on_confirm(self) -> None:
        if self._claim is not None:
            self.confirm_requested.emit(self._claim.id)

    def _on_reject(self) -> None:
        if self._claim is not None:
            self.reject_requested.emit(self._claim.id, self.reject_reason())

    def _on_skip(self) -> None:
        if self._claim is not None:
            self.skip_requested.emit(self._claim.id)

    def reject_reason(self) -> str:
        """The reason key chosen for a rejection (one of REJECT_REASONS)."""
        return str(self.reason_combo.currentData())

    def set_reject_reason(self, reason: str) -> None:
        if reason in REJECT_REASONS:
            self.reason_combo.setCurrentIndex(REJECT_REASONS.index(reason))

    def cancel_edits(self) -> None:
        """Esc: drop what was typed and not saved; the note goes back to its saved text.

        Nothing is requested, so the claim's decision is left exactly as it was.
        """
        self.correction.clear()
        self.sources.clear_typing()
        if self.note_edit.toPlainText() != self._note_baseline:
            self.note_edit.setPlainText(self._note_baseline)

    # -- correction -----------------------------------------------------------------------------

    def begin_correction(self) -> None:
        """Focus the value field, prefilled with the claim's current value and selected."""
        self.correction.begin()
        self._scroll.ensureWidgetVisible(self.value_edit)

    def apply_correction(self) -> bool:
        """Ask for the typed correction; refused (False, nothing emitted) unless it parses."""
        return self.correction.apply()

    def correction_error_text(self) -> str:
        """Why the typed value is refused, or "" when it parses (or is empty)."""
        return self.correction.error_text()

    def correction_preview_text(self) -> str:
        return self.correction.preview_text()

    def second_look_text(self) -> str:
        """The question asked before a doubtful correction is saved, or ""."""
        return self.correction.second_look_text()

    def _on_correct(self, value: str, unit: str) -> None:
        if self._claim is not None:
            self.correct_requested.emit(self._claim.id, value, unit)

    # -- sources --------------------------------------------------------------------------------

    def set_known_sources(self, tags: Sequence[str]) -> None:
        self.sources.set_known_sources(tags)

    def known_sources(self) -> list[str]:
        return self.sources.known_sources()

    def set_recent_sources(self, tags: Sequence[str]) -> None:
        self.sources.set_recent_sources(tags)

    def recent_source(self, n: int) -> str | None:
        return self.sources.recent_source(n)

    def request_recent_source(self, n: int) -> bool:
        return self.sources.request_recent_source(n)

    def begin_source_entry(self) -> None:
        """Focus the tag box."""
        self.sources.begin()
        self._scroll.ensureWidgetVisible(self.source_edit)

    def _on_sources(self, tags: list[str]) -> None:
        if self._claim is not None:
            self.sources_requested.emit(self._claim.id, tags)

    # -- note -----------------------------------------------------------------------------------

    def begin_note(self) -> None:
        """Focus the note field."""
        if self._claim is None:
            return
        self.note_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self._scroll.ensureWidgetVisible(self.note_edit)

    def apply_note(self) -> bool:
        """Ask to save the note when it changed; False (nothing emitted) otherwise."""
        if self._claim is None:
            return False
        text = self.note_edit.toPlainText()
        if text == self._note_baseline:
            return False
        self._note_baseline = text
        self.note_requested.emit(self._claim.id, text)
        return True

    def note_not_saved(self, claim_id: str) -> None:
        """The note asked for was not saved: keep what was typed, marked as unsaved,
        so Ctrl+Enter or leaving the field tries again."""
        if self._claim is not None and self._claim.id == claim_id:
            self._note_baseline = self._claim.note

    def history_entries_shown(self) -> int:
        """How many audit entries the history list shows."""
        return self.history.entries_shown()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.note_edit:
            if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
                enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                if enter and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                    self.apply_note()
                    return True
            elif event.type() == QEvent.Type.FocusOut:
                self.apply_note()
        return super().eventFilter(watched, event)


def _sentence_html(sentence: str, text: str) -> str:
    """The sentence as HTML with the claim's text in bold."""
    if not sentence:
        return "—"
    at = sentence.find(text) if text else -1
    if at < 0:
        return html.escape(sentence)
    return (
        html.escape(sentence[:at])
        + f"<b style='color:{ACCENT_TEXT}'>"
        + html.escape(text)
        + "</b>"
        + html.escape(sentence[at + len(text) :])
    )
