"""Source tags of a claim: chips with a remove button, a tag box with completion, the recent nine.

Every change is asked for as the claim's whole new tag list
(`sources_requested`), so the store sets the list in one decision and undo
restores it in one step.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from PySide6.QtCore import QStringListModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCompleter,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.widgets.flow_layout import FlowLayout

RECENT_LIMIT = 9
# Separators an editor may use to enter several tags at once.
_TAG_SPLIT = re.compile(r"[,，、;；]")


def split_tags(text: str) -> list[str]:
    return [tag.strip() for tag in _TAG_SPLIT.split(text) if tag.strip()]


class SourceChip(QFrame):
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
        label.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout.addWidget(label)
        self.remove_button = QToolButton(self)
        self.remove_button.setText("×")
        self.remove_button.setAutoRaise(True)
        self.remove_button.setToolTip(self.tr("Remove source {tag}").format(tag=tag))
        self.remove_button.setAccessibleName(self.tr("Remove source {tag}").format(tag=tag))
        self.remove_button.clicked.connect(lambda: self.remove_requested.emit(self.tag))
        layout.addWidget(self.remove_button)


class SourcesEditor(QWidget):
    """The claim's tags, the tag box and the recent tags on keys 1–9."""

    sources_requested = Signal(list)  # the full new tag list

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tags: tuple[str, ...] = ()
        self._enabled = False
        self._recent: list[str] = []

        self.chips_box = QWidget(self)
        self.chips_layout = FlowLayout(self.chips_box)
        self.no_sources_label = QLabel(self.tr("No sources yet"), self)
        self.no_sources_label.setObjectName("mutedLabel")

        self.source_edit = QLineEdit(self)
        self.source_edit.setObjectName("sourceEntry")
        self.source_edit.setPlaceholderText(self.tr("Add a source tag and press Enter"))
        self.source_edit.setAccessibleName(self.tr("Source tag"))
        self._known_model = QStringListModel(self)
        self.source_completer = QCompleter(self._known_model, self)
        self.source_completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.source_completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.source_completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.source_edit.setCompleter(self.source_completer)
        self.source_edit.returnPressed.connect(self._on_source_entered)

        self.recent_box = QWidget(self)
        self.recent_box.setObjectName("recentSources")
        self.recent_layout = FlowLayout(self.recent_box)
        self.recent_buttons: list[QToolButton] = []

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        for widget in (self.chips_box, self.no_sources_label, self.source_edit, self.recent_box):
            layout.addWidget(widget)

    def show_sources(self, tags: Sequence[str] | None) -> None:
        """The shown claim's tags; None when no claim is shown."""
        self._enabled = tags is not None
        self._tags = tuple(tags or ())
        self.chips_layout.clear()
        for tag in self._tags:
            chip = SourceChip(tag, self.chips_box)
            chip.remove_requested.connect(self._on_source_removed)
            self.chips_layout.addWidget(chip)
        self.chips_box.setVisible(bool(self._tags))
        self.no_sources_label.setVisible(not self._tags)

    def set_known_sources(self, tags: Sequence[str]) -> None:
        """Every source tag used before, offered by the tag box's completer."""
        self._known_model.setStringList(list(dict.fromkeys(tags)))

    def known_sources(self) -> list[str]:
        return list(self._known_model.stringList())

    def set_recent_sources(self, tags: Sequence[str]) -> None:
        """The last nine tags used, offered on number keys 1–9."""
        self._recent = list(dict.fromkeys(tag for tag in tags if tag))[:RECENT_LIMIT]
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
        if not self._enabled:
            return False
        current = list(self._tags)
        merged = list(dict.fromkeys([*current, *(tag.strip() for tag in tags if tag.strip())]))
        if merged == current:
            return False
        self.sources_requested.emit(merged)
        return True

    def begin(self) -> None:
        """Focus the tag box."""
        if not self._enabled:
            return
        self.source_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.source_edit.selectAll()

    def clear_typing(self) -> None:
        self.source_edit.clear()

    def _on_source_entered(self) -> None:
        tags = split_tags(self.source_edit.text())
        if tags:
            self.request_add_sources(tags)
        # Deferred: Enter in the completer's popup reaches the box (returnPressed)
        # before the completer writes its choice into it, which would undo a clear now.
        QTimer.singleShot(0, self.source_edit.clear)

    def _on_source_removed(self, tag: str) -> None:
        if self._enabled:
            self.sources_requested.emit([t for t in self._tags if t != tag])
