"""The source release in the window: the pane beside the article, attaching a release, and its commands.

Kept out of the main window, which only places the pane and routes the
menu commands here: File → 关联来源稿… (Ctrl+Shift+R) offers the imported
documents the article was most likely written from, or a file; a file
dropped on the article is attached the same way; View → 来源稿 (Ctrl+R) shows
or hides the pane, remembered.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QSettings
from PySide6.QtWidgets import QInputDialog, QWidget

from desktop.store.records import ClaimView, DocumentSource, SourceAttachment, StoredReleaseMatch
from desktop.ui import file_dialogs
from desktop.ui import settings as keys
from desktop.ui.release_view import ReleaseView
from desktop.ui.review_session import ReviewSession


class ReleasePane(QObject):
    def __init__(self, window: QWidget, session: ReviewSession, settings: QSettings) -> None:
        super().__init__(window)
        self._window = window
        self._session = session
        self._settings = settings
        self.view = ReleaseView(window)
        self._source: DocumentSource | None = None  # the release's text, as last shown
        release = session.release
        release.release_changed.connect(self._release_changed)
        release.claim_match_changed.connect(lambda claim_id, _match: self.view.set_current(claim_id))
        session.claim_updated.connect(self._claim_updated)
        self.view.confirm_requested.connect(release.confirm_matching)
        self.view.attach_requested.connect(self.attach)
        self.view.setVisible(keys.bool_value(settings, keys.RELEASE_SHOWN))

    # -- commands ---------------------------------------------------------------------------

    def toggle(self) -> None:
        """View → 来源稿: show or hide the pane (remembered)."""
        shown = self.view.isHidden()  # isHidden, not isVisible: true of a hidden window's children too
        self.view.setVisible(shown)
        self._settings.setValue(keys.RELEASE_SHOWN, shown)

    def attach(self) -> None:
        """File → 关联来源稿…: a likely document from the database, or a file."""
        if self._session.article_id is None:
            return
        proposals = self._session.release.proposals()
        choose_file = self.tr("Choose a file…")
        if proposals:
            items = [
                self.tr("{name} — {headline}").format(name=p.file_name, headline=p.headline or "—")
                for p in proposals
            ]
            picked, ok = QInputDialog.getItem(
                self._window,
                self.tr("Attach the source release"),
                self.tr("Documents this article was likely written from, most likely first:"),
                [*items, choose_file],
                0,
                False,
            )
            if not ok:
                return
            if picked != choose_file:
                self._session.release.attach_document(proposals[items.index(picked)].document_id)
                self._show()
                return
        path = file_dialogs.ask_release_file(self._window)
        if path is not None:
            self.attach_file(path)

    def attach_file(self, path: Path) -> bool:
        """A release file chosen or dropped on the article: imported if need be, attached, shown."""
        if self._session.release.attach_file(path):
            self._show()
            return True
        return False

    def _show(self) -> None:
        if self.view.isHidden():
            self.toggle()

    # -- following the session -----------------------------------------------------------------

    def _release_changed(
        self,
        attachment: SourceAttachment | None,
        source: DocumentSource | None,
        matches: list[StoredReleaseMatch],
    ) -> None:
        self._source = source
        self.view.show_release(attachment, source, matches, pending_same=self._session.release.same_pending())

    def _claim_updated(self, _claim: ClaimView) -> None:
        # A decision changes how many agreeing claims are still pending (the button's count).
        release = self._session.release
        self.view.show_release(
            release.attachment, self._source, release.matches, pending_same=release.same_pending()
        )
