"""File → Import, Export and Import decisions (and files dropped on the window): dialogs, jobs, outcomes.

Jobs run off the GUI thread behind a progress dialog with Cancel
(workers.JobRunner).  After an import the review session lists what came in
and shows the first new article; the files left out (refused, already
imported) are named one by one.  An export first asks which claims
(export_scope.py).  Decisions come back from an edited workbook the way
`factdesk import-decisions` brings them (read_workbook, then
ReviewStore.apply_edits with the workbook's database id), in two jobs: the
workbook is read, its origin checked here (another database's is refused
whole, one that names none is asked about), then the edits are applied;
the window then shows the database as it now is and says what was applied
and what was refused, row by row.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.export.scope import ExportScope
from desktop.export.target import check_target
from desktop.store.errors import ForeignWorkbook
from desktop.store.records import ImportReport, RedetectReport
from desktop.ui import file_dialogs
from desktop.ui.export_refusals import export_refusal_text
from desktop.ui.export_scope import ExportScopeDialog
from desktop.ui.import_refusals import row_refusal_text
from desktop.ui.review_session import ReviewSession
from desktop.ui.store_errors import store_error_text
from desktop.ui.workers import (
    ApplyEditsJob,
    DecisionsImported,
    ExportJob,
    ImportJob,
    JobRunner,
    ReadWorkbookJob,
    RedetectJob,
    WorkbookRead,
    import_outcome,
)

# Rows named one by one in the summary of an import of decisions; the rest are counted.
ROWS_NAMED = 12


class Transfers(QObject):
    finished = Signal(object)  # the report of an import or export
    told = Signal(str)  # for the status bar

    def __init__(
        self,
        window: QWidget,
        session: ReviewSession,
        editor: Callable[[], str],
        claim_filter: Callable[[], tuple[str, str]] = lambda: ("", ""),
    ) -> None:
        """`claim_filter` gives the claim list's (status, kind) filter, "" for all, for a scoped export."""
        super().__init__(window)
        self._window = window
        self._session = session
        self._editor = editor
        self._claim_filter = claim_filter
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
        """File → Export to Excel…: which claims, then where."""
        if self._session.path is None:
            return
        scope = self.ask_scope()
        out = file_dialogs.ask_export_path(self._window) if scope is not None else None
        if scope is not None and out is not None:
            self.start_export(out, scope)

    def ask_scope(self) -> ExportScope | None:
        shown = self._session.article_id
        summary = next((a for a in self._session.articles if a.id == shown), None)
        store = self._session.store
        self.scope_dialog = ExportScopeDialog(
            self._window,
            article=(summary.id, summary.headline) if summary is not None else None,
            claim_filter=self._claim_filter(),
            count=lambda scope: store.count_export_rows(scope.statuses, scope.article_ids, scope.kinds),
        )
        if self.scope_dialog.exec() != ExportScopeDialog.DialogCode.Accepted:
            return None
        return self.scope_dialog.scope()

    def start_export(self, out: Path, scope: ExportScope | None = None) -> None:
        database = self._session.path
        if database is None:
            return
        # Refused here, before the job, so the editor hears why at once; the
        # export checks again just before it moves the workbook into place.
        refusal = check_target(out, database=database)
        if refusal is not None:
            QMessageBox.warning(self._window, self.tr("Export"), export_refusal_text(refusal))
            return
        job = ExportJob(database, out, editor=self._editor(), scope=scope)
        self.jobs.run(job, self.tr("Exporting to {name}…").format(name=out.name))

    def import_decisions(self) -> None:
        """File → Import decisions…: an edited workbook's decisions, as `factdesk import-decisions` applies them."""
        workbook = file_dialogs.ask_decisions_workbook(self._window) if self._session.path else None
        if workbook is not None:
            self.start_import_decisions(workbook)

    def start_import_decisions(self, workbook: Path) -> None:
        database = self._session.path
        if database is None:
            return
        job = ReadWorkbookJob(database, workbook)
        self.jobs.run(job, self.tr("Reading {name}…").format(name=workbook.name))

    def offer_redetection(self) -> None:
        """On opening a database: if an older detector read some of its documents, offer to read them again.

        Asked with a window-modal box that does not block (open(), not exec()),
        so opening the database is never held up by the question.
        """
        if not self._session.is_open or self._session.store.read_only:
            return
        outdated = self._session.store.documents_outdated()
        if not outdated:
            return
        self.redetect_offer = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Newer detection rules"),
            self.tr(
                "%n document(s) in this database were read by an older version of the number detection. "
                "Detect their numbers again with the current rules? Every decision is kept.",
                "",
                outdated,
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self._window,
        )
        self.redetect_offer.button(QMessageBox.StandardButton.Yes).setText(self.tr("Detect again"))
        self.redetect_offer.button(QMessageBox.StandardButton.No).setText(self.tr("Not now"))
        self.redetect_offer.accepted.connect(self.start_redetection)
        self.redetect_offer.open()

    def redetect(self) -> None:
        """Edit → Detect again: the documents an older detector read (none: says so)."""
        if not self._session.is_open:
            return
        if not self._session.store.documents_outdated():
            self.told.emit(self.tr("Every document was read by the current detection rules."))
            return
        self.start_redetection()

    def start_redetection(self) -> None:
        database = self._session.path
        if database is None:
            return
        self.jobs.run(RedetectJob(database), self.tr("Detecting numbers again…"))

    def is_busy(self) -> bool:
        """An import or export is running (its progress dialog is open)."""
        return self.jobs.is_busy()

    def _succeeded(self, report: object) -> None:
        if not self._session.is_open:  # the window closed while the job ran
            return
        if isinstance(report, WorkbookRead):
            self._apply_decisions(report)  # says `finished` when it stops or once applied
            return
        if isinstance(report, DecisionsImported):
            self._decisions_imported(report)
            return
        if isinstance(report, RedetectReport):
            self._session.reload_after_outside_change()
            self.told.emit(
                self.tr(
                    "Detected again: {added} new number(s); {kept} decision(s) kept, {moved} moved with their text, "
                    "{orphaned} left without their number"
                ).format(
                    added=report.claims_added,
                    kept=report.decisions_kept,
                    moved=report.decisions_reattached,
                    orphaned=report.orphaned,
                )
            )
        elif isinstance(report, ImportReport):
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

    def _apply_decisions(self, workbook: WorkbookRead) -> None:
        """The workbook is read: apply it if it is this database's (asking when it does not say)."""
        read = workbook.read
        this = self._session.store.database_id
        title = self.tr("Import decisions")
        if read.database_id is not None and read.database_id != this:
            QMessageBox.warning(
                self._window, title, store_error_text(ForeignWorkbook(read.database_id, this))
            )
            self.finished.emit(workbook)
            return
        if read.database_id is None:
            answer = QMessageBox.question(
                self._window,
                title,
                self.tr(
                    "“{name}” does not say which review database it was exported from (an older FactDesk "
                    "made it). Import its decisions only if it was exported from this database. Import them?"
                ).format(name=workbook.path.name),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                self.told.emit(self.tr("Nothing was imported."))
                self.finished.emit(workbook)
                return
        database = self._session.path
        if database is None:
            return
        job = ApplyEditsJob(database, workbook, editor=self._editor())
        self.jobs.run(job, self.tr("Importing decisions from {name}…").format(name=workbook.path.name))

    def _decisions_imported(self, report: DecisionsImported) -> None:
        self._session.reload_after_outside_change()
        rows = [
            (
                edit.row,
                self.tr("Row {row} ({claim}): {why}").format(
                    row=edit.row, claim=edit.claim_id, why=row_refusal_text(reason)
                ),
            )
            for edit, reason in report.refused
        ]
        rows += [
            (row, self.tr("Row {row}: {why}").format(row=row, why=row_refusal_text(reason)))
            for row, reason in report.problems
        ]
        refused = [line for _row, line in sorted(rows, key=lambda pair: pair[0])]
        message = self.tr("{changed} decision(s) imported from “{name}”, {refused} row(s) refused.").format(
            changed=len(report.changes), name=report.path.name, refused=len(refused)
        )
        if report.cancelled:
            message = self.tr("Import cancelled; what was imported before stays.") + " " + message
        self.told.emit(message)
        # Always a box, not only the status bar: bringing a workbook back is rare, and its outcome matters.
        box = QMessageBox(
            QMessageBox.Icon.Information, self.tr("Import decisions"), message, parent=self._window
        )
        if refused:
            shown = refused[:ROWS_NAMED]
            if len(refused) > ROWS_NAMED:
                shown.append(self.tr("… and {n} more row(s).").format(n=len(refused) - ROWS_NAMED))
            box.setInformativeText("\n".join(shown))
        self.summary_box = box
        box.open()
        self.finished.emit(report)
