"""Undo and redo of decisions: QUndoCommands over the same store service.

A command holds the claim's decision before and after.  Undo saves the old
decision again through ReviewStore.decide (so the audit log keeps the whole
story: undo is a new entry, never a deletion), redo saves the new one.  Each
call passes the version it expects, so an undo can never overwrite a change
made meanwhile in another window; the store refuses it and the window says so.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtGui import QUndoCommand

from desktop.store import ReviewStore, StoreError
from desktop.store.errors import DatabaseUnavailable
from desktop.store.records import ClaimView


@dataclass(frozen=True)
class DecisionState:
    """The editable part of a claim's decision."""

    status: str
    reason: str
    corrected_value: str | None
    corrected_unit: str
    sources: tuple[str, ...]
    note: str

    @classmethod
    def of(cls, claim: ClaimView) -> DecisionState:
        return cls(
            status=claim.status,
            reason=claim.reason,
            # As typed ("1.3万"), so an undone and redone correction keeps its typed form.
            corrected_value=None
            if claim.corrected_value is None
            else claim.corrected_text or str(claim.corrected_value),
            corrected_unit=claim.corrected_unit,
            sources=claim.sources,
            note=claim.note,
        )


def save_state(store: ReviewStore, claim: ClaimView, state: DecisionState, editor: str) -> ClaimView:
    corrected = state.status == "corrected"
    change = store.decide(
        claim.id,
        state.status,
        editor=editor,
        expected_version=claim.version,
        corrected_value=state.corrected_value if corrected else None,
        corrected_unit=state.corrected_unit if corrected else None,
        reason=state.reason if state.status == "rejected" else None,
        sources=state.sources,
        note=state.note,
    )
    return change.claim


class DecideCommand(QUndoCommand):
    """One decision on one claim, already saved when the command is made.

    The window saves the decision first (so a refusal reaches the editor
    before anything is pushed) and then pushes this command; its first
    redo() is therefore a no-op.  Qt calls undo()/redo() from C++, where a
    Python exception would only be printed, so refusals go to `on_error`
    (with the claim's id) and the command marks itself obsolete: QUndoStack
    then drops it.

    A database that cannot be written just now (DatabaseUnavailable: busy,
    disk full…) is different: nothing changed and the same step may work in
    a moment.  The command then stays, with `unsaved` set, and the window
    puts it back where it was (`hold_next_step`), so the next Ctrl+Z retries
    this change instead of reaching past it to an older decision.
    """

    def __init__(
        self,
        store: ReviewStore,
        before: ClaimView,
        after: ClaimView,
        editor: str,
        text: str,
        on_saved: Callable[[ClaimView], None],
        on_error: Callable[[StoreError, str], None],
        latest: Callable[[str], ClaimView | None],
    ) -> None:
        super().__init__(text)
        self._store = store
        self._claim = after
        self._before = DecisionState.of(before)
        self._after = DecisionState.of(after)
        self._editor = editor
        self._on_saved = on_saved
        self._on_error = on_error
        self._latest = latest
        self._hold = True  # QUndoStack.push calls redo(): the decision is saved already
        self.unsaved = False  # the last undo()/redo() could not be written
        # The last undo()/redo() was refused.  Kept here because QUndoStack deletes an
        # obsolete command's C++ side at once, so isObsolete() cannot be asked afterwards.
        self.refused = False

    @property
    def claim_id(self) -> str:
        return self._claim.id

    def hold_next_step(self) -> None:
        """Make the next undo() or redo() only move the stack, not the database."""
        self._hold = True

    def redo(self) -> None:
        if self._hold:
            self._hold = False
            return
        self._apply(self._after)

    def undo(self) -> None:
        if self._hold:
            self._hold = False
            return
        self._apply(self._before)

    def _apply(self, state: DecisionState) -> None:
        # The version expected is the one this window last saw for the claim:
        # a later command on the same claim has moved it on, another window's
        # change has not, so only the latter is refused as stale.
        claim = self._latest(self._claim.id) or self._claim
        self.unsaved = False
        self.refused = False
        try:
            self._claim = save_state(self._store, claim, state, self._editor)
        except DatabaseUnavailable as error:
            self.unsaved = True
            self._on_error(error, self._claim.id)
            return
        except StoreError as error:
            self.refused = True
            self.setObsolete(True)
            self._on_error(error, self._claim.id)
            return
        self._on_saved(self._claim)
