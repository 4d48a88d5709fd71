"""The inspector's 核对 section: every check that involves the claim, each with its explanation.

A finding is one framed row: its verdict glyph and kind of check, the
explanation the checks core worded, the figures it used (each a link that
selects that claim), what was done about it, and for an open flag the two
ways to act on it (accept: the number is wrong; dismiss: the flag is wrong
here).  The buttons carry the keys A and D, which act on the current claim's
first open flag from the article too.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.store.records import StoredFinding, StoredReleaseMatch
from desktop.ui.finding_wording import (
    check_label,
    explanation,
    finding_state,
    glyph,
    match_explanation,
    match_glyph,
    match_label,
)
from desktop.ui.palette import MUTED_TEXT


class ChecksSection(QWidget):
    operand_clicked = Signal(str)  # claim id
    accept_requested = Signal(int)  # finding id
    dismiss_requested = Signal(int)  # finding id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(6)
        # How the claim matched its article's source release; hidden without one.
        self.release_line = QLabel(self)
        self.release_line.setObjectName("releaseMatch")
        self.release_line.setWordWrap(True)
        self.release_line.setTextFormat(Qt.TextFormat.PlainText)
        self.release_line.hide()
        self._layout.addWidget(self.release_line)
        self.rows: list[QWidget] = []
        self._findings: list[StoredFinding] = []
        self._claim_id = ""

    @property
    def findings(self) -> list[StoredFinding]:
        return list(self._findings)

    def show_findings(self, claim_id: str, findings: Sequence[StoredFinding]) -> None:
        self._claim_id = claim_id
        self._findings = list(findings)
        for row in self.rows:
            self._layout.removeWidget(row)
            row.hide()  # deleteLater waits for the event loop; a grab or test may come first
            row.deleteLater()
        self.rows = []
        if not findings:
            empty = QLabel(self.tr("No check involves this number."), self)
            empty.setObjectName("mutedLabel")
            empty.setWordWrap(True)
            self._add(empty)
            return
        # Open flags first: they are what the editor has to act on.
        for finding in sorted(findings, key=lambda f: (not f.is_open_flag, f.start)):
            self._add(self._row(finding))

    def show_release_match(self, match: StoredReleaseMatch | None) -> None:
        """The claim against the source release: = same, ≈ rounded, ≠ different, ∅ not in it, and why."""
        if match is None:
            self.release_line.hide()
            return
        self.release_line.setText(
            self.tr("{glyph} Source release: {label} — {why}").format(
                glyph=match_glyph(match.match), label=match_label(match.match), why=match_explanation(match)
            )
        )
        self.release_line.setProperty("match", match.match)
        self.release_line.show()

    def _add(self, row: QWidget) -> None:
        self._layout.addWidget(row)
        self.rows.append(row)

    def _row(self, finding: StoredFinding) -> QWidget:
        row = QFrame(self)  # a QFrame paints the style sheet's background; a bare QWidget does not
        row.setObjectName("findingFlag" if finding.is_open_flag else "findingRow")
        row.setProperty("finding_id", finding.id)
        layout = QVBoxLayout(row)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(3)
        text = QLabel(row)
        text.setObjectName("findingText")
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.RichText)
        text.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        text.setText(self._html(finding))
        text.linkActivated.connect(self._on_link)
        layout.addWidget(text)
        if finding.is_open_flag and finding.id > 0:  # negative ids: computed on a read-only database
            buttons = QHBoxLayout()
            buttons.setSpacing(6)
            if finding.claim_id:
                accept = QPushButton(self.tr("Accept: wrong number (A)"), row)
                accept.setObjectName("acceptFinding")
                accept.setToolTip(
                    self.tr("Reject the number as wrong, with this explanation as its note (undo: Ctrl+Z)")
                )
                accept.clicked.connect(lambda _=False, f=finding.id: self.accept_requested.emit(f))
                buttons.addWidget(accept)
            dismiss = QPushButton(self.tr("Dismiss (D)"), row)
            dismiss.setObjectName("dismissFinding")
            dismiss.setToolTip(self.tr("The check is wrong here: do not show it again for this number"))
            dismiss.clicked.connect(lambda _=False, f=finding.id: self.dismiss_requested.emit(f))
            buttons.addWidget(dismiss)
            buttons.addStretch(1)
            layout.addLayout(buttons)
        for button in row.findChildren(QPushButton):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys stay with the review
        return row

    def _html(self, finding: StoredFinding) -> str:
        head = f"<b>{html.escape(glyph(finding))} {html.escape(check_label(finding.check))}</b>"
        lines = [f"{head}　{html.escape(explanation(finding))}"]
        figures = [
            f"<a href='claim:{html.escape(o.claim_id)}'>{html.escape(o.text)}</a>"
            if o.claim_id and o.claim_id != self._claim_id
            else html.escape(o.text)
            for o in finding.operands
        ]
        if figures:
            caption = html.escape(self.tr("Figures:"))
            lines.append(f"<span style='color:{MUTED_TEXT}'>{caption}</span> " + " · ".join(figures))
        if finding.fix:
            caption = html.escape(self.tr("Suggested:"))
            lines.append(f"<span style='color:{MUTED_TEXT}'>{caption}</span> {html.escape(finding.fix)}")
        state = finding_state(finding)
        if state:
            lines.append(f"<span style='color:{MUTED_TEXT}'>{html.escape(state)}</span>")
        return "<br>".join(lines)

    def _on_link(self, link: str) -> None:
        if link.startswith("claim:"):
            self.operand_clicked.emit(link.removeprefix("claim:"))
