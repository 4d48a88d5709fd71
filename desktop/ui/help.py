"""F1: every key of the window, from the action table, by menu, plus the keys fields and lists keep.

Command names are shown without their menu mnemonic ("确认", not "确认(C)":
C is no key of Confirm, and showing it as one misleads), and each key once:
Return and Enter both read 回车 in Chinese, and the nine recent-source
keys are one row.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop import __version__
from desktop.ui.actions import ACTIONS, MENUS, key_sequences, translated

# The menu mnemonic: "(&C)" after Chinese text, a bare "&" inside English.
_MNEMONIC = re.compile(r"\s*\(&[^)]\)|&(?=[^&])")


def plain_text(text: str) -> str:
    """An action's text as a command name: no mnemonic, no trailing ellipsis."""
    return _MNEMONIC.sub("", text).replace("&&", "&").rstrip("…").rstrip(".")


def _first_key(sequence: QKeySequence) -> int:
    combination = sequence[0]  # type: ignore[index]  # PySide's stub has no QKeySequence.__getitem__
    return int(combination.key().value)


def key_names(sequences: list[QKeySequence]) -> list[str]:
    """The keys as the platform names them, each name once.

    Keys past F35 are special keys few keyboards have (Help, Open, Cancel,
    Zoom In, Exit) that the standard bindings add; they still work, but
    listed by their names ("打开", "取消") they read like commands, not keys.
    """
    keyboard = [s for s in sequences if not s.isEmpty() and _first_key(s) <= Qt.Key.Key_F35.value]
    names = (s.toString(QKeySequence.SequenceFormat.NativeText) for s in keyboard)
    return list(dict.fromkeys(name for name in names if name))


def in_field_keys() -> list[tuple[str, str]]:
    """Keys that belong to a field or a list rather than to a menu command."""

    def name(key: str) -> str:
        return QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)

    return [
        (
            QCoreApplication.translate(
                "ShortcutsDialog", "Save the corrected value, or add the source tag typed"
            ),
            name("Return"),
        ),
        (QCoreApplication.translate("ShortcutsDialog", "Save the note"), name("Ctrl+Return")),
        (QCoreApplication.translate("ShortcutsDialog", "From the search box into its results"), name("Down")),
        (
            QCoreApplication.translate("ShortcutsDialog", "Open the article, hit or claim chosen in a list"),
            name("Return"),
        ),
        (QCoreApplication.translate("ShortcutsDialog", "Next field"), name("Tab")),
    ]


class ShortcutsDialog(QDialog):
    def __init__(self, actions: dict[str, QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.table = QTableWidget(0, 2, self)
        table = self.table
        table.setHorizontalHeaderLabels([self.tr("Command"), self.tr("Keys")])
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        for menu_id, title in MENUS:
            rows = self._rows(menu_id, actions)
            if rows:
                self._add_section(plain_text(translated(title)))
                for command, keys in rows:
                    self._add_row(command, keys)
        self._add_section(self.tr("In fields and lists"))
        for command, keys in in_field_keys():
            self._add_row(command, keys)
        table.resizeColumnToContents(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(table)
        layout.addWidget(buttons)
        self.resize(560, 680)

    def _rows(self, menu_id: str, actions: dict[str, QAction]) -> list[tuple[str, str]]:
        rows: list[tuple[str, str]] = []
        for spec in ACTIONS:
            if spec.menu != menu_id or not spec.shortcuts:
                continue
            if spec.id.startswith("tag_"):
                if spec.id == "tag_1":  # one row for the nine: 1 … 9
                    rows.append((self.tr("Tag with a recent source"), "1 … 9"))
                continue
            rows.append((plain_text(actions[spec.id].text()), " / ".join(key_names(key_sequences(spec)))))
        return rows

    def _add_section(self, title: str) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        item = QTableWidgetItem(title)
        font = QFont(item.font())
        font.setBold(True)
        item.setFont(font)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        self.table.setItem(row, 0, item)
        self.table.setSpan(row, 0, 1, 2)

    def _add_row(self, command: str, keys: str) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, 0, QTableWidgetItem(command))
        self.table.setItem(row, 1, QTableWidgetItem(keys))

    def listed(self) -> dict[str, str]:
        """Command → keys, as shown (section titles left out)."""
        shown: dict[str, str] = {}
        for row in range(self.table.rowCount()):
            command, keys = self.table.item(row, 0), self.table.item(row, 1)
            if command is not None and keys is not None:
                shown[command.text()] = keys.text()
        return shown


def show_about(parent: QWidget) -> None:
    """Help → About: the version and what FactDesk is for."""
    # The window's translation context, where these sentences were first translated.
    QMessageBox.about(
        parent,
        QCoreApplication.translate("MainWindow", "About FactDesk"),
        QCoreApplication.translate(
            "MainWindow", "FactDesk {version}\nCheck every number in an article before it goes to print."
        ).format(version=__version__),
    )
