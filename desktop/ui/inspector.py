"""The claim inspector: the right pane showing one claim and its decision controls.

The inspector never writes to the store.  Every decision is a `*_requested`
signal carrying the claim id; the main window calls the store and pushes the
result back with `show_claim`.  A refusal from the store (a stale version, an
invalid value) comes back through `show_refusal`.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Sequence
from decimal import Decimal

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSize, QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLayoutItem,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.claims.model import APPROX_MEANING
from desktop.claims.numerals import parse_quantity
from desktop.store.records import REJECT_REASONS, AuditEntry, ClaimView
from desktop.ui.palette import status_label, status_style

__all__ = ["ClaimInspector"]

_ERROR_COLOUR = "#B8400A"  # a darker vermillion: readable as text on white
_MUTED_COLOUR = "#5F6B76"
_ACCENT_COLOUR = "#0072B2"
_RECENT_LIMIT = 9
# Separators an editor may use to enter several tags at once.
_TAG_SPLIT = re.compile(r"[,，、;；]")


def format_decimal(value: Decimal) -> str:
    """A Decimal with thousands separators, exact and never in exponent form."""
    text = format(value, ",f")
    if "." in text:  # 65.10 -> 65.1, like the parser's canonical form
        text = text.rstrip("0").rstrip(".")
    return text


def _local_time(iso: str) -> str:
    """An ISO-8601 UTC time from the store as local "YYYY-MM-DD HH:MM"."""
    if not iso:
        return ""
    try:
        when = dt.datetime.fromisoformat(iso)
    except ValueError:
        return iso
    if when.tzinfo is not None:
        when = when.astimezone()
    return when.strftime("%Y-%m-%d %H:%M")


def _split_tags(text: str) -> list[str]:
    return [tag.strip() for tag in _TAG_SPLIT.split(text) if tag.strip()]


class _SourceChip(QFrame):
    """One source tag with a small remove button."""

    remove_requested = Signal(str)

    def __init__(self, tag: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tag = tag
        self.setObjectName("sourceChip")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 1, 2, 1)
        layout.setSpacing(2)
        label = QLabel(tag, self)
        label.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(label)
        self.remove_button = QToolButton(self)
        self.remove_button.setText("×")
        self.remove_button.setAutoRaise(True)
        self.remove_button.setToolTip(self.tr("Remove source {tag}").format(tag=tag))
        self.remove_button.setAccessibleName(self.tr("Remove source {tag}").format(tag=tag))
        self.remove_button.clicked.connect(lambda: self.remove_requested.emit(self.tag))
        layout.addWidget(self.remove_button)


class ClaimInspector(QWidget):
    """Shows one claim (or none) and asks for decisions on it."""

    confirm_requested = Signal(str)  # claim id
    reject_requested = Signal(str, str)  # claim id, reason key (REJECT_REASONS)
    correct_requested = Signal(str, str, str)  # claim id, value as typed, unit
    skip_requested = Signal(str)  # claim id
    sources_requested = Signal(str, list)  # claim id, the full new tag list
    note_requested = Signal(str, str)  # claim id, note text

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("claimInspector")
        self._claim: ClaimView | None = None
        self._recent: list[str] = []
        self._note_baseline = ""  # the note as last shown or last requested
        self._unit_autofilled = False
        self._correction_valid = False

        self.setMinimumWidth(300)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)

        self._build_banner()
        outer.addWidget(self.refusal_banner)

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
        self._build_correction(content)
        self._build_sources(content)
        self._build_note(content)
        self._build_history(content)
        self._content_layout.addStretch(1)

        self._leave_clicks_with_the_review()
        self._apply_style()
        self.show_claim(None, [])

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
        self.apply_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)

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
        self.decided_label = self._field(form, self.tr("Decided"), parent)
        self.version_field = self._field(form, self.tr("Version"), parent)
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
        self.reject_button = button(self.tr("Reject"), self.tr("Reject the claim (X)"), "reject")
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
            self.reason_combo.addItem(self._reason_label(reason), reason)
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

    def _build_correction(self, parent: QWidget) -> None:
        self._section_title(self.tr("Correction"), parent)
        row = QHBoxLayout()
        row.setSpacing(6)
        self.value_edit = QLineEdit(parent)
        self.value_edit.setObjectName("correctedValue")
        self.value_edit.setPlaceholderText(self.tr("Corrected value, e.g. 1.3万"))
        self.value_edit.setAccessibleName(self.tr("Corrected value"))
        self.value_edit.setClearButtonEnabled(True)
        self.unit_edit = QLineEdit(parent)
        self.unit_edit.setObjectName("correctedUnit")
        self.unit_edit.setPlaceholderText(self.tr("Unit"))
        self.unit_edit.setAccessibleName(self.tr("Corrected unit"))
        self.unit_edit.setMaximumWidth(70)
        self.apply_button = QPushButton(self.tr("Apply"), parent)
        self.apply_button.setObjectName("applyCorrection")
        self.apply_button.setToolTip(self.tr("Save the corrected value (Enter)"))
        self.apply_button.setAutoDefault(False)
        self.apply_button.setEnabled(False)
        row.addWidget(self.value_edit, 1)
        row.addWidget(self.unit_edit)
        row.addWidget(self.apply_button)
        self._content_layout.addLayout(row)

        self.correction_error = QLabel(parent)
        self.correction_error.setObjectName("errorLabel")
        self.correction_error.setWordWrap(True)
        self.correction_error.setTextFormat(Qt.TextFormat.PlainText)
        self.correction_error.hide()
        self.correction_preview = QLabel(parent)
        self.correction_preview.setObjectName("mutedLabel")
        self.correction_preview.setTextFormat(Qt.TextFormat.PlainText)
        self.correction_preview.hide()
        self._content_layout.addWidget(self.correction_error)
        self._content_layout.addWidget(self.correction_preview)

        self.value_edit.textChanged.connect(self._validate_correction)
        self.unit_edit.textEdited.connect(self._on_unit_edited)
        self.value_edit.returnPressed.connect(self.apply_correction)
        self.unit_edit.returnPressed.connect(self.apply_correction)
        self.apply_button.clicked.connect(self.apply_correction)

    def _build_sources(self, parent: QWidget) -> None:
        self._section_title(self.tr("Sources"), parent)
        self.chips_box = QWidget(parent)
        self.chips_layout = _FlowLayout(self.chips_box)
        self._content_layout.addWidget(self.chips_box)
        self.no_sources_label = QLabel(self.tr("No sources yet"), parent)
        self.no_sources_label.setObjectName("mutedLabel")
        self._content_layout.addWidget(self.no_sources_label)

        self.source_edit = QLineEdit(parent)
        self.source_edit.setObjectName("sourceEntry")
        self.source_edit.setPlaceholderText(self.tr("Add a source tag and press Enter"))
        self.source_edit.setAccessibleName(self.tr("Source tag"))
        self._known_model = QStringListModel(self)
        self.source_completer = QCompleter(self._known_model, self)
        self.source_completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.source_completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.source_completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.source_edit.setCompleter(self.source_completer)
        self._content_layout.addWidget(self.source_edit)
        self.source_edit.returnPressed.connect(self._on_source_entered)

        self.recent_box = QWidget(parent)
        self.recent_box.setObjectName("recentSources")
        self.recent_layout = _FlowLayout(self.recent_box)
        self._content_layout.addWidget(self.recent_box)
        self.recent_buttons: list[QToolButton] = []

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

    def _build_history(self, parent: QWidget) -> None:
        self._section_title(self.tr("History"), parent)
        self.history_box = QWidget(parent)
        self.history_layout = QVBoxLayout(self.history_box)
        self.history_layout.setContentsMargins(0, 0, 0, 0)
        self.history_layout.setSpacing(4)
        self._content_layout.addWidget(self.history_box)
        self.history_rows: list[QLabel] = []

    def _apply_style(self) -> None:
        self.setStyleSheet(
            f"""
            #refusalBanner {{ background: #FBE3D6; border-bottom: 2px solid #D55E00; }}
            #refusalBanner QLabel {{ color: #5A1F00; }}
            #emptyState {{ color: {_MUTED_COLOUR}; font-size: 13pt; }}
            #inspectorContent {{ background: palette(base); }}
            #fieldCaption {{ color: {_MUTED_COLOUR}; }}
            #mutedLabel {{ color: {_MUTED_COLOUR}; }}
            #errorLabel {{ color: {_ERROR_COLOUR}; }}
            #sectionTitle {{ color: #2A3540; padding-top: 4px; border-top: 1px solid #DDE2E6; }}
            #sourceChip {{ background: #E4EEF6; border: 1px solid #B8CEE0; border-radius: 10px; }}
            #sourceChip QToolButton {{ border: none; padding: 0 3px; }}
            #recentSources QToolButton {{
                border: 1px solid #D5DBE0; border-radius: 4px; padding: 1px 5px; background: #F6F8FA;
            }}
            #historyRow {{ background: #F3F5F7; border-left: 3px solid #9FB0BF; border-radius: 0; padding: 3px 6px; }}
            QLineEdit[invalid="true"] {{ border: 2px solid {_ERROR_COLOUR}; border-radius: 3px; }}
            """
        )

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
        if claim is None:
            self._stack.setCurrentWidget(self.empty_label)
            self.clear_refusal()
            self._reset_edits()
            self._show_history([])
            return
        if not same:
            self.clear_refusal()
            self._reset_edits()
        self._stack.setCurrentWidget(self._scroll)
        self._show_fields(claim)
        self._show_sources(claim.sources)
        note_dirty = same and self.note_edit.toPlainText() != self._note_baseline
        if not note_dirty:
            self._set_note(claim.note)
        else:
            self._note_baseline = claim.note
        if claim.status == "rejected" and claim.reason in REJECT_REASONS:
            self.reason_combo.setCurrentIndex(REJECT_REASONS.index(claim.reason))
        elif not same:
            self.reason_combo.setCurrentIndex(0)
        self._show_history(history)
        if not same:
            self._scroll.verticalScrollBar().setValue(0)

    def _reset_edits(self) -> None:
        self.value_edit.clear()
        self.unit_edit.clear()
        self._unit_autofilled = False
        self.source_edit.clear()
        self._set_note("")
        self._validate_correction()

    def _set_note(self, text: str) -> None:
        self._note_baseline = text
        if self.note_edit.toPlainText() != text:
            self.note_edit.setPlainText(text)

    def _show_fields(self, claim: ClaimView) -> None:
        style = status_style(claim.status)
        glyph = style.glyph
        label = status_label(claim.status)
        if claim.status == "rejected" and claim.reason:
            label = self.tr("{status} ({reason})").format(
                status=label, reason=self._reason_label(claim.reason)
            )
        self.status_label.setText(f"{glyph} {label}")
        self.status_label.setStyleSheet(
            f"QLabel {{ background: {style.background.name(QColor.NameFormat.HexArgb)};"
            f" border: 1px solid {style.colour.name()};"
            " border-radius: 10px; padding: 2px 10px; color: #1E2A33; font-weight: 600; }"
        )
        self.status_label.setAccessibleName(self.tr("Status: {status}").format(status=label))
        strike = "text-decoration: line-through;" if claim.status == "rejected" else ""
        self.text_label.setStyleSheet(f"QLabel {{ {strike} }}")
        self.text_label.setText(claim.text)

        value = format_decimal(claim.value)
        if claim.value_low is not None:
            value = self.tr("{low} – {high}").format(low=format_decimal(claim.value_low), high=value)
        self.value_label.setText(value)
        corrected = claim.corrected_value is not None and claim.status == "corrected"
        self._set_row_visible(self.corrected_label, corrected)
        if claim.corrected_value is not None:
            self.corrected_label.setText(
                f"{format_decimal(claim.corrected_value)} {claim.corrected_unit or claim.unit}".strip()
            )
        self.unit_label.setText(claim.unit or "—")
        self.kind_label.setText(self._kind_label(claim.kind))
        if claim.approx:
            meaning = self._approx_meaning(claim.approx)
            approx = (
                self.tr("{word} ({meaning})").format(word=claim.approx, meaning=meaning)
                if meaning
                else claim.approx
            )
        else:
            approx = self.tr("exact")
        self.approx_label.setText(approx)
        self.subject_label.setText(claim.subject or "—")
        self.time_label.setText(claim.time or "—")
        self.place_label.setText(claim.place or "—")
        self.sentence_label.setText(_sentence_html(claim.sentence, claim.text))
        if claim.editor or claim.decided_at:
            decided = self.tr("{editor}, {time}").format(
                editor=claim.editor or "—", time=_local_time(claim.decided_at) or "—"
            )
        else:
            decided = self.tr("not decided yet")
        self.decided_label.setText(decided)
        self.version_field.setText(str(claim.version))
        self.value_edit.setPlaceholderText(
            self.tr("Corrected value, now {value}").format(value=self._current_value_text(claim))
        )

    def _set_row_visible(self, field: QLabel, visible: bool) -> None:
        self._form.setRowVisible(field, visible)

    def _show_sources(self, tags: Sequence[str]) -> None:
        self.chips_layout.clear()
        for tag in tags:
            chip = _SourceChip(tag, self.chips_box)
            chip.remove_requested.connect(self._on_source_removed)
            self.chips_layout.addWidget(chip)
        self.chips_box.setVisible(bool(tags))
        self.no_sources_label.setVisible(not tags)

    def _show_history(self, history: Sequence[AuditEntry]) -> None:
        for row in self.history_rows:
            self.history_layout.removeWidget(row)
            row.hide()  # deleteLater waits for the event loop; a grab or test may come first
            row.deleteLater()
        self.history_rows = []
        if not history:
            empty = QLabel(self.tr("No changes yet"), self.history_box)
            empty.setObjectName("mutedLabel")
            self.history_layout.addWidget(empty)
            self.history_rows.append(empty)
            return
        for entry in reversed(history):  # newest first: that is what an editor looks for
            row = QLabel(self.history_box)
            row.setObjectName("historyRow")
            row.setWordWrap(True)
            row.setTextFormat(Qt.TextFormat.RichText)
            row.setText(self._history_html(entry))
            row.setProperty("audit_id", entry.id)
            self.history_layout.addWidget(row)
            self.history_rows.append(row)

    def history_entries_shown(self) -> int:
        """How many audit entries the history list shows."""
        return sum(1 for row in self.history_rows if row.property("audit_id") is not None)

    def _history_html(self, entry: AuditEntry) -> str:
        head = self.tr("{time} · {editor} · {action}").format(
            time=_local_time(entry.at) or "—",
            editor=entry.editor or self.tr("system"),
            action=self._action_label(entry.action),
        )
        lines = [f"<span style='color:{_MUTED_COLOUR}'>{html.escape(head)}</span>"]
        for change in self._history_changes(entry):
            lines.append(html.escape(change))
        return "<br>".join(lines)

    def _history_changes(self, entry: AuditEntry) -> list[str]:
        before, after = entry.before, entry.after
        changes: list[str] = []
        arrow = self.tr("{field}: {before} → {after}")

        def differs(key: str) -> bool:
            return key in after and before.get(key) != after.get(key)

        if differs("status") or differs("reason"):
            changes.append(
                arrow.format(
                    field=self.tr("status"),
                    before=self._status_text(before.get("status"), before.get("reason")),
                    after=self._status_text(after.get("status"), after.get("reason")),
                )
            )
        if differs("corrected_value") or differs("corrected_unit"):
            changes.append(
                arrow.format(
                    field=self.tr("value"),
                    before=_value_text(before.get("corrected_value"), before.get("corrected_unit")),
                    after=_value_text(after.get("corrected_value"), after.get("corrected_unit")),
                )
            )
        if differs("sources"):
            changes.append(
                arrow.format(
                    field=self.tr("sources"),
                    before=_list_text(before.get("sources")),
                    after=_list_text(after.get("sources")),
                )
            )
        if differs("note"):
            changes.append(
                arrow.format(
                    field=self.tr("note"),
                    before=_short(str(before.get("note") or "")) or "—",
                    after=_short(str(after.get("note") or "")) or "—",
                )
            )
        return changes

    def _status_text(self, status: object, reason: object) -> str:
        if not status:
            return "—"
        text = status_label(str(status))
        if status == "rejected" and reason:
            text = self.tr("{status} ({reason})").format(status=text, reason=self._reason_label(str(reason)))
        return text

    # -- labels (every one a literal tr() call, so lupdate finds them) ---------------------------

    def _reason_label(self, reason: str) -> str:
        return {"not-a-claim": self.tr("not a claim"), "wrong-number": self.tr("wrong number")}.get(
            reason, reason
        )

    def _kind_label(self, kind: str) -> str:
        return {
            "count": self.tr("count"),
            "money": self.tr("money"),
            "percent": self.tr("percent"),
            "change": self.tr("change"),
            "rank": self.tr("rank"),
            "duration": self.tr("duration"),
            "measure": self.tr("measure"),
        }.get(kind, kind or "—")

    def _approx_meaning(self, word: str) -> str:
        meaning = APPROX_MEANING.get(word, "")
        return {
            "about": self.tr("about"),
            "more than": self.tr("more than"),
            "at least": self.tr("at least"),
            "at most": self.tr("at most"),
        }.get(meaning, meaning)

    def _action_label(self, action: str) -> str:
        return {
            "decide": self.tr("decision"),
            "reattach": self.tr("reattached"),
            "orphan": self.tr("orphaned"),
            "add": self.tr("added"),
            "import": self.tr("imported"),
            "edit": self.tr("edited"),
        }.get(action, action)

    @staticmethod
    def _current_value_text(claim: ClaimView) -> str:
        if claim.status == "corrected" and claim.corrected_value is not None:
            return format_decimal(claim.corrected_value)
        return format_decimal(claim.value)

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

    # -- correction -----------------------------------------------------------------------------

    def begin_correction(self) -> None:
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
            self._validate_correction()
        self.value_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.value_edit.selectAll()
        self._scroll.ensureWidgetVisible(self.value_edit)

    def cancel_edits(self) -> None:
        """Esc: drop what was typed and not saved; the note goes back to its saved text.

        Nothing is requested, so the claim's decision is left exactly as it was.
        """
        self.value_edit.clear()
        self.unit_edit.clear()
        self._unit_autofilled = False
        self._validate_correction()
        self.source_edit.clear()
        if self.note_edit.toPlainText() != self._note_baseline:
            self.note_edit.setPlainText(self._note_baseline)

    def _on_unit_edited(self, _text: str) -> None:
        self._unit_autofilled = False
        self._validate_correction()

    def correction_error_text(self) -> str:
        """Why the typed value is refused, or "" when it parses (or is empty)."""
        return self.correction_error.text() if not self.correction_error.isHidden() else ""

    def correction_preview_text(self) -> str:
        return self.correction_preview.text() if not self.correction_preview.isHidden() else ""

    def _validate_correction(self) -> None:
        text = self.value_edit.text()
        error = ""
        preview = ""
        valid = False
        if text.strip():
            try:
                value, written_unit = parse_quantity(text)
            except ValueError as problem:
                # The parser's reason is technical English; lead with a plain sentence.
                error = self.tr("Not a number this field can read: {reason}").format(reason=problem)
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
                    shown_unit = unit or written_unit
                    preview = self.tr("= {value}").format(value=format_decimal(value))
                    if shown_unit:
                        preview = self.tr("= {value} {unit}").format(
                            value=format_decimal(value), unit=shown_unit
                        )
        self._correction_valid = valid and self._claim is not None
        self.apply_button.setEnabled(self._correction_valid)
        self.correction_error.setText(error)
        self.correction_error.setVisible(bool(error))
        self.correction_preview.setText(preview)
        self.correction_preview.setVisible(bool(preview))
        self.value_edit.setToolTip(error)
        self.value_edit.setAccessibleDescription(error)
        invalid = bool(error)
        if self.value_edit.property("invalid") != invalid:
            self.value_edit.setProperty("invalid", invalid)
            self.value_edit.style().unpolish(self.value_edit)
            self.value_edit.style().polish(self.value_edit)

    def apply_correction(self) -> bool:
        """Ask for the typed correction; refused (False, nothing emitted) unless it parses."""
        self._validate_correction()
        if not self._correction_valid or self._claim is None:
            return False
        self.correct_requested.emit(
            self._claim.id, self.value_edit.text().strip(), self.unit_edit.text().strip()
        )
        return True

    # -- sources --------------------------------------------------------------------------------

    def set_known_sources(self, tags: Sequence[str]) -> None:
        """Every source tag used before, offered by the tag box's completer."""
        self._known_model.setStringList(list(dict.fromkeys(tags)))

    def known_sources(self) -> list[str]:
        return list(self._known_model.stringList())

    def set_recent_sources(self, tags: Sequence[str]) -> None:
        """The last nine tags used, offered on number keys 1–9."""
        self._recent = list(dict.fromkeys(tag for tag in tags if tag))[:_RECENT_LIMIT]
        self.recent_layout.clear()
        self.recent_buttons = []
        for number, tag in enumerate(self._recent, start=1):
            button = QToolButton(self.recent_box)
            button.setText(self.tr("{n} {tag}").format(n=number, tag=tag))
            button.setToolTip(self.tr("Add source {tag} (key {n})").format(tag=tag, n=number))
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            button.clicked.connect(lambda _checked=False, n=number: self.request_recent_source(n))
            self.recent_layout.addWidget(button)
            self.recent_buttons.append(button)
        self.recent_box.setVisible(bool(self._recent))

    def recent_source(self, n: int) -> str | None:
        """The recent tag on number key `n` (1–9), or None."""
        if 1 <= n <= len(self._recent):
            return self._recent[n - 1]
        return None

    def request_recent_source(self, n: int) -> bool:
        """Ask to add the recent tag on key `n` to the claim; False when there is none."""
        tag = self.recent_source(n)
        return tag is not None and self.request_add_sources([tag])

    def request_add_sources(self, tags: Sequence[str]) -> bool:
        """Ask for the claim's tags plus `tags`; False (nothing emitted) when nothing is new."""
        if self._claim is None:
            return False
        current = list(self._claim.sources)
        merged = list(dict.fromkeys([*current, *(tag.strip() for tag in tags if tag.strip())]))
        if merged == current:
            return False
        self.sources_requested.emit(self._claim.id, merged)
        return True

    def begin_source_entry(self) -> None:
        """Focus the tag box."""
        if self._claim is None:
            return
        self.source_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.source_edit.selectAll()
        self._scroll.ensureWidgetVisible(self.source_edit)

    def _on_source_entered(self) -> None:
        tags = _split_tags(self.source_edit.text())
        if tags:
            self.request_add_sources(tags)
        # Deferred: Enter in the completer's popup reaches the box (returnPressed)
        # before the completer writes its choice into it, which would undo a clear now.
        QTimer.singleShot(0, self.source_edit.clear)

    def _on_source_removed(self, tag: str) -> None:
        if self._claim is None:
            return
        self.sources_requested.emit(self._claim.id, [t for t in self._claim.sources if t != tag])

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


class _FlowLayout(QLayout):
    """Items left to right, wrapping into rows: Qt's FlowLayout example, trimmed."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 4) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self.setContentsMargins(0, 0, 0, 0)
        self.setSpacing(spacing)

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 - Qt override
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt override
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt override
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802 - Qt override
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt override
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt override
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 - Qt override
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return self.minimumSize()

    def minimumSize(self) -> QSize:  # noqa: N802 - Qt override
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def clear(self) -> None:
        while self._items:
            item = self._items.pop()
            widget = item.widget()
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        self.invalidate()

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        x, y, line_height = area.x(), area.y(), 0
        gap = self.spacing()
        for item in self._items:
            hint = item.sizeHint()
            if x + hint.width() > area.right() + 1 and line_height > 0:
                x = area.x()
                y += line_height + gap
                line_height = 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + gap
            line_height = max(line_height, hint.height())
        return y + line_height - rect.y() + margins.bottom()


def _sentence_html(sentence: str, text: str) -> str:
    """The sentence as HTML with the claim's text in bold."""
    if not sentence:
        return "—"
    at = sentence.find(text) if text else -1
    if at < 0:
        return html.escape(sentence)
    return (
        html.escape(sentence[:at])
        + f"<b style='color:{_ACCENT_COLOUR}'>"
        + html.escape(text)
        + "</b>"
        + html.escape(sentence[at + len(text) :])
    )


def _value_text(value: object, unit: object) -> str:
    if value is None or value == "":
        return "—"
    try:
        shown = format_decimal(Decimal(str(value)))
    except ArithmeticError:
        shown = str(value)
    return f"{shown} {unit}".strip() if unit else shown


def _list_text(value: object) -> str:
    if isinstance(value, list | tuple) and value:
        return "、".join(str(item) for item in value)
    return "—"


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
