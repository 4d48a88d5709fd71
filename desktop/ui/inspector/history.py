"""A claim's audit trail, newest first, each entry with what it changed.

The store's audit log is the permanent history (undo is a new entry, never
a deletion); this only words it.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desktop.store.records import AuditEntry
from desktop.ui.palette import MUTED_TEXT
from desktop.ui.wording import action_label, format_decimal, local_time, status_text, with_typed


class HistoryList(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(4)
        self.rows: list[QLabel] = []

    def show_history(self, history: Sequence[AuditEntry]) -> None:
        for row in self.rows:
            self._layout.removeWidget(row)
            row.hide()  # deleteLater waits for the event loop; a grab or test may come first
            row.deleteLater()
        self.rows = []
        if not history:
            empty = QLabel(self.tr("No changes yet"), self)
            empty.setObjectName("mutedLabel")
            empty.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            self._layout.addWidget(empty)
            self.rows.append(empty)
            return
        for entry in reversed(history):  # newest first: that is what an editor looks for
            row = QLabel(self)
            row.setObjectName("historyRow")
            row.setWordWrap(True)
            row.setTextFormat(Qt.TextFormat.RichText)
            row.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            row.setText(self._entry_html(entry))
            row.setProperty("audit_id", entry.id)
            self._layout.addWidget(row)
            self.rows.append(row)

    def entries_shown(self) -> int:
        return sum(1 for row in self.rows if row.property("audit_id") is not None)

    def _entry_html(self, entry: AuditEntry) -> str:
        head = self.tr("{time} · {editor} · {action}").format(
            time=local_time(entry.at) or "—",
            editor=entry.editor or self.tr("system"),
            action=action_label(entry.action),
        )
        lines = [f"<span style='color:{MUTED_TEXT}'>{html.escape(head)}</span>"]
        lines.extend(html.escape(change) for change in self._changes(entry))
        return "<br>".join(lines)

    def _changes(self, entry: AuditEntry) -> list[str]:
        before, after = entry.before, entry.after
        changes: list[str] = []
        arrow = self.tr("{field}: {before} → {after}")

        def differs(key: str) -> bool:
            return key in after and before.get(key) != after.get(key)

        if differs("status") or differs("reason"):
            changes.append(
                arrow.format(
                    field=self.tr("status"),
                    before=_status(before.get("status"), before.get("reason")),
                    after=_status(after.get("status"), after.get("reason")),
                )
            )
        if differs("corrected_value") or differs("corrected_unit") or differs("corrected_text"):
            changes.append(
                arrow.format(
                    field=self.tr("value"),
                    before=_value_text(before),
                    after=_value_text(after),
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


def _status(status: object, reason: object) -> str:
    return status_text(str(status), str(reason or "")) if status else "—"


def _value_text(decision: dict[str, object]) -> str:
    """A corrected value as an audit entry recorded it, with the form it was typed in."""
    value, unit = decision.get("corrected_value"), decision.get("corrected_unit")
    if value is None or value == "":
        return "—"
    try:
        shown = format_decimal(Decimal(str(value)))
    except ArithmeticError:
        shown = str(value)
    shown = f"{shown} {unit}".strip() if unit else shown
    # Entries written before the store kept the typed form have none.
    typed = str(decision.get("corrected_text") or "")
    if typed and typed.replace(",", "").replace(" ", "") not in (
        shown.replace(",", "").replace(" ", ""),
        value,
    ):
        return with_typed(shown, typed)
    return shown


def _list_text(value: object) -> str:
    if isinstance(value, list | tuple) and value:
        return "、".join(str(item) for item in value)
    return "—"


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
