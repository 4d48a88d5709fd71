"""Keying the memory of figures behind the window, when a database is opened with articles not yet keyed.

A database filled by `factdesk import`, or keyed by older rules (a new
MEMORY_VERSION or CHECKER_VERSION), has articles the memory has not read.
Keying them on the GUI thread, at the first lookup, held the window up for
seconds (the word tagger made, then every waiting article read).  Here a
thread of its own keys them with its own connection while the editor works;
the session's store answers lookups from what is keyed so far
(ReviewStore.defer_keying), and once the job is done the shown article's
已核实过 and flags are read again.  No dialog: the status bar says what is
going on, and closing the window stops the job between steps.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal

from desktop.ui.review_session import ReviewSession
from desktop.ui.workers import KeyingJob


class BackgroundKeying(QObject):
    finished = Signal(int)  # articles keyed
    noted = Signal(str)  # what it is doing, in passing (never over the editor's own messages)

    def __init__(self, session: ReviewSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._job: KeyingJob | None = None
        self._job_path: Path | None = None

    def is_running(self) -> bool:
        return self._job is not None

    def start_if_needed(self) -> bool:
        """Start keying when the open database asks for it; False when there is nothing to do."""
        session = self._session
        if self._job is not None and self._job_path != session.path:
            self.cancel_and_wait()  # another database was opened: its own keying instead
        if (
            self._job is not None
            or not session.is_open
            or not session.store.defer_keying
            or session.path is None
        ):
            return False
        job = KeyingJob(session.path)
        self._job_path = session.path
        self._job = job
        self.noted.emit(self.tr("Linking this database's figures with each other in the background…"))
        keyed: list[int] = []
        job.progressed.connect(self._progressed)
        job.succeeded.connect(lambda count: keyed.append(int(count)))
        job.failed.connect(session.told)
        job.finished.connect(lambda: self._done(job, sum(keyed)))
        job.start()
        return True

    def _progressed(self, done: int, total: int, _name: str) -> None:
        # An archive of thousands of articles takes minutes: how far it is,
        # in passing (status bar), never over the editor's own messages.
        self.noted.emit(
            self.tr("Linking figures in the background: {done} of {total} articles…").format(
                done=f"{done:,}", total=f"{total:,}"
            )
        )

    def cancel_and_wait(self, timeout_ms: int = 30_000) -> None:
        job = self._job
        if job is not None:
            job.cancel()
            job.wait(timeout_ms)
            self._done(job, 0)  # its finished signal may not be delivered before the next start

    def _done(self, job: KeyingJob, keyed: int) -> None:
        if self._job is not job:
            return  # told already
        self._job = None
        job.deleteLater()
        session = self._session
        if not session.is_open or job.is_cancelled() or session.path != self._job_path:
            return
        session.store.defer_keying = False  # what is left (a cancel, a new import) is keyed when looked up
        session.memory.reload()
        session.checks.reload()
        self.noted.emit(self.tr("Figures linked: %n article(s) read.", "", keyed))
        self.finished.emit(keyed)
