"""Long work off the GUI thread: importing files, exporting a workbook, importing decisions from one.

Each job opens its own ReviewStore on the same database file (an SQLite
connection belongs to the thread that made it; WAL lets the window keep
reading while the job writes) and reports progress through queued signals.
Cancelling sets a flag the store and the exporter check between items.
JobRunner shows the running job to the editor: progress, Cancel, the outcome.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from desktop.export.errors import ExportCancelled, WorkbookError
from desktop.export.scope import ExportScope
from desktop.export.target import TargetRefused
from desktop.store import ReviewStore, StoreError
from desktop.store.records import DecisionChange, DecisionEdit, ImportReport, Refusal
from desktop.ui.export_refusals import export_refusal_text
from desktop.ui.file_refusals import file_refusal_text
from desktop.ui.import_refusals import workbook_error_text
from desktop.ui.store_errors import store_error_text

if TYPE_CHECKING:
    from desktop.export.readback import WorkbookEdits


class Job(QThread):
    progressed = Signal(int, int, str)  # done, total, what is being worked on
    succeeded = Signal(object)  # the job's report
    failed = Signal(str)  # a message for the editor
    cancelled = Signal()

    def __init__(self, database: Path) -> None:
        super().__init__()
        self._database = database
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        try:
            with ReviewStore.open(self._database, seed_if_new=False) as store:
                report = self.work(store)
        except ExportCancelled:
            self.cancelled.emit()
        except TargetRefused as error:
            self.failed.emit(export_refusal_text(error))
        except WorkbookError as error:
            self.failed.emit(workbook_error_text(error))
        except StoreError as error:
            # In the editor's language (translate() is thread-safe): a database
            # that is busy, full or damaged says so, and what to do about it.
            self.failed.emit(store_error_text(error))
        except OSError as error:
            self.failed.emit(str(error))
        except Exception as error:  # noqa: BLE001 - a job must always report, or the editor never hears of it
            self.failed.emit(f"{type(error).__name__}: {error}")
        else:
            # A cancelled import still reports what it imported before the cancel.
            self.succeeded.emit(report)

    def work(self, store: ReviewStore) -> object:
        raise NotImplementedError


class ImportJob(Job):
    def __init__(self, database: Path, files: Sequence[Path]) -> None:
        super().__init__(database)
        self._files = list(files)

    def work(self, store: ReviewStore) -> object:
        report = store.import_files(
            self._files,
            progress=lambda done, total, name: self.progressed.emit(done, total, name),
            should_cancel=self.is_cancelled,
        )
        if not store.read_only and not self.is_cancelled():
            # The new articles keyed into the memory of figures here, off the GUI thread, so the
            # first look at one (已核实过) is a lookup, not half a second of keying.  A cancel stops
            # between steps; what is left is keyed when first looked up.
            linking = QCoreApplication.translate("Jobs", "Linking figures with the archive")
            store.refresh_memory(
                lambda done, total, _name: self.progressed.emit(done, total, linking),
                should_cancel=self.is_cancelled,
            )
        return report


class KeyingJob(Job):
    """The articles of a database not yet keyed into the memory of figures, keyed (ReviewStore.refresh_memory)."""

    def work(self, store: ReviewStore) -> object:
        return store.refresh_memory(
            lambda done, total, name: self.progressed.emit(done, total, name), should_cancel=self.is_cancelled
        )


class RedetectJob(Job):
    """Every document an older detector read, detected again; decisions kept (ReviewStore.redetect)."""

    def work(self, store: ReviewStore) -> object:
        return store.redetect(progress=lambda done, total, name: self.progressed.emit(done, total, name))


class ExportJob(Job):
    def __init__(self, database: Path, out: Path, *, editor: str, scope: ExportScope | None = None) -> None:
        super().__init__(database)
        self._out = out
        self._editor = editor
        self._scope = scope or ExportScope()

    def work(self, store: ReviewStore) -> object:
        # Here, not at the top: openpyxl is a tenth of a second the window's start need not wait for.
        from desktop.export.xlsx import export_workbook

        scope = self._scope
        if not store.read_only:
            store.refresh_checks()  # a database from before the checks: its 核查提示 and 提示 filled first
        total = store.count_export_rows(scope.statuses, scope.article_ids, scope.kinds)
        articles = [a for a in store.articles() if not scope.article_ids or a.id in scope.article_ids]
        return export_workbook(
            self._out,
            store.export_rows(scope.statuses, scope.article_ids, scope.kinds),
            articles,
            total=total,
            progress=lambda done, of: self.progressed.emit(done, of, self._out.name),
            should_cancel=self.is_cancelled,
            editor=self._editor,
            made_at=datetime.now(),
            filters_description=scope.description(),
            # Never written over the database it reads; the workbook names it,
            # so a workbook from another database is refused when read back.
            database=self._database,
            database_id=store.database_id,
            findings=store.export_findings(scope.article_ids, with_releases=True),
        )


class ReadWorkbookJob(Job):
    """Read an edited workbook's decisions (openpyxl on a big sheet takes seconds); nothing is applied."""

    def __init__(self, database: Path, workbook: Path) -> None:
        super().__init__(database)
        self.workbook = workbook

    def work(self, store: ReviewStore) -> object:
        from desktop.export.readback import read_workbook  # openpyxl, loaded when first needed

        return WorkbookRead(self.workbook, read_workbook(self.workbook))


@dataclass(frozen=True)
class WorkbookRead:
    path: Path
    read: WorkbookEdits


@dataclass(frozen=True)
class DecisionsImported:
    """What `factdesk import-decisions` reports, for the window: changed, refused, unreadable rows."""

    path: Path
    changes: list[DecisionChange] = field(default_factory=list)
    refused: list[tuple[DecisionEdit, Refusal]] = field(default_factory=list)
    problems: list[tuple[int, Refusal]] = field(default_factory=list)
    cancelled: bool = False


class ApplyEditsJob(Job):
    """Apply a workbook's decisions through ReviewStore.apply_edits, as `factdesk import-decisions` does.

    Each edit is its own transaction there, so applying them a slice at a
    time changes nothing but lets the editor see progress and cancel
    between slices (what was applied stays applied, and a second import of
    the same workbook skips it).
    """

    SLICE = 100

    def __init__(self, database: Path, workbook: WorkbookRead, *, editor: str) -> None:
        super().__init__(database)
        self._workbook = workbook
        self._editor = editor

    def work(self, store: ReviewStore) -> object:
        read = self._workbook.read
        edits = read.edits
        changes: list[DecisionChange] = []
        refused: list[tuple[DecisionEdit, Refusal]] = []
        stopped = False
        for start in range(0, len(edits), self.SLICE):
            if self.is_cancelled():
                stopped = True
                break
            done, left_out = store.apply_edits(
                edits[start : start + self.SLICE], editor=self._editor, database_id=read.database_id
            )
            changes.extend(done)
            refused.extend(left_out)
            self.progressed.emit(min(start + self.SLICE, len(edits)), len(edits), self._workbook.path.name)
        return DecisionsImported(
            self._workbook.path,
            changes,
            refused,
            list(read.problems),
            cancelled=stopped,
        )


class JobRunner(QObject):
    """Runs one job at a time behind a window-modal progress dialog with Cancel.

    The window stays responsive (the job is a thread); a second import or
    export while one runs is refused with a message rather than queued, so
    the editor always knows what is running.
    """

    succeeded = Signal(object)  # the job's report
    told = Signal(str)  # for the status bar

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._parent = parent
        self._job: Job | None = None

    def is_busy(self) -> bool:
        return self._job is not None

    def wait(self, timeout_ms: int = 60_000) -> None:
        if self._job is not None:
            self._job.wait(timeout_ms)

    def cancel_and_wait(self, timeout_ms: int = 30_000) -> None:
        if self._job is not None:
            self._job.cancel()
            self._job.wait(timeout_ms)

    def run(self, job: Job, title: str, *, quiet: bool = False) -> bool:
        """Start `job`; False (and a message) when another job is running."""
        if self._job is not None:
            self.told.emit(self.tr("Please wait: another import or export is running."))
            job.deleteLater()
            return False
        self._job = job
        dialog = QProgressDialog(title, self.tr("Cancel"), 0, 0, self._parent)
        dialog.setWindowTitle(self.tr("FactDesk"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        # A quiet job (the demo pages on first run) shows its dialog only if it takes a while.
        dialog.setMinimumDuration(300 if quiet else 0)
        dialog.canceled.connect(job.cancel)

        def progressed(done: int, total: int, what: str) -> None:
            dialog.setMaximum(max(total, 1))
            dialog.setValue(done)
            dialog.setLabelText(f"{title}\n{what}")

        reports: list[object] = []

        def finished() -> None:
            dialog.reset()
            dialog.deleteLater()
            self._job = None
            job.deleteLater()
            # Told only now, with the runner free: what it starts next (applying a workbook
            # just read) is a job too.  The thread's finished comes after its last signal.
            for report in reports:
                self.succeeded.emit(report)

        job.progressed.connect(progressed)
        job.succeeded.connect(reports.append)
        job.failed.connect(lambda message: QMessageBox.warning(self._parent, self.tr("FactDesk"), message))
        job.cancelled.connect(lambda: self.told.emit(self.tr("Cancelled.")))
        job.finished.connect(finished)
        job.start()
        return True


def import_outcome(report: ImportReport) -> tuple[str, list[str]]:
    """What an import did, in a line for the status bar, and the files it left out (one line each)."""
    message = QCoreApplication.translate(
        "Jobs", "Imported {docs} file(s): {articles} article(s), {claims} claim(s)."
    ).format(docs=report.documents_added, articles=report.articles_added, claims=report.claims_added)
    if report.cancelled:
        message = QCoreApplication.translate("Jobs", "Import cancelled.") + " " + message
    left_out = [file_refusal_text(refusal) for refusal in report.refused]
    for path in report.duplicates:
        left_out.append(QCoreApplication.translate("Jobs", "{name}: already imported").format(name=path.name))
    return message, left_out
