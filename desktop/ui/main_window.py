"""The review window: wires the panels to the review session, and holds the menus and dialogs.

The window builds the panels, connects their requests to the session
(desktop/ui/review_session.py, which owns the store and the cursor) and the
session's facts back to the panels.  What it keeps for itself is what only
a window has: menus and shortcuts, the focus, the status bar, file dialogs,
the progress of long jobs, the editor's name and UI state in QSettings.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox

from desktop.paths import seed_files
from desktop.store import DatabaseRefused, DatabaseUnavailable, ReviewStore, default_database_path
from desktop.store.records import ArticleDetail, ArticleSummary, AuditEntry, ClaimView
from desktop.ui import file_dialogs, original_file
from desktop.ui import settings as keys
from desktop.ui.actions import ActionSpec, build_actions, build_menus
from desktop.ui.article_list import ArticleListPanel
from desktop.ui.article_view import ArticleView
from desktop.ui.background_keying import BackgroundKeying
from desktop.ui.claim_list import ClaimListPanel
from desktop.ui.editor_name import ask_editor_name
from desktop.ui.help import ShortcutsDialog, show_about
from desktop.ui.inspector import ClaimInspector
from desktop.ui.publication_date import ask_publication_date
from desktop.ui.refusal_kinds import UNAVAILABLE
from desktop.ui.release_pane import ReleasePane
from desktop.ui.review_layout import ReviewLayout
from desktop.ui.review_memory import connect_memory
from desktop.ui.review_session import ReviewSession
from desktop.ui.status_bar import ReviewStatusBar
from desktop.ui.store_errors import store_error_text
from desktop.ui.transfers import Transfers


class MainWindow(QMainWindow):
    database_opened = Signal(str)
    decision_saved = Signal(str)  # claim id
    article_shown = Signal(int)
    language_change_requested = Signal(str)

    def __init__(self, settings: QSettings, *, ask_editor: bool = True) -> None:
        super().__init__()
        self._settings = settings
        self._ask_editor = ask_editor

        self.setWindowTitle(self.tr("FactDesk"))
        self.setAcceptDrops(True)
        self.session = ReviewSession(lambda: self.editor or self.ensure_editor(), self)
        self.transfers = Transfers(
            self, self.session, lambda: self.editor, lambda: self.claim_list.current_filter()
        )
        self.keying = BackgroundKeying(self.session, self)
        self.articles_panel = ArticleListPanel()
        self.article_view = ArticleView()
        self.claim_list = ClaimListPanel()
        self.inspector = ClaimInspector()
        self.release_pane = ReleasePane(self, self.session, settings)
        self.splitter = ReviewLayout(
            self.articles_panel, self.article_view, self.release_pane.view, self.claim_list, self.inspector
        )
        self.setCentralWidget(self.splitter)

        self.status = ReviewStatusBar(self)
        self.setStatusBar(self.status)
        self.status.show_editor(self.editor)
        self.actions_by_id = build_actions(self, self.article_view, self._slot_for)
        self._build_menus()
        self._connect_session()
        self._connect_panels()
        self._restore_ui_state()

    # -- set-up ---------------------------------------------------------------

    def _slot_for(self, spec: ActionSpec) -> Callable[[], object]:
        target: object = self
        for name in spec.slot.split("."):
            target = getattr(target, name)
        method: Callable[..., object] = target  # type: ignore[assignment]
        if spec.id.startswith("tag_"):
            number = int(spec.id.removeprefix("tag_"))
            return lambda: method(number)
        return lambda: method()

    def _build_menus(self) -> None:
        self.recent_menu = file_dialogs.RecentDatabasesMenu(self._settings, self)
        self.recent_menu.database_chosen.connect(self.open_database)
        build_menus(self.menuBar(), self.actions_by_id, {"quit": self.recent_menu})
        language = keys.text_value(self._settings, keys.LANGUAGE, keys.DEFAULT_LANGUAGE)
        self.actions_by_id["lang_en" if language == "en" else "lang_zh"].setChecked(True)
        self.actions_by_id["release_view"].setChecked(not self.release_pane.view.isHidden())
        pending_only = self.actions_by_id["pending_only"]
        pending_only.setIconText(self.tr("Pending only"))
        self.articles_panel.set_pending_only_action(pending_only)
        undo_stack = self.session.undo_stack
        for action_id, changed in (("undo", undo_stack.canUndoChanged), ("redo", undo_stack.canRedoChanged)):
            changed.connect(self.actions_by_id[action_id].setEnabled)
            self.actions_by_id[action_id].setEnabled(False)

    def _connect_session(self) -> None:
        session = self.session
        session.articles_changed.connect(self._articles_changed)
        session.article_counts_changed.connect(self.articles_panel.update_article)
        session.article_changed.connect(self._article_changed)
        session.about_to_move.connect(self.inspector.apply_note)
        session.claim_changed.connect(self._claim_changed)
        session.claim_updated.connect(self.article_view.update_claim)
        session.claim_updated.connect(self.claim_list.update_claim)
        session.decision_saved.connect(self._decision_saved)
        session.progress_changed.connect(self.status.show_progress)
        session.sources_changed.connect(self._sources_changed)
        session.refused.connect(self._refused)
        session.told.connect(self.status.tell)
        self.transfers.told.connect(self.status.tell)
        self.keying.noted.connect(self.status.note)
        checks = session.checks
        checks.flags_changed.connect(self.article_view.set_flags)
        checks.flags_changed.connect(self.claim_list.set_flags)
        checks.claim_findings_changed.connect(self.inspector.show_findings)
        session.release.claim_match_changed.connect(
            lambda _id, match: self.inspector.checks.show_release_match(match)
        )

    def _connect_panels(self) -> None:
        session = self.session
        panel = self.articles_panel
        panel.article_selected.connect(self._article_selected)
        panel.filter_changed.connect(session.set_article_filter)
        panel.search_requested.connect(lambda text: panel.show_search_results(session.search(text)))
        panel.search_hit_activated.connect(self._search_hit_activated)
        panel.article_activated.connect(self._article_activated)
        view = self.article_view
        view.claim_clicked.connect(session.select_claim)
        view.add_claim_requested.connect(session.add_manual_claim)
        view.reject_selection_requested.connect(session.reject_selection)
        view.zoom_changed.connect(self._zoom_changed)
        view.file_dropped.connect(lambda path: self.release_pane.attach_file(Path(path)))
        claims = self.claim_list
        claims.claim_selected.connect(session.select_claim)
        claims.claim_activated.connect(
            lambda _id: self.article_view.setFocus(Qt.FocusReason.OtherFocusReason)
        )
        inspector = self.inspector
        inspector.confirm_requested.connect(lambda _id: session.confirm())
        inspector.reject_requested.connect(lambda claim_id, reason: session.reject(reason, claim_id))
        inspector.correct_requested.connect(self._correct_requested)
        inspector.skip_requested.connect(lambda _id: session.next_claim())
        inspector.sources_requested.connect(self._sources_requested)
        inspector.note_requested.connect(self._note_requested)
        inspector.original_requested.connect(lambda _id: self.open_original())
        inspector.checks.operand_clicked.connect(session.select_claim)
        inspector.checks.accept_requested.connect(session.checks.accept)
        inspector.checks.dismiss_requested.connect(session.checks.dismiss)
        connect_memory(session.memory, inspector)

    def _restore_ui_state(self) -> None:
        keys.restore_geometry(self._settings, self, (1400, 860))
        self.splitter.restore(self._settings)
        zoom = keys.int_value(self._settings, keys.ARTICLE_ZOOM)
        if zoom is not None:
            self.article_view.set_zoom(zoom)

    # -- the editor -------------------------------------------------------------

    @property
    def editor(self) -> str:
        return keys.text_value(self._settings, keys.EDITOR_NAME)

    def ensure_editor(self) -> str:
        """Ask once for the editor's name; it is recorded with every decision."""
        name = self.editor or (ask_editor_name(self) if self._ask_editor else "")
        if name:
            self._settings.setValue(keys.EDITOR_NAME, name)
        self.status.show_editor(self.editor)
        return name

    # -- databases --------------------------------------------------------------

    def open_database(self, path: Path | None = None) -> bool:
        """Open `path` (default: the per-user database); on refusal keep the current one."""
        target = path or default_database_path()
        is_new = not target.exists() or target.stat().st_size == 0
        try:
            self.session.open(
                target,
                article_id=keys.int_value(self._settings, keys.LAST_ARTICLE),
                claim_id=keys.text_value(self._settings, keys.LAST_CLAIM) or None,
            )
        except (DatabaseRefused, DatabaseUnavailable) as error:
            QMessageBox.warning(self, self.tr("Cannot open database"), store_error_text(error))
            return False
        keys.remember_database(self._settings, target)
        self.status.show_database(target)
        self.setWindowTitle(self.tr("FactDesk — {name}").format(name=target.name))
        # Keys go to the review at once: J/K/Y work without a click first.
        self.article_view.setFocus()
        self.database_opened.emit(str(target))
        self.transfers.offer_redetection()
        self.keying.start_if_needed()
        if is_new and path is None and not self.session.articles:
            # First run: show the window at once and fill the demo pages in the
            # background, so start-up never waits for detection.
            QTimer.singleShot(0, lambda: self.transfers.start_import(seed_files(), quiet=True))
        return True

    def choose_database(self) -> None:
        folder = self.session.path.parent if self.session.path else None
        path = file_dialogs.ask_database_to_open(self, folder)
        if path is not None:
            self.open_database(path)

    def new_database(self) -> None:
        folder = self.session.path.parent if self.session.path else None
        path = file_dialogs.ask_new_database(self, folder)
        if path is not None:
            self.open_database(path)

    @property
    def store(self) -> ReviewStore:
        return self.session.store

    @property
    def current_claim(self) -> ClaimView | None:
        return self.session.current_claim

    @property
    def _articles(self) -> list[ArticleSummary]:
        """The articles listed (bench/gui_startup.py reads it as the window's own)."""
        return self.session.articles

    # -- what the session says ----------------------------------------------------

    def _articles_changed(self, articles: list[ArticleSummary]) -> None:
        self.actions_by_id["pending_only"].setChecked(self.session.article_filter == "pending")
        self.articles_panel.show_filter_status(self.session.article_filter)
        self.articles_panel.set_articles(articles)
        if self.session.article_id is not None:
            self.articles_panel.select_article(self.session.article_id)

    def _article_changed(self, detail: ArticleDetail | None, claims: list[ClaimView]) -> None:
        self.claim_list.set_claims(claims)
        if detail is None:
            self.article_view.clear_article()
            return
        self.article_view.show_article(detail, claims)
        self.articles_panel.select_article(detail.summary.id)
        self._settings.setValue(keys.LAST_ARTICLE, detail.summary.id)
        self.article_shown.emit(detail.summary.id)

    def _claim_changed(self, claim: ClaimView | None, history: list[AuditEntry]) -> None:
        self.article_view.set_current_claim(claim.id if claim else None)
        self.claim_list.select_claim(claim.id if claim else None)
        self.inspector.show_claim(claim, history)
        self.inspector.show_place(self.session.source_place(claim))

    def _decision_saved(self, claim: ClaimView) -> None:
        self.status.saved()
        self.decision_saved.emit(claim.id)

    def _sources_changed(self, known: list[str], recent: list[str]) -> None:
        self.inspector.set_known_sources(known)
        self.inspector.set_recent_sources(recent)

    def _refused(self, message: str, why: str) -> None:
        self.inspector.show_refusal(message)
        if why == UNAVAILABLE:
            self.status.tell_unsaved(message)

    # -- what the panels ask for ------------------------------------------------------

    def _article_selected(self, article_id: int) -> None:
        if article_id != self.session.article_id:
            self.session.show_article(article_id)

    def _article_activated(self, article_id: int) -> None:
        """Return (or a double click) in the article list: open it and hand the keys to the review."""
        self._article_selected(article_id)
        self.article_view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _search_hit_activated(self, article_id: int, claim_id: str) -> None:
        self.session.show_article(article_id, claim_id or None)
        self.article_view.setFocus()

    def _correct_requested(self, claim_id: str, value: str, unit: str) -> None:
        if self.session.correct(claim_id, value, unit):
            self.article_view.setFocus()  # back to the keys: the next claim is current

    def _sources_requested(self, claim_id: str, tags: Sequence[str]) -> None:
        if self.session.set_sources(claim_id, tags):
            self.article_view.setFocus()

    def _note_requested(self, claim_id: str, note: str) -> None:
        if self.session.set_note(claim_id, note):
            self.article_view.setFocus()
        else:
            self.inspector.note_not_saved(claim_id)

    # -- commands that move the focus ---------------------------------------------------

    def correct_current(self) -> None:
        if self.current_claim is not None:
            self.inspector.begin_correction()

    def tag_current(self) -> None:
        if self.current_claim is not None:
            self.inspector.begin_source_entry()

    def note_current(self) -> None:
        if self.current_claim is not None:
            self.inspector.begin_note()

    def open_original(self) -> None:
        """File → Open the original file: the current claim's file, in the system's program for it."""
        original_file.open_current(self, self.session, self.status.tell)

    def focus_search(self) -> None:
        self.articles_panel.focus_search()

    def set_publication_date(self) -> None:
        """Edit → Set publication date…, for the document of the article shown."""
        ask_publication_date(self, self.session)

    def focus_claim_list(self) -> None:
        self.claim_list.focus_list()

    def toggle_pending_only(self) -> None:
        checked = self.actions_by_id["pending_only"].isChecked()
        self.articles_panel.set_filter_status("pending" if checked else None)

    def _zoom_changed(self, percent: int) -> None:
        self._settings.setValue(keys.ARTICLE_ZOOM, percent)
        self.status.tell(self.tr("Text size {percent}%").format(percent=percent))

    def back_to_article(self) -> None:
        """Esc: drop what is being typed where the focus is, and give the keys back to the review.

        Dropped before the focus moves, because the note saves itself when it
        loses the focus: leaving first would save the very typing Esc cancels.
        """
        popup = QApplication.activePopupWidget()
        if popup is not None:
            # Qt lets window shortcuts through while a completer's list is open
            # (it keeps shortcuts working for the field behind it), so Esc
            # would otherwise skip closing the list. It closes the list first,
            # as it does everywhere; the next Esc leaves the field.
            popup.close()
            return
        focus = QApplication.focusWidget()
        if focus is not None and self.inspector.isAncestorOf(focus):
            self.inspector.cancel_edits()
        elif focus is not None and self.articles_panel.isAncestorOf(focus):
            self.articles_panel.clear_search()
        self.article_view.setFocus(Qt.FocusReason.ShortcutFocusReason)

    # -- drag and drop ---------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        files = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if files:
            event.acceptProposedAction()
            self.transfers.start_import(files)

    # -- language, help, closing -------------------------------------------------------------

    def use_chinese(self) -> None:
        self._switch_language("zh_CN")

    def use_english(self) -> None:
        self._switch_language("en")

    def _switch_language(self, language: str) -> None:
        self.actions_by_id["lang_zh"].setChecked(language == "zh_CN")
        self.actions_by_id["lang_en"].setChecked(language == "en")
        if language != keys.text_value(self._settings, keys.LANGUAGE, keys.DEFAULT_LANGUAGE):
            self._settings.setValue(keys.LANGUAGE, language)
            self.language_change_requested.emit(language)

    def show_shortcuts(self) -> None:
        self.shortcuts_dialog = ShortcutsDialog(self.actions_by_id, self)
        self.shortcuts_dialog.open()

    def show_about(self) -> None:
        show_about(self)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.session.is_open:
            self.inspector.apply_note()  # a note still being typed is saved, not lost
            # Where the editor was, to come back to it; kept here rather than on every key.
            claim = self.session.current_claim
            self._settings.setValue(keys.LAST_CLAIM, claim.id if claim else "")
        self.transfers.jobs.cancel_and_wait()
        self.keying.cancel_and_wait()
        self._settings.setValue(keys.WINDOW_GEOMETRY, self.saveGeometry())
        self.splitter.save(self._settings)
        self._settings.sync()
        self.session.close()
        super().closeEvent(event)
