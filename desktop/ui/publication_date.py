"""Edit → Set publication date…: the day a document appeared, which gives its datelines their year."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import QCheckBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel, QWidget

from desktop.ui.review_session import ReviewSession


class PublicationDateDialog(QDialog):
    def __init__(self, file_name: str, current: dt.date | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Publication date"))
        explanation = QLabel(
            self.tr("The day {file} was published. Datelines seldom give a year; this one does.").format(
                file=file_name
            ),
            self,
        )
        explanation.setWordWrap(True)
        self.date_edit = QDateEdit(self)
        self.date_edit.setCalendarPopup(True)
        # The year first, as Chinese dates are written (2023年9月13日 in a Chinese window).
        self.date_edit.setDisplayFormat(QCoreApplication.translate("PublicationDateDialog", "yyyy-MM-dd"))
        day = current or dt.date.today()
        self.date_edit.setDate(QDate(day.year, day.month, day.day))
        self.clear_box = QCheckBox(self.tr("No publication date"), self)
        self.clear_box.setChecked(False)
        self.clear_box.toggled.connect(lambda on: self.date_edit.setEnabled(not on))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QFormLayout(self)
        layout.addRow(explanation)
        layout.addRow(self.tr("Published on"), self.date_edit)
        layout.addRow(self.clear_box)
        layout.addRow(buttons)

    def chosen(self) -> dt.date | None:
        if self.clear_box.isChecked():
            return None
        picked = self.date_edit.date()
        return dt.date(picked.year(), picked.month(), picked.day())


def ask_publication_date(parent: QWidget, session: ReviewSession) -> None:
    """Ask for the date of the shown article's document, and set it."""
    shown = session.article_id
    summary = next((a for a in session.articles if a.id == shown), None)
    if summary is None:
        return
    dialog = PublicationDateDialog(summary.file_name, session.publication_date(summary.document_id), parent)
    if dialog.exec() == PublicationDateDialog.DialogCode.Accepted:
        session.set_publication_date(summary.document_id, dialog.chosen())
