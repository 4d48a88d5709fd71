"""The window's status bar: review progress on the left, the database and the editor on the right.

Passing messages cover the progress for a few seconds; a background job's
notice only when no other message is shown.  A "not saved"
message (the database could not be written) stays longer and is taken
down by the next save that goes through, so it never outlives its truth.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

MESSAGE_MS = 8000
UNSAVED_MS = 15_000


class ReviewStatusBar(QStatusBar):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.progress_label = QLabel(self)
        self.database_label = QLabel(self)
        self.editor_label = QLabel(self)
        for label in (self.progress_label, self.database_label, self.editor_label):
            label.setContentsMargins(8, 0, 8, 0)
        self.addWidget(self.progress_label)
        self.addPermanentWidget(self.database_label)
        self.addPermanentWidget(self.editor_label)
        self._unsaved = ""  # the "could not be saved" shown, if any
        self._note = ""  # the background notice shown, if any

    def show_progress(self, reviewed: int, total: int) -> None:
        self.progress_label.setText(
            self.tr("Reviewed {reviewed} of {total}").format(reviewed=reviewed, total=total)
        )

    def show_database(self, path: Path) -> None:
        self.database_label.setText(self.tr("Database: {path}").format(path=str(path)))
        self.database_label.setToolTip(str(path))

    def show_editor(self, name: str) -> None:
        self.editor_label.setText(self.tr("Editor: {name}").format(name=name or self.tr("(not set)")))

    def tell(self, message: str) -> None:
        self.showMessage(message, MESSAGE_MS)

    def note(self, message: str) -> None:
        """A background job's passing notice: it never covers another message while that is shown.

        An editor's own action (a re-detection's "decisions kept", an
        export's file name) must not be wiped by a job the editor did not
        start finishing a moment later.
        """
        shown = self.currentMessage()
        if shown and shown != self._note:
            return
        self.showMessage(message, MESSAGE_MS)
        self._note = message

    def tell_unsaved(self, message: str) -> None:
        """A change was not saved: said longer, and outliving the banner when the selection moves on."""
        self.showMessage(message, UNSAVED_MS)
        self._unsaved = message

    def saved(self) -> None:
        """A save went through: "not saved" no longer holds."""
        if self._unsaved and self.currentMessage() == self._unsaved:
            self.clearMessage()
        self._unsaved = ""
