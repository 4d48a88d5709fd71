"""The review window: wires the article list, the article view and the inspector.

It owns the GUI thread's ReviewStore and is the only place that asks it for
changes; panels emit *_requested signals and get records back.  Decisions go
through `_decide`, which saves first (each decision is committed before the
window says so), then pushes an undo command and moves on to the next
pending claim, across articles, so a whole article takes one key per claim.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressDialog,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from desktop import __version__
from desktop.paths import seed_files
from desktop.store import (
    DatabaseRefused,
    DatabaseUnavailable,
    InvalidDecision,
    ReviewStore,
    StaleDecision,
    StoreError,
    default_database_path,
)
from desktop.store.records import ArticleSummary, ClaimView, ImportReport
from desktop.ui import settings as keys
from desktop.ui.actions import ACTIONS, MENUS, ActionSpec, build_actions, key_sequences, translated
from desktop.ui.article_list import ArticleListPanel
from desktop.ui.article_view import ArticleView
from desktop.ui.inspector import ClaimInspector
from desktop.ui.store_errors import store_error_text
from desktop.ui.undo import DecideCommand
from desktop.ui.workers import ExportJob, ImportJob, Job

SUPPORTED_SUFFIXES = (".txt", ".md", ".markdown", ".text", ".docx")


class MainWindow(QMainWindow):
    database_opened = Signal(str)
    decision_saved = Signal(str)  # claim id
    article_shown = Signal(int)
    job_finished = Signal(object)  # the report of an import or export
    language_change_requested = Signal(str)

    def __init__(self, settings: QSettings, *, ask_editor: bool = True) -> None:
        super().__init__()
        self._settings = settings
        self._store: ReviewStore | None = None
        self._database: Path | None = None
        self._articles: list[ArticleSummary] = []
        self._filter = ""
        self._article_id: int | None = None
        self._claims: list[ClaimView] = []
        self._index = -1
        self._claim_shown_at = time.monotonic()
        self._job: Job | None = None
        self._undo = QUndoStack(self)
        self._latest: dict[str, ClaimView] = {}  # claims saved from this window, by id
        self._unsaved_message = ""  # the "could not be saved" shown in the status bar, if any
        self._ask_editor = ask_editor

        self.setWindowTitle(self.tr("FactDesk"))
        self.setAcceptDrops(True)
        self.articles_panel = ArticleListPanel()
        self.article_view = ArticleView()
        self.inspector = ClaimInspector()
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        for pane in (self.articles_panel, self.article_view, self.inspector):
            self.splitter.addWidget(pane)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 5)
        self.splitter.setStretchFactor(2, 2)
        self.setCentralWidget(self.splitter)

        self.actions_by_id = build_actions(self, self.article_view, self._slot_for)
        self._build_menus()
        self._build_status_bar()
        self._connect_panels()
        self._restore_ui_state()

    # -- set-up ---------------------------------------------------------------

    def _slot_for(self, spec: ActionSpec) -> Callable[[], object]:
        method = getattr(self, spec.slot)
        if spec.id.startswith("tag_"):
            number = int(spec.id.removeprefix("tag_"))
            return lambda: method(number)
        return lambda: method()

    def _build_menus(self) -> None:
        menus: dict[str, QMenu] = {}
        for menu_id, title in MENUS:
            menus[menu_id] = self.menuBar().addMenu(translated(title))
        self._recent_menu = QMenu(self.tr("Recent databases"), self)
        for spec in ACTIONS:
            menu = menus[spec.menu]
            menu.addAction(self.actions_by_id[spec.id])
            if spec.id in ("export", "new_db", "redo", "skip", "note"):
                menu.addSeparator()
            if spec.id == "new_db":
                menu.addMenu(self._recent_menu)
                menu.addSeparator()
        self._recent_menu.aboutToShow.connect(self._fill_recent_menu)
        for action_id in ("lang_zh", "lang_en"):
            self.actions_by_id[action_id].setCheckable(True)
        language = keys.text_value(self._settings, keys.LANGUAGE, keys.DEFAULT_LANGUAGE)
        self.actions_by_id["lang_en" if language == "en" else "lang_zh"].setChecked(True)
        self._undo.canUndoChanged.connect(self.actions_by_id["undo"].setEnabled)
        self._undo.canRedoChanged.connect(self.actions_by_id["redo"].setEnabled)
        self.actions_by_id["undo"].setEnabled(False)
        self.actions_by_id["redo"].setEnabled(False)

    def _build_status_bar(self) -> None:
        self.progress_label = QLabel()
        self.database_label = QLabel()
        self.editor_label = QLabel()
        for label in (self.progress_label, self.database_label, self.editor_label):
            label.setContentsMargins(8, 0, 8, 0)
        self.statusBar().addWidget(self.progress_label)
        self.statusBar().addPermanentWidget(self.database_label)
        self.statusBar().addPermanentWidget(self.editor_label)
        self._show_editor()

    def _connect_panels(self) -> None:
        panel = self.articles_panel
        panel.article_selected.connect(self._article_selected)
        panel.filter_changed.connect(self._filter_changed)
        panel.search_requested.connect(self._search)
        panel.search_hit_activated.connect(self._search_hit_activated)
        panel.article_activated.connect(self._article_activated)
        view = self.article_view
        view.claim_clicked.connect(self._claim_clicked)
        view.add_claim_requested.connect(self._add_manual_claim)
        view.reject_selection_requested.connect(self._reject_selection)
        inspector = self.inspector
        inspector.confirm_requested.connect(lambda _id: self.confirm_current())
        inspector.reject_requested.connect(lambda _id, reason: self._decide("rejected", reason=reason))
        inspector.correct_requested.connect(self._correct_requested)
        inspector.skip_requested.connect(lambda _id: self.skip_current())
        inspector.sources_requested.connect(self._sources_requested)
        inspector.note_requested.connect(self._note_requested)

    def _restore_ui_state(self) -> None:
        geometry = self._settings.value(keys.WINDOW_GEOMETRY)
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1400, 860)
        sizes = self._settings.value(keys.SPLITTER_SIZES)
        if isinstance(sizes, QByteArray) and not sizes.isEmpty():
            self.splitter.restoreState(sizes)
        else:
            self.splitter.setSizes([360, 700, 360])

    # -- the editor -------------------------------------------------------------

    @property
    def editor(self) -> str:
        return keys.text_value(self._settings, keys.EDITOR_NAME)

    def ensure_editor(self) -> str:
        """Ask once for the editor's name; it is recorded with every decision."""
        name = self.editor
        while not name and self._ask_editor:
            name, ok = QInputDialog.getText(
                self, self.tr("Who is reviewing?"), self.tr("Your name (saved with every decision):")
            )
            name = name.strip()
            if not ok:
                break
        if name:
            self._settings.setValue(keys.EDITOR_NAME, name)
        self._show_editor()
        return name

    def _show_editor(self) -> None:
        self.editor_label.setText(self.tr("Editor: {name}").format(name=self.editor or self.tr("(not set)")))

    # -- databases --------------------------------------------------------------

    def open_database(self, path: Path | None = None) -> bool:
        """Open `path` (default: the per-user database); on refusal keep the current one."""
        target = path or default_database_path()
        is_new = not target.exists() or target.stat().st_size == 0
        try:
            store = ReviewStore.open(target, seed_if_new=False)
        except (DatabaseRefused, DatabaseUnavailable) as error:
            QMessageBox.warning(self, self.tr("Cannot open database"), store_error_text(error))
            return False
        if self._store is not None:
            self._store.close()
        self._store = store
        self._database = target
        self._undo.clear()
        keys.remember_database(self._settings, target)
        self.database_label.setText(self.tr("Database: {path}").format(path=str(target)))
        self.database_label.setToolTip(str(target))
        self.setWindowTitle(self.tr("FactDesk — {name}").format(name=target.name))
        self._refresh_sources()
        self._reload_articles()
        last = self._settings.value(keys.LAST_ARTICLE)
        wanted = int(last) if isinstance(last, (int, str)) and str(last).isdigit() else None
        if wanted is not None and any(a.id == wanted for a in self._articles):
            self.show_article(wanted)
        elif self._articles:
            self.show_article(self._articles[0].id)
        else:
            self._clear_article()
        # Keys go to the review at once: J/K/Y work without a click first.
        self.article_view.setFocus()
        self.database_opened.emit(str(target))
        if is_new and path is None and not self._articles:
            # First run: show the window at once and fill the demo pages in the
            # background, so start-up never waits for detection.
            QTimer.singleShot(0, lambda: self.start_import(seed_files(), quiet=True))
        return True

    def choose_database(self) -> None:
        start = str(self._database.parent) if self._database else ""
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open database"),
            start,
            self.tr("FactDesk databases (*.sqlite *.db);;All files (*)"),
        )
        if name:
            self.open_database(Path(name))

    def new_database(self) -> None:
        start = str(self._database.parent) if self._database else ""
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("New database"), start, self.tr("FactDesk databases (*.sqlite)")
        )
        if name:
            path = Path(name if name.endswith((".sqlite", ".db")) else name + ".sqlite")
            self.open_database(path)

    def _fill_recent_menu(self) -> None:
        self._recent_menu.clear()
        for recent in keys.list_value(self._settings, keys.RECENT_DATABASES):
            action = self._recent_menu.addAction(recent)
            # A database moved or deleted since is not recreated empty in its old place.
            action.setEnabled(Path(recent).exists())
            action.triggered.connect(lambda _checked=False, p=recent: self.open_database(Path(p)))

    @property
    def store(self) -> ReviewStore:
        if self._store is None:
            raise RuntimeError("no database is open")
        return self._store

    # -- articles -------------------------------------------------------------------

    def _reload_articles(self) -> None:
        self._articles = self.store.articles(self._filter or None)
        self.articles_panel.set_articles(self._articles)
        self._show_progress()

    def _show_progress(self) -> None:
        reviewed, total = self.store.progress()
        self.progress_label.setText(
            self.tr("Reviewed {reviewed} of {total}").format(reviewed=reviewed, total=total)
        )

    def _filter_changed(self, status: str) -> None:
        self._filter = status
        self._reload_articles()
        if self._article_id is not None:
            self.articles_panel.select_article(self._article_id)

    def _article_selected(self, article_id: int) -> None:
        if article_id != self._article_id:
            self.show_article(article_id)

    def _article_activated(self, article_id: int) -> None:
        """Return (or a double click) in the article list: open it and hand the keys to the review."""
        self._article_selected(article_id)
        self.article_view.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_article(self, article_id: int, claim_id: str | None = None) -> None:
        self.inspector.apply_note()  # a half-typed note belongs to the claim it was typed for
        try:
            detail = self.store.article(article_id)
        except StoreError as error:
            self.statusBar().showMessage(store_error_text(error), 8000)
            return
        self._article_id = article_id
        self._claims = [c for c in self.store.claims(article_id) if not c.orphaned]
        self.article_view.show_article(detail, self._claims)
        self.articles_panel.select_article(article_id)
        self._settings.setValue(keys.LAST_ARTICLE, article_id)
        index = next((i for i, c in enumerate(self._claims) if c.id == claim_id), -1)
        if index < 0:
            index = next((i for i, c in enumerate(self._claims) if c.status == "pending"), 0)
        self._set_current(index if self._claims else -1)
        self.article_shown.emit(article_id)

    def _clear_article(self) -> None:
        self._article_id = None
        self._claims = []
        self._set_current(-1)

    def _article_position(self) -> int:
        return next((i for i, a in enumerate(self._articles) if a.id == self._article_id), -1)

    def next_article(self) -> None:
        position = self._article_position()
        if position + 1 < len(self._articles):
            self.show_article(self._articles[position + 1].id)

    def previous_article(self) -> None:
        position = self._article_position()
        if position > 0:
            self.show_article(self._articles[position - 1].id)

    # -- the current claim ----------------------------------------------------------

    @property
    def current_claim(self) -> ClaimView | None:
        return self._claims[self._index] if 0 <= self._index < len(self._claims) else None

    def _set_current(self, index: int) -> None:
        if index != self._index:
            self.inspector.apply_note()
        self._index = index
        claim = self.current_claim
        self._claim_shown_at = time.monotonic()
        self.article_view.set_current_claim(claim.id if claim else None)
        history = self.store.history(claim.id) if claim and self._store else []
        self.inspector.show_claim(claim, history)

    def _claim_clicked(self, claim_id: str) -> None:
        index = next((i for i, c in enumerate(self._claims) if c.id == claim_id), -1)
        if index >= 0:
            self._set_current(index)

    def next_claim(self) -> None:
        if self._index + 1 < len(self._claims):
            self._set_current(self._index + 1)
        else:
            position = self._article_position()
            if position + 1 < len(self._articles):
                self.show_article(self._articles[position + 1].id)
                if self._claims:
                    self._set_current(0)

    def previous_claim(self) -> None:
        if self._index > 0:
            self._set_current(self._index - 1)
        else:
            position = self._article_position()
            if position > 0:
                self.show_article(self._articles[position - 1].id)
                if self._claims:
                    self._set_current(len(self._claims) - 1)

    def skip_current(self) -> None:
        self.next_claim()

    def _advance_to_next_pending(self) -> None:
        """After a decision: the next pending claim here, else in the next articles."""
        for index in range(self._index + 1, len(self._claims)):
            if self._claims[index].status == "pending":
                self._set_current(index)
                return
        position = self._article_position()
        for summary in self._articles[position + 1 :]:
            if summary.pending:
                self.show_article(summary.id)
                return
        for index in range(0, self._index):
            if self._claims[index].status == "pending":
                self._set_current(index)
                return
        for summary in self._articles[:position]:  # wrap round to the articles above
            if summary.pending:
                self.show_article(summary.id)
                return
        self.statusBar().showMessage(self.tr("Every claim in view is reviewed."), 5000)

    # -- decisions ------------------------------------------------------------------

    def _claim_by_id(self, claim_id: str) -> ClaimView | None:
        """The window's latest copy of a claim (what the editor last saw)."""
        for claim in self._claims:
            if claim.id == claim_id:
                return claim
        known = self._latest.get(claim_id)
        if known is not None:
            return known
        try:
            return self.store.claim(claim_id)
        except StoreError:
            return None

    def _decide(
        self, status: str, *, claim: ClaimView | None = None, advance: bool = True, **fields: Any
    ) -> bool:
        """Save a decision on `claim` (default: the current one); True when saved."""
        claim = claim or self.current_claim
        if claim is None or self._store is None:
            return False
        editor = self.editor or self.ensure_editor()
        if not editor:
            self.inspector.show_refusal(self.tr("Set your name first: every decision records who made it."))
            return False
        spent = time.monotonic() - self._claim_shown_at
        try:
            change = self.store.decide(
                claim.id, status, editor=editor, expected_version=claim.version, seconds_spent=spent, **fields
            )
        except StaleDecision as stale:
            self._refresh_claim(stale.current)
            self.inspector.show_refusal(self._stale_message(stale))
            return False
        except InvalidDecision as invalid:
            self.inspector.show_refusal(invalid.reason)
            return False
        except DatabaseUnavailable as unavailable:
            # Nothing was written and the window still shows the store as it
            # is, so there is nothing to reload (a reload could fail the same
            # way): say why, and let the editor try the same key again.
            self._show_unavailable(unavailable)
            return False
        except StoreError as error:  # the claim or its article is gone (re-detected elsewhere)
            self.inspector.show_refusal(str(error))
            self._reload_after_error()
            return False
        label = self.tr("Decide {text}").format(text=claim.text)
        self._undo.push(
            DecideCommand(
                self.store,
                claim,
                change.claim,
                editor,
                label,
                self._undo_applied,
                self._undo_refused,
                self._claim_by_id,
            )
        )
        self._claim_saved(change.claim)
        is_current = self.current_claim is not None and self.current_claim.id == claim.id
        if advance and is_current and status != "pending" and claim.status == "pending":
            self._advance_to_next_pending()
        return True

    def _show_unavailable(self, error: DatabaseUnavailable) -> None:
        """The database could not be written: in the banner, and in the status bar,
        which outlives the banner when the selection moves on."""
        message = store_error_text(error)
        self.inspector.show_refusal(message)
        self.statusBar().showMessage(message, 15_000)
        self._unsaved_message = message

    def _stale_message(self, stale: StaleDecision) -> str:
        return self.tr(
            "{who} changed this claim at {when}; it has been reloaded. Decide again if needed."
        ).format(who=stale.editor or self.tr("Another editor"), when=stale.at)

    def _reload_after_error(self) -> None:
        self._reload_articles()
        if self._article_id is not None and any(a.id == self._article_id for a in self._articles):
            self.show_article(self._article_id)
        elif self._articles:
            self.show_article(self._articles[0].id)
        else:
            self._clear_article()

    def _claim_saved(self, claim: ClaimView) -> None:
        """A decision was saved: refresh every view of the claim, then say so."""
        if self._unsaved_message and self.statusBar().currentMessage() == self._unsaved_message:
            self.statusBar().clearMessage()  # "not saved" no longer holds once a save went through
        self._unsaved_message = ""
        self._refresh_claim(claim)
        self.decision_saved.emit(claim.id)

    def _refresh_claim(self, claim: ClaimView) -> None:
        """Show `claim` as the store has it, everywhere it appears."""
        self._latest[claim.id] = claim
        self._replace_claim(claim)
        summary = self.store.article(claim.article_id).summary
        self._articles = [summary if a.id == summary.id else a for a in self._articles]
        self.articles_panel.update_article(summary)
        self._show_progress()

    def _select_claim(self, claim: ClaimView) -> None:
        if claim.article_id != self._article_id:
            self.show_article(claim.article_id, claim.id)
            return
        index = next((i for i, c in enumerate(self._claims) if c.id == claim.id), -1)
        if index >= 0:
            self._set_current(index)

    def _undo_applied(self, claim: ClaimView) -> None:
        """Undo or redo saved `claim`: show it, so the next key acts on it."""
        self._claim_saved(claim)
        self._select_claim(claim)

    def _undo_refused(self, error: StoreError, claim_id: str) -> None:
        if isinstance(error, DatabaseUnavailable):
            self._show_unavailable(error)  # nothing changed: no claim to refresh
            return
        current = error.current if isinstance(error, StaleDecision) else self._claim_by_id(claim_id)
        if current is not None:
            self._refresh_claim(current)
            self._select_claim(current)
        message = self._stale_message(error) if isinstance(error, StaleDecision) else str(error)
        self.inspector.show_refusal(message)

    def _replace_claim(self, claim: ClaimView) -> None:
        for index, existing in enumerate(self._claims):
            if existing.id == claim.id:
                self._claims[index] = claim
                self.article_view.update_claim(claim)
                if index == self._index:
                    self.inspector.show_claim(claim, self.store.history(claim.id))
                return

    def confirm_current(self) -> None:
        self._decide("confirmed")

    def reject_current(self) -> None:
        self._decide("rejected", reason="not-a-claim")

    def correct_current(self) -> None:
        if self.current_claim is not None:
            self.inspector.begin_correction()

    def _correct_requested(self, claim_id: str, value: str, unit: str) -> None:
        claim = self._claim_by_id(claim_id)
        if claim and self._decide(
            "corrected", claim=claim, corrected_value=value, corrected_unit=unit or None
        ):
            self.article_view.setFocus()  # back to the keys: the next claim is current

    def tag_current(self) -> None:
        if self.current_claim is not None:
            self.inspector.begin_source_entry()

    def tag_recent(self, number: int) -> None:
        claim = self.current_claim
        tag = self.inspector.recent_source(number)
        if claim is None or not tag or tag in claim.sources:
            return
        self._save_keeping_status(claim, sources=[*claim.sources, tag])

    def _sources_requested(self, claim_id: str, tags: Sequence[str]) -> None:
        self._save_keeping_status(self._claim_by_id(claim_id), sources=list(tags))

    def note_current(self) -> None:
        if self.current_claim is not None:
            self.inspector.begin_note()

    def _note_requested(self, claim_id: str, note: str) -> None:
        # The inspector saves a half-typed note when the selection moves on,
        # so this may be for a claim that is no longer current.
        if not self._save_keeping_status(self._claim_by_id(claim_id), note=note):
            self.inspector.note_not_saved(claim_id)

    def _save_keeping_status(self, claim: ClaimView | None, **fields: Any) -> bool:
        """A source tag or a note is part of the decision; the status stays. True when saved."""
        if claim is None:
            return False
        if claim.status == "rejected":
            fields.setdefault("reason", claim.reason or None)
        if not self._decide(claim.status, claim=claim, advance=False, **fields):
            return False
        self._refresh_sources()
        self.article_view.setFocus()
        return True

    def _refresh_sources(self) -> None:
        self.inspector.set_known_sources([s.tag for s in self.store.sources()])
        self.inspector.set_recent_sources(self.store.recent_sources(9))

    def undo(self) -> None:
        self._step(self._undo.index() - 1, self._undo.undo, self._undo.redo)

    def redo(self) -> None:
        self._step(self._undo.index(), self._undo.redo, self._undo.undo)

    def _step(self, at: int, step: Callable[[], None], step_back: Callable[[], None]) -> None:
        command = self._undo.command(at) if 0 <= at < self._undo.count() else None
        step()
        if isinstance(command, DecideCommand) and command.unsaved:
            # The database could not be written (busy, full…), so nothing
            # changed: the stack goes back to where it was without touching the
            # store, and the next Ctrl+Z retries this same change instead of
            # undoing an older decision the editor never meant to touch.
            command.hold_next_step()
            step_back()

    # -- manual claims ----------------------------------------------------------------

    def _add_manual_claim(self, start: int, end: int) -> None:
        if self._article_id is None:
            return
        try:
            claim = self.store.add_manual_claim(
                self._article_id, start, end, self.editor or self.ensure_editor()
            )
        except StoreError as error:
            self.inspector.show_refusal(store_error_text(error))
            return
        self.show_article(self._article_id, claim.id)

    def _reject_selection(self, start: int, end: int) -> None:
        overlapping = [i for i, c in enumerate(self._claims) if c.start < end and start < c.end]
        if not overlapping:
            self.statusBar().showMessage(self.tr("No detected number in the selection."), 5000)
            return
        self._set_current(overlapping[0])
        self._decide("rejected", reason="not-a-claim")

    # -- search ---------------------------------------------------------------------------

    def focus_search(self) -> None:
        self.articles_panel.focus_search()

    def _search(self, text: str) -> None:
        self.articles_panel.show_search_results(self.store.search(text) if text.strip() else [])

    def _search_hit_activated(self, article_id: int, claim_id: str) -> None:
        self.show_article(article_id, claim_id or None)
        self.article_view.setFocus()

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

    # -- import and export ------------------------------------------------------------------

    def import_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Import articles"),
            "",
            self.tr("Articles (*.txt *.md *.markdown *.docx);;All files (*)"),
        )
        if names:
            self.start_import([Path(n) for n in names])

    def start_import(self, files: Sequence[Path], *, quiet: bool = False) -> None:
        if self._database is None or not files:
            return
        job = ImportJob(self._database, files)
        self._run_job(job, self.tr("Importing {n} file(s)…").format(n=len(files)), quiet=quiet)

    def export_workbook(self) -> None:
        if self._database is None:
            return
        default = str(Path.home() / time.strftime("核查表-%Y%m%d.xlsx"))
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export to Excel"), default, self.tr("Excel (*.xlsx)")
        )
        if name:
            self.start_export(Path(name if name.endswith(".xlsx") else name + ".xlsx"))

    def start_export(self, out: Path) -> None:
        if self._database is None:
            return
        job = ExportJob(self._database, out, editor=self.editor, filters_description=self.tr("All claims"))
        self._run_job(job, self.tr("Exporting to {name}…").format(name=out.name))

    def _run_job(self, job: Job, title: str, *, quiet: bool = False) -> None:
        if self._job is not None:
            self.statusBar().showMessage(self.tr("Please wait: another import or export is running."), 5000)
            return
        self._job = job
        dialog = QProgressDialog(title, self.tr("Cancel"), 0, 0, self)
        dialog.setWindowTitle(self.tr("FactDesk"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0 if not quiet else 300)
        dialog.canceled.connect(job.cancel)

        def progressed(done: int, total: int, what: str) -> None:
            dialog.setMaximum(max(total, 1))
            dialog.setValue(done)
            dialog.setLabelText(f"{title}\n{what}")

        def finished() -> None:
            dialog.reset()
            dialog.deleteLater()
            self._job = None
            job.deleteLater()

        job.progressed.connect(progressed)
        job.succeeded.connect(lambda report: self._job_succeeded(report))
        job.failed.connect(lambda message: QMessageBox.warning(self, self.tr("FactDesk"), message))
        job.cancelled.connect(lambda: self.statusBar().showMessage(self.tr("Cancelled."), 5000))
        job.finished.connect(finished)
        job.start()

    def _job_succeeded(self, report: object) -> None:
        if isinstance(report, ImportReport):
            current = self._article_id
            self._reload_articles()
            self._refresh_sources()
            if current is not None and any(a.id == current for a in self._articles):
                self.articles_panel.select_article(current)
            elif self._articles:
                self.show_article(self._articles[0].id)
            message = self.tr("Imported {docs} file(s): {articles} article(s), {claims} claim(s).").format(
                docs=report.documents_added, articles=report.articles_added, claims=report.claims_added
            )
            if report.cancelled:
                message = self.tr("Import cancelled.") + " " + message
            self.statusBar().showMessage(message, 8000)
            if report.refused or report.duplicates:
                lines = [f"{path.name}: {reason}" for path, reason in report.refused]
                lines += [self.tr("{name}: already imported").format(name=p.name) for p in report.duplicates]
                QMessageBox.information(self, self.tr("Import finished"), message + "\n\n" + "\n".join(lines))
        else:
            rows = getattr(report, "rows", 0)
            path = getattr(report, "path", "")
            self.statusBar().showMessage(
                self.tr("Exported {n} claim(s) to {path}").format(n=rows, path=path), 8000
            )
        self.job_finished.emit(report)

    def is_busy(self) -> bool:
        """An import or export is running (its progress dialog is open)."""
        return self._job is not None

    def wait_for_job(self, timeout_ms: int = 60_000) -> None:
        """For tests and shutdown: block until the running job is done."""
        if self._job is not None:
            self._job.wait(timeout_ms)

    # -- drag and drop ---------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        files = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if files:
            event.acceptProposedAction()
            self.start_import(files)

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
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Keyboard shortcuts"))
        table = QTableWidget(0, 2, dialog)
        table.setHorizontalHeaderLabels([self.tr("Command"), self.tr("Keys")])
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for spec in ACTIONS:
            sequences = key_sequences(spec)
            if not sequences:
                continue
            row = table.rowCount()
            table.insertRow(row)
            table.setItem(row, 0, QTableWidgetItem(self.actions_by_id[spec.id].text().replace("&", "")))
            shown = " / ".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in sequences)
            table.setItem(row, 1, QTableWidgetItem(shown))
        table.resizeColumnToContents(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(table)
        layout.addWidget(buttons)
        dialog.resize(520, 620)
        self.shortcuts_dialog = dialog
        dialog.open()

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About FactDesk"),
            self.tr("FactDesk {version}\nCheck every number in an article before it goes to print.").format(
                version=__version__
            ),
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._store is not None:
            self.inspector.apply_note()  # a note still being typed is saved, not lost
        if self._job is not None:
            self._job.cancel()
            self._job.wait(30_000)
        self._settings.setValue(keys.WINDOW_GEOMETRY, self.saveGeometry())
        self._settings.setValue(keys.SPLITTER_SIZES, self.splitter.saveState())
        self._settings.sync()
        if self._store is not None:
            self._store.close()
            self._store = None
        super().closeEvent(event)
