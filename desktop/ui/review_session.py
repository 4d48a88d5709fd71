"""The review session: the open database, where the editor is, and every change made from the window.

One per window.  It owns the GUI thread's ReviewStore and the cursor (the
articles listed, the article shown, its claims, the current claim), decides
where the keys go next (the next pending claim, across articles, so a whole
article takes one key per claim), and is the only code in the window that
asks the store for a change.  Decisions are saved first (each is committed
before the window says so), then pushed on the undo stack.

It says what happened through signals and never touches a widget; the
panels subscribe, as Anki's operations report `op_executed`.  Whatever made
the change (a key, a button, the claim list, undo), every view hears it the
same way:

    articles_changed        the listed articles (filter applied) were reloaded
    article_counts_changed  one article's counts changed (a decision, undo, a new claim)
    article_changed         another article is shown (or the same one reloaded)
    about_to_move           the current claim is about to change: save what is typed for it
    claim_changed           the current claim moved, or its decision changed
    claim_updated           the window's copy of a claim changed (saved here, or reloaded)
    decision_saved          a change asked for in this window was committed
    progress_changed        the whole database's reviewed / total
    sources_changed         the tags known and the nine most recent
    refused                 a change was not saved, and why, in the editor's language
    told                    a passing message for the status bar
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from desktop.store import DatabaseUnavailable, InvalidDecision, ReviewStore, StaleDecision, StoreError
from desktop.store.records import (
    ArticleDetail,
    ArticleSummary,
    AuditEntry,
    ClaimView,
    DocumentSource,
    SearchHit,
    SourcePlace,
)
from desktop.ui.refusal_kinds import GONE, INVALID, NO_EDITOR, STALE, UNAVAILABLE
from desktop.ui.review_checks import ReviewChecks
from desktop.ui.review_memory import ReviewMemory
from desktop.ui.review_release import ReviewRelease
from desktop.ui.store_errors import decision_refusal_text, stale_text, store_error_text
from desktop.ui.undo import DecideCommand, StoreCommand
from desktop.ui.wording import article_date, change_text

# Which articles are listed: all, some claim pending, all reviewed, none detected.  An article
# without claims is neither pending nor done: it is listed only under all and "none".
ARTICLE_FILTERS: dict[str, Callable[[ArticleSummary], bool]] = {
    "": lambda a: True,
    "pending": lambda a: a.pending > 0,
    "done": lambda a: a.claims > 0 and a.pending == 0,
    "none": lambda a: a.claims == 0,
}


class ReviewSession(QObject):
    articles_changed = Signal(list)  # ArticleSummary records, as listed
    article_counts_changed = Signal(object)  # ArticleSummary
    article_changed = Signal(object, list)  # ArticleDetail | None, its claims in reading order
    about_to_move = Signal()
    claim_changed = Signal(object, list)  # the current ClaimView | None, its audit history
    claim_updated = Signal(object)  # ClaimView, as the store has it now
    decision_saved = Signal(object)  # ClaimView, as saved
    progress_changed = Signal(int, int)  # reviewed, total
    sources_changed = Signal(list, list)  # every tag used, the most recent nine
    refused = Signal(str, str)  # the message, why (STALE, INVALID, UNAVAILABLE, GONE, NO_EDITOR)
    told = Signal(str)  # for the status bar

    def __init__(self, editor: Callable[[], str], parent: QObject | None = None) -> None:
        """`editor` names who decides; it may ask (the window asks once for a name)."""
        super().__init__(parent)
        self._editor = editor
        self._store: ReviewStore | None = None
        self._path: Path | None = None
        self._filter = ""
        self._articles: list[ArticleSummary] = []
        self._detail: ArticleDetail | None = None
        self._claims: list[ClaimView] = []
        self._index = -1
        self._claim_shown_at = time.monotonic()
        self._latest: dict[str, ClaimView] = {}  # claims saved from this window, by id
        self._recent: list[str] = []
        self._published: dict[int, str] = {}  # document id → publication date (YYYY-MM-DD), when set
        # The shown article's file as imported: read once per document, so finding a claim's
        # line in it is a lookup, not a read, on every key.
        self._source: DocumentSource | None = None
        self.undo_stack = QUndoStack(self)
        # The checks' findings on the shown article follow this session's signals.
        self.checks = ReviewChecks(self)
        # The shown article's source release, and its figures matched.
        self.release = ReviewRelease(self)
        # What other articles state of the shown claims' figures (已核实过), and confirming them alike.
        self.memory = ReviewMemory(self)

    # -- the database -------------------------------------------------------------------------

    def open(self, path: Path, *, article_id: int | None = None, claim_id: str | None = None) -> None:
        """Open `path` and show `article_id` (with `claim_id` current) if listed, else the first article.

        Raises DatabaseRefused or DatabaseUnavailable, keeping the database open before.
        """
        store = ReviewStore.open(path, seed_if_new=False)
        # Articles not yet keyed into the memory of figures (imported by the
        # command line, or keyed by older rules) are keyed in the background
        # (desktop/ui/background_keying.py), not by the first lookups here.
        store.defer_keying = not store.read_only and store.memory_outdated() > 0
        self.close()
        self._store = store
        self._path = path
        self.undo_stack.clear()
        self._latest.clear()
        self._source = None
        self.refresh_sources()
        self.reload_articles()
        if article_id is not None and any(a.id == article_id for a in self._articles):
            self.show_article(article_id, claim_id)
        elif self._articles:
            self.show_article(self._articles[0].id)
        else:
            self._clear_article()

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None

    @property
    def is_open(self) -> bool:
        return self._store is not None

    @property
    def store(self) -> ReviewStore:
        if self._store is None:
            raise RuntimeError("no database is open")
        return self._store

    @property
    def path(self) -> Path | None:
        return self._path

    # -- articles -----------------------------------------------------------------------------

    @property
    def articles(self) -> list[ArticleSummary]:
        """The articles listed, in reading order, the filter applied."""
        return list(self._articles)

    @property
    def article_filter(self) -> str:
        return self._filter

    @property
    def article_id(self) -> int | None:
        return self._detail.summary.id if self._detail is not None else None

    def set_article_filter(self, status: str) -> None:
        """List all articles (""), or those "pending", "done" or with no claims ("none")."""
        if status not in ARTICLE_FILTERS:
            raise ValueError(f"unknown article filter {status!r}")
        self._filter = status
        self.reload_articles()

    def reload_articles(self) -> None:
        listed = ARTICLE_FILTERS[self._filter]
        self._published = {d.id: d.publication_date for d in self.store.documents() if d.publication_date}
        self._articles = [self._dated(a) for a in self.store.articles() if listed(a)]
        self.articles_changed.emit(self.articles)
        self._tell_progress()

    def _dated(self, summary: ArticleSummary) -> ArticleSummary:
        """The summary as the window shows it: its date with the year, when one is known."""
        date = article_date(summary.date, self._published.get(summary.document_id, ""))
        return summary if date == summary.date else replace(summary, date=date)

    def publication_date(self, document_id: int) -> dt.date | None:
        published = self._published.get(document_id)
        return dt.date.fromisoformat(published) if published else None

    def set_publication_date(self, document_id: int, date: dt.date | None) -> bool:
        """Set (None: clear) the date a document was published: its articles' dates get their year."""
        try:
            self.store.set_publication_date(document_id, date or "")
        except StoreError as error:
            self.refused.emit(store_error_text(error), INVALID)
            return False
        shown, current = self.article_id, self.current_claim
        self.reload_articles()
        if shown is not None:
            self.show_article(shown, current.id if current else None)
        return True

    def reload_after_outside_change(self) -> None:
        """Decisions were saved from outside the window's keys (a workbook): show the database as it is.

        The article and claim shown stay shown, with their new decisions.
        """
        shown, current = self.article_id, self.current_claim
        self._latest.clear()  # copies of claims the import may have changed
        self.refresh_sources()
        self.reload_articles()
        if shown is not None and any(a.id == shown for a in self._articles):
            self.show_article(shown, current.id if current else None)
        elif self._articles:
            self.show_article(self._articles[0].id)
        else:
            self._clear_article()

    def all_article_ids(self) -> set[int]:
        """Every article in the database, whatever the filter (to find those an import adds)."""
        return {a.id for a in self.store.articles()}

    def show_article(self, article_id: int, claim_id: str | None = None) -> bool:
        """Show an article with `claim_id` current, else its first pending claim, else its first."""
        try:
            detail = self.store.article(article_id)
        except StoreError as error:
            self.told.emit(store_error_text(error))
            return False
        self.about_to_move.emit()
        detail = replace(detail, summary=self._dated(detail.summary))
        self._detail = detail
        self._claims = [c for c in self.store.claims(article_id) if not c.orphaned]
        self._index = -1
        self.article_changed.emit(detail, list(self._claims))
        index = next((i for i, c in enumerate(self._claims) if c.id == claim_id), -1)
        if index < 0:
            index = next((i for i, c in enumerate(self._claims) if c.status == "pending"), 0)
        self._set_current(index if self._claims else -1, force=True)
        return True

    def _clear_article(self) -> None:
        self.about_to_move.emit()
        self._detail = None
        self._claims = []
        self.article_changed.emit(None, [])
        self._set_current(-1, force=True)

    def _article_position(self) -> int:
        return next((i for i, a in enumerate(self._articles) if a.id == self.article_id), -1)

    def next_article(self) -> None:
        position = self._article_position()
        if position + 1 < len(self._articles):
            self.show_article(self._articles[position + 1].id)

    def previous_article(self) -> None:
        position = self._article_position()
        if position > 0:
            self.show_article(self._articles[position - 1].id)

    def after_import(self, known: set[int]) -> None:
        """An import finished: list what it added and show the first new article.

        `known` are the article ids before the import.  The first new
        article is shown even when the filter would hide it (the filter goes
        back to all), because the editor imported it to read it.
        """
        self.refresh_sources()
        new = [a for a in self.store.articles() if a.id not in known]
        if new and not ARTICLE_FILTERS[self._filter](new[0]):
            self._filter = ""
        self.reload_articles()
        if new:
            self.show_article(new[0].id)
        elif self.article_id is None and self._articles:
            self.show_article(self._articles[0].id)

    # -- the current claim --------------------------------------------------------------------

    @property
    def claims(self) -> list[ClaimView]:
        """The shown article's claims in reading order (orphaned ones left out)."""
        return list(self._claims)

    @property
    def current_claim(self) -> ClaimView | None:
        return self._claims[self._index] if 0 <= self._index < len(self._claims) else None

    def document_source(self, document_id: int) -> DocumentSource | None:
        """A document's text as imported (the shown article's is kept); None when it cannot be read."""
        if self._source is None or self._source.document_id != document_id:
            try:
                self._source = self.store.document_source(document_id)
            except StoreError:
                return None
        return self._source

    def source_place(self, claim: ClaimView | None) -> SourcePlace | None:
        """Where `claim` stands in its file (file name, line, the raw text around it)."""
        if claim is None or self._store is None:
            return None
        source = self.document_source(claim.document_id)
        return source.place(claim.source_start, claim.source_end) if source is not None else None

    def history(self, claim: ClaimView | None) -> list[AuditEntry]:
        return self.store.history(claim.id) if claim is not None and self._store is not None else []

    def _set_current(self, index: int, *, force: bool = False) -> None:
        if index == self._index and not force:
            return
        if not force:  # show_article and _clear_article have said so already
            self.about_to_move.emit()
        self._index = index
        self._claim_shown_at = time.monotonic()
        claim = self.current_claim
        self.claim_changed.emit(claim, self.history(claim))

    def select_claim(self, claim_id: str) -> None:
        """Make a claim of the shown article current (a click, the claim list)."""
        index = next((i for i, c in enumerate(self._claims) if c.id == claim_id), -1)
        if index >= 0:
            self._set_current(index)

    def _select(self, claim: ClaimView) -> None:
        """Show `claim` wherever it is: its article is opened if need be."""
        if claim.article_id != self.article_id:
            self.show_article(claim.article_id, claim.id)
        else:
            self.select_claim(claim.id)

    def next_claim(self) -> None:
        """J: the next claim here, else the first of the next article."""
        if self._index + 1 < len(self._claims):
            self._set_current(self._index + 1)
            return
        position = self._article_position()
        if position + 1 < len(self._articles):
            self.show_article(self._articles[position + 1].id)
            if self._claims:
                self._set_current(0)

    def previous_claim(self) -> None:
        """K: the claim before, else the last of the article before."""
        if self._index > 0:
            self._set_current(self._index - 1)
            return
        position = self._article_position()
        if position > 0:
            self.show_article(self._articles[position - 1].id)
            if self._claims:
                self._set_current(len(self._claims) - 1)

    def _advance_to_next_pending(self) -> bool:
        """After a decision: the next pending claim here, else in the next articles, then from the top.

        False when there is none: every claim listed is reviewed.
        """
        for index in range(self._index + 1, len(self._claims)):
            if self._claims[index].status == "pending":
                self._set_current(index)
                return True
        position = self._article_position()
        for summary in self._articles[position + 1 :]:
            if summary.pending and self.show_article(summary.id):
                return True
        for index in range(0, self._index):
            if self._claims[index].status == "pending":
                self._set_current(index)
                return True
        for summary in self._articles[:position]:  # wrap round to the articles above
            if summary.pending and self.show_article(summary.id):
                return True
        self.told.emit(self.tr("Every claim in view is reviewed."))
        return False

    # -- decisions ----------------------------------------------------------------------------

    def claim_by_id(self, claim_id: str) -> ClaimView | None:
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

    def confirm(self) -> bool:
        return self.decide("confirmed")

    def reject(self, reason: str = "not-a-claim", claim_id: str = "") -> bool:
        return self.decide("rejected", claim=self.claim_by_id(claim_id) if claim_id else None, reason=reason)

    def reject_wrong_number(self) -> bool:
        """Shift+X: reject the current claim because its number is wrong."""
        return self.reject("wrong-number")

    def correct(self, claim_id: str, value: str, unit: str) -> bool:
        """Save a correction as typed ("1.3万"); the store keeps that form beside the number."""
        claim = self.claim_by_id(claim_id)
        if claim is None:
            return False
        return self.decide("corrected", claim=claim, corrected_value=value, corrected_unit=unit or None)

    def set_sources(self, claim_id: str, tags: Sequence[str]) -> bool:
        return self._save_keeping_status(self.claim_by_id(claim_id), sources=list(tags))

    def add_recent_source(self, number: int) -> bool:
        """Keys 1–9: tag the current claim with the recent source on that key."""
        claim = self.current_claim
        tag = self._recent[number - 1] if 1 <= number <= len(self._recent) else None
        if claim is None or not tag or tag in claim.sources:
            return False
        return self._save_keeping_status(claim, sources=[*claim.sources, tag])

    def set_note(self, claim_id: str, note: str) -> bool:
        # The inspector saves a half-typed note when the selection moves on,
        # so this may be for a claim that is no longer current.
        return self._save_keeping_status(self.claim_by_id(claim_id), note=note)

    def _save_keeping_status(self, claim: ClaimView | None, **fields: Any) -> bool:
        """A source tag or a note is part of the decision; the status stays. True when saved."""
        if claim is None:
            return False
        if claim.status == "rejected":
            fields.setdefault("reason", claim.reason or None)
        if not self.decide(claim.status, claim=claim, advance=False, **fields):
            return False
        self.refresh_sources()
        return True

    def decide(
        self, status: str, *, claim: ClaimView | None = None, advance: bool = True, **fields: Any
    ) -> bool:
        """Save a decision on `claim` (default: the current one); True when saved.

        A first decision on a pending claim moves on to the next pending one.
        """
        claim = claim or self.current_claim
        if claim is None or self._store is None:
            return False
        editor = self.editor_for_change()
        if not editor:
            return False
        spent = time.monotonic() - self._claim_shown_at
        try:
            change = self.store.decide(
                claim.id, status, editor=editor, expected_version=claim.version, seconds_spent=spent, **fields
            )
        except StaleDecision as stale:
            self._refresh_claim(stale.current)
            self.refused.emit(self._stale_message(stale), STALE)
            return False
        except InvalidDecision as invalid:
            self.refused.emit(store_error_text(invalid), INVALID)
            return False
        except DatabaseUnavailable as unavailable:
            # Nothing was written and the window still shows the store as it
            # is, so there is nothing to reload (a reload could fail the same
            # way): say why, and let the editor try the same key again.
            self.refused.emit(store_error_text(unavailable), UNAVAILABLE)
            return False
        except StoreError as error:  # the claim or its article is gone (re-detected elsewhere)
            self.refused.emit(store_error_text(error), GONE)
            self._reload_after_error()
            return False
        self.push_decision(claim, change.claim, editor)
        current = self.current_claim
        first_decision = claim.status == "pending" and status != "pending"
        moving_on = advance and first_decision and current is not None and current.id == claim.id
        # Moving on shows another claim at once: showing the saved one first would be a wasted
        # repaint of the inspector on every key.
        self._claim_saved(change.claim, show_current=not moving_on)
        if moving_on and not self._advance_to_next_pending():
            self.claim_changed.emit(change.claim, self.history(change.claim))
        return True

    def editor_for_change(self) -> str:
        """Who a change is recorded under; "" (and the refusal said) when nobody is named."""
        editor = self._editor()
        if not editor:
            self.refused.emit(decision_refusal_text("no-editor", {}), NO_EDITOR)
        return editor

    def report_refusal(self, error: StoreError) -> None:
        """Say why the store refused a change asked for from a part of the window (checks, release)."""
        if isinstance(error, DatabaseUnavailable):
            self.refused.emit(store_error_text(error), UNAVAILABLE)  # nothing changed: nothing to reload
        elif isinstance(error, StaleDecision):
            self._refresh_claim(error.current)
            self.refused.emit(store_error_text(error), STALE)
        else:
            self.refused.emit(store_error_text(error), INVALID if getattr(error, "code", "") else GONE)

    def push_decision(self, before: ClaimView, after: ClaimView, editor: str) -> None:
        """Put a decision already saved on the undo stack (a key, a button, an accepted check)."""
        self.undo_stack.push(
            DecideCommand(
                self.store,
                before,
                after,
                editor,
                change_text(before, after),
                self._undo_applied,
                self._undo_refused,
                self.claim_by_id,
            )
        )

    def _stale_message(self, stale: StaleDecision) -> str:
        return stale_text(stale.editor, stale.at)

    def _reload_after_error(self) -> None:
        shown = self.article_id
        self.reload_articles()
        if shown is not None and any(a.id == shown for a in self._articles):
            self.show_article(shown)
        elif self._articles:
            self.show_article(self._articles[0].id)
        else:
            self._clear_article()

    def claim_saved(self, claim: ClaimView) -> None:
        """A decision made elsewhere (an accepted check) was committed: show it everywhere."""
        self._claim_saved(claim)

    def refresh_claim(self, claim: ClaimView) -> None:
        """Show `claim` as the store has it now (another window changed it)."""
        self._refresh_claim(claim)

    def _claim_saved(self, claim: ClaimView, *, show_current: bool = True) -> None:
        self._refresh_claim(claim, show_current=show_current)
        self.decision_saved.emit(claim)

    def _refresh_claim(self, claim: ClaimView, *, show_current: bool = True) -> None:
        """Show `claim` as the store has it, everywhere it appears, with its article's counts."""
        self._latest[claim.id] = claim
        is_current = False
        for index, existing in enumerate(self._claims):
            if existing.id == claim.id:
                self._claims[index] = claim
                is_current = index == self._index
                break
        self.claim_updated.emit(claim)
        if is_current and show_current:
            self.claim_changed.emit(claim, self.history(claim))
        self._refresh_counts(claim.article_id)

    def _refresh_counts(self, article_id: int) -> None:
        # The counts alone: reading the article (its whole text) on every key was wasted.
        summary = self._dated(self.store.article_summary(article_id))
        self._articles = [summary if a.id == summary.id else a for a in self._articles]
        self.article_counts_changed.emit(summary)
        self._tell_progress()

    def _tell_progress(self) -> None:
        reviewed, total = self.store.progress()
        self.progress_changed.emit(reviewed, total)

    # -- undo ---------------------------------------------------------------------------------

    def undo(self) -> None:
        done = self._step(self.undo_stack.index() - 1, self.undo_stack.undo, self.undo_stack.redo)
        if done:
            self.told.emit(self.tr("Undone: {what}").format(what=done))

    def redo(self) -> None:
        done = self._step(self.undo_stack.index(), self.undo_stack.redo, self.undo_stack.undo)
        if done:
            self.told.emit(self.tr("Redone: {what}").format(what=done))

    def _step(self, at: int, step: Callable[[], None], step_back: Callable[[], None]) -> str:
        """Undo or redo the command at `at`; what it did when saved, "" when nothing changed."""
        command = self.undo_stack.command(at) if 0 <= at < self.undo_stack.count() else None
        if not isinstance(command, StoreCommand):
            return ""
        what = command.text()
        step()
        if command.unsaved:
            # The database could not be written (busy, full…), so nothing
            # changed: the stack goes back to where it was without touching the
            # store, and the next Ctrl+Z retries this same change instead of
            # undoing an older decision the editor never meant to touch.
            command.hold_next_step()
            step_back()
            return ""
        # Refused (another window changed the claim): the banner says so instead.
        return "" if command.refused else what

    def _undo_applied(self, claim: ClaimView) -> None:
        """Undo or redo saved `claim`: show it, so the next key acts on it."""
        self._claim_saved(claim)
        self._select(claim)

    def _undo_refused(self, error: StoreError, claim_id: str) -> None:
        if isinstance(error, DatabaseUnavailable):
            self.refused.emit(store_error_text(error), UNAVAILABLE)  # nothing changed: nothing to refresh
            return
        current = error.current if isinstance(error, StaleDecision) else self.claim_by_id(claim_id)
        if current is not None:
            self._refresh_claim(current)
            self._select(current)
        if isinstance(error, StaleDecision):
            self.refused.emit(self._stale_message(error), STALE)
        else:
            self.refused.emit(store_error_text(error), GONE)

    # -- claims added and rejected from a selection of text -----------------------------------

    def add_manual_claim(self, start: int, end: int) -> bool:
        """Record selected text the detector missed as a claim, and make it current."""
        article_id = self.article_id
        if article_id is None or self._detail is None:
            return False
        # Whitespace swept up with the mouse is not part of it (the store trims it the same way).
        text = self._detail.text
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        selected = text[start:end]
        already = next((i for i, c in enumerate(self._claims) if (c.start, c.end) == (start, end)), -1)
        if already >= 0:
            self._set_current(already)
            self.refused.emit(
                self.tr("“{text}” is a claim already; it is selected.").format(text=selected), INVALID
            )
            return False
        editor = self._editor()
        if not editor:
            self.refused.emit(decision_refusal_text("no-editor", {}), NO_EDITOR)
            return False
        try:
            claim = self.store.add_manual_claim(article_id, start, end, editor)
        except DatabaseUnavailable as error:
            self.refused.emit(store_error_text(error), UNAVAILABLE)
            return False
        except InvalidDecision as error:
            self.refused.emit(
                self.tr("“{text}” cannot be added as a claim. {why}")
                .format(text=selected, why=store_error_text(error))
                .strip(),
                INVALID,
            )
            return False
        except StoreError as error:
            self.refused.emit(store_error_text(error), GONE)
            return False
        self.show_article(article_id, claim.id)
        self._refresh_counts(article_id)  # one claim more: the article's and the database's counts
        return True

    def reject_selection(self, start: int, end: int) -> bool:
        """Reject the first detected claim inside the selected text (a false detection)."""
        overlapping = [i for i, c in enumerate(self._claims) if c.start < end and start < c.end]
        if not overlapping:
            self.told.emit(self.tr("No detected number in the selection."))
            return False
        self._set_current(overlapping[0])
        return self.decide("rejected", reason="not-a-claim")

    # -- sources and search -------------------------------------------------------------------

    def refresh_sources(self) -> None:
        self._recent = self.store.recent_sources(9)
        self.sources_changed.emit([s.tag for s in self.store.sources()], list(self._recent))

    def search(self, text: str) -> list[SearchHit]:
        return self.store.search(text) if text.strip() else []
