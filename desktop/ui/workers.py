"""Long work off the GUI thread: importing files and exporting a workbook.

Each job opens its own ReviewStore on the same database file (an SQLite
connection belongs to the thread that made it; WAL lets the window keep
reading while the job writes) and reports progress through queued signals.
Cancelling sets a flag the store and the exporter check between items.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QThread, Signal

from desktop.export.xlsx import ExportCancelled, export_workbook
from desktop.store import ReviewStore, StoreError
from desktop.ui.store_errors import store_error_text


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
        return store.import_files(
            self._files,
            progress=lambda done, total, name: self.progressed.emit(done, total, name),
            should_cancel=self.is_cancelled,
        )


class ExportJob(Job):
    def __init__(
        self,
        database: Path,
        out: Path,
        *,
        editor: str,
        statuses: Sequence[str] = (),
        article_ids: Sequence[int] = (),
        filters_description: str = "",
    ) -> None:
        super().__init__(database)
        self._out = out
        self._editor = editor
        self._statuses = list(statuses)
        self._article_ids = list(article_ids)
        self._filters = filters_description

    def work(self, store: ReviewStore) -> object:
        total = store.count_export_rows(self._statuses, self._article_ids)
        articles = [a for a in store.articles() if not self._article_ids or a.id in self._article_ids]
        return export_workbook(
            self._out,
            store.export_rows(self._statuses, self._article_ids),
            articles,
            total=total,
            progress=lambda done, of: self.progressed.emit(done, of, self._out.name),
            should_cancel=self.is_cancelled,
            editor=self._editor,
            made_at=datetime.now(),
            filters_description=self._filters,
        )
