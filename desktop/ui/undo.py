"""Undo and redo of decisions and dismissed check findings: QUndoCommands over the store service.

A command holds the claim's decision before and after.  Undo saves the old
decision again through ReviewStore.decide (so the audit log keeps the whole
story: undo is a new entry, never a deletion), redo saves the new one.  Each
call passes the version it expects, so an undo can never overwrite a change
made meanwhile in another window; the store refuses it and the window says so.
A dismissed finding is undone by restoring it (the dismissal stays on record,
withdrawn); an accepted finding is a decision, undone as one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtGui import QUndoCommand

from desktop.store import ReviewStore, StoreError
from desktop.store.errors import DatabaseUnavailable
from desktop.store.records import BatchChange, ClaimView, StoredFinding


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


class StoreCommand(QUndoCommand):
    """A change already saved when the command is made; undo and redo go through the store again.

    The window saves the change first (so a refusal reaches the editor
    before anything is pushed) and then pushes the command; its first
    redo() is therefore a no-op.  Qt calls undo()/redo() from C++, where a
    Python exception would only be printed, so refusals go to a callback
    and the command marks itself obsolete: QUndoStack then drops it.

    A database that cannot be written just now (DatabaseUnavailable: busy,
    disk full…) is different: nothing changed and the same step may work in
    a moment.  The command then stays, with `unsaved` set, and the window
    puts it back where it was (`hold_next_step`), so the next Ctrl+Z retries
    this change instead of reaching past it to an older one.
    """

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self._hold = True  # QUndoStack.push calls redo(): the change is saved already
        self.unsaved = False  # the last undo()/redo() could not be written
        # The last undo()/redo() was refused.  Kept here because QUndoStack deletes an
        # obsolete command's C++ side at once, so isObsolete() cannot be asked afterwards.
        self.refused = False

    def hold_next_step(self) -> None:
        """Make the next undo() or redo() only move the stack, not the database."""
        self._hold = True

    def redo(self) -> None:
        if self._hold:
            self._hold = False
            return
        self._step(forward=True)

    def undo(self) -> None:
        if self._hold:
            self._hold = False
            return
        self._step(forward=False)

    def _step(self, *, forward: bool) -> None:
        raise NotImplementedError

    def _failed(self, error: StoreError) -> None:
        """Sort a failed step: unsaved (try again later) or refused (drop the command)."""
        if isinstance(error, DatabaseUnavailable):
            self.unsaved = True
        else:
            self.refused = True
            self.setObsolete(True)


class DecideCommand(StoreCommand):
    """One decision on one claim, already saved when the command is made.

    Undo saves the decision before again, redo the one after, each through
    ReviewStore.decide with the version this window last saw.
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

    @property
    def claim_id(self) -> str:
        return self._claim.id

    def _step(self, *, forward: bool) -> None:
        self._apply(self._after if forward else self._before)

    def _apply(self, state: DecisionState) -> None:
        # The version expected is the one this window last saw for the claim:
        # a later command on the same claim has moved it on, another window's
        # change has not, so only the latter is refused as stale.
        claim = self._latest(self._claim.id) or self._claim
        self.unsaved = False
        self.refused = False
        try:
            self._claim = save_state(self._store, claim, state, self._editor)
        except StoreError as error:
            self._failed(error)
            self._on_error(error, self._claim.id)
            return
        self._on_saved(self._claim)


class DismissCommand(StoreCommand):
    """An editor dismissed a check's finding; undo restores it (open again), redo dismisses it again."""

    def __init__(
        self,
        store: ReviewStore,
        finding: StoredFinding,
        editor: str,
        text: str,
        on_saved: Callable[[StoredFinding], None],
        on_error: Callable[[StoreError, str], None],
    ) -> None:
        super().__init__(text)
        self._store = store
        self._finding = finding
        self._editor = editor
        self._on_saved = on_saved
        self._on_error = on_error

    @property
    def claim_id(self) -> str:
        return self._finding.claim_id

    def _step(self, *, forward: bool) -> None:
        self.unsaved = False
        self.refused = False
        try:
            if forward:
                change = self._store.dismiss_finding(self._finding.id, self._editor)
            else:
                change = self._store.restore_finding(self._finding.id, self._editor)
        except StoreError as error:
            self._failed(error)
            self._on_error(error, self._finding.claim_id)
            return
        self._finding = change.finding
        self._on_saved(change.finding)


class BatchCommand(StoreCommand):
    """Several decisions saved in one step ("确认所有一致的数字"); undone and redone as one.

    Each step is ReviewStore.revert_batch of the last one, in one transaction,
    refused as a whole (nothing written) if any of its claims changed since.
    """

    def __init__(
        self,
        store: ReviewStore,
        batch: BatchChange,
        editor: str,
        text: str,
        on_saved: Callable[[BatchChange], None],
        on_error: Callable[[StoreError, str], None],
    ) -> None:
        super().__init__(text)
        self._store = store
        self._batch = batch
        self._editor = editor
        self._on_saved = on_saved
        self._on_error = on_error

    def _step(self, *, forward: bool) -> None:
        # Undo and redo are the same move: put back what the last step changed.
        self.unsaved = False
        self.refused = False
        try:
            self._batch = self._store.revert_batch(self._batch, self._editor)
        except StoreError as error:
            self._failed(error)
            self._on_error(error, "")
            return
        self._on_saved(self._batch)
