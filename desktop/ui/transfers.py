"""File → Import and Export (and files dropped on the window): the dialog, the job, its outcome.

Jobs run off the GUI thread behind a progress dialog with Cancel
(workers.JobRunner).  After an import the review session lists what came in
and shows the first new article; the files left out (refused, already
imported) are named one by one.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.export.target import check_target
from desktop.store.records import ImportReport
from desktop.ui import file_dialogs
from desktop.ui.export_refusals import export_refusal_text
from desktop.ui.review_session import ReviewSession
from desktop.ui.workers import ExportJob, ImportJob, JobRunner, import_outcome


class Transfers(QObject):
    finished = Signal(object)  # the report of an import or export
    told = Signal(str)  # for the status bar

    def __init__(self, window: QWidget, session: ReviewSession, editor: Callable[[], str]) -> None:
        super().__init__(window)
        self._window = window
        self._session = session
        self._editor = editor
        self._known_articles: set[int] = set()  # before the running import, to find what it added
        self.jobs = JobRunner(window)
        self.jobs.succeeded.connect(self._succeeded)
        self.jobs.told.connect(self.told)

    def import_files(self) -> None:
        files = file_dialogs.ask_import_files(self._window)
        if files:
            self.start_import(files)

    def start_import(self, files: Sequence[Path], *, quiet: bool = False) -> None:
        database = self._session.path
        if database is None or not files:
            return
        self._known_articles = self._session.all_article_ids()
        title = self.tr("Importing {n} file(s)…").format(n=len(files))
        self.jobs.run(ImportJob(database, files), title, quiet=quiet)

    def export_workbook(self) -> None:
        out = file_dialogs.ask_export_path(self._window) if self._session.path else None
        if out is not None:
            self.start_export(out)

    def start_export(self, out: Path) -> None:
        database = self._session.path
        if database is None:
            return
        # Refused here, before the job, so the editor hears why at once; the
        # export checks again just before it moves the workbook into place.
        refusal = check_target(out, database=database)
        if refusal is not None:
            QMessageBox.warning(self._window, self.tr("Export"), export_refusal_text(refusal))
            return
        job = ExportJob(database, out, editor=self._editor(), filters_description=self.tr("All claims"))
        self.jobs.run(job, self.tr("Exporting to {name}…").format(name=out.name))

    def is_busy(self) -> bool:
        """An import or export is running (its progress dialog is open)."""
        return self.jobs.is_busy()

    def _succeeded(self, report: object) -> None:
        if isinstance(report, ImportReport):
            self._session.after_import(self._known_articles)
            message, left_out = import_outcome(report)
            self.told.emit(message)
            if left_out:
                QMessageBox.information(
                    self._window, self.tr("Import finished"), "\n\n".join([message, *left_out])
                )
        else:
            rows = getattr(report, "rows", 0)
            path = getattr(report, "path", "")
            self.told.emit(self.tr("Exported {n} claim(s) to {path}").format(n=rows, path=path))
        self.finished.emit(report)
