"""The memory of verified figures in the review: 已核实过 for the current claim, and confirming the linked ones.

Owned by the ReviewSession (`session.memory`), like the checks and the
release: it follows the session's signals and asks the store
(desktop.store.memory) through the service.  The hits of the shown article
are looked up once, when the article is shown (one query; an article not
keyed yet is keyed then), and kept: moving from claim to claim is a
dictionary lookup, so Y → next claim costs nothing more.  A hit reads the
other claim's decision, so the cache is read again when decisions outside
this article may have changed (a batch confirmed, a decision elsewhere
undone) or when a claim of this article leaves or rejoins the checks.

After a decision verifies a claim (confirmed or corrected) that pending
claims state again with the same value, it offers once, without a dialog,
"还有 N 处相同数字，一并确认？": confirm_linked confirms them with the claim's
source tags in one store transaction, one step on the session's undo stack.

    claim_memory_changed  the current claim's id ("" for none) and its hits (MemoryHit), verified first
    offer_changed         the claim offered (id, text, has source tags) and how many to confirm; 0: no offer
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from desktop.store import StoreError
from desktop.store.records import ArticleDetail, AuditEntry, BatchChange, ClaimView, MemoryHit
from desktop.ui.actions import ACTIONS
from desktop.ui.refusal_kinds import INVALID
from desktop.ui.store_errors import store_error_text
from desktop.ui.undo import BatchCommand

if TYPE_CHECKING:
    from desktop.ui.inspector import ClaimInspector
    from desktop.ui.review_session import ReviewSession

_VERIFIED = ("confirmed", "corrected")
# The key of 确认相同数字, as the action table gives it, for the offer's words.
CONFIRM_LINKED_KEY = str(next(spec for spec in ACTIONS if spec.id == "confirm_linked").shortcuts[0])


def _excluded(claim: ClaimView) -> bool:
    """Taken out of the checks and the memory (rejected as not a claim): it has no hits."""
    return claim.status == "rejected" and claim.reason == "not-a-claim"


class ReviewMemory(QObject):
    claim_memory_changed = Signal(str, list)  # current claim id ("" for none), list[MemoryHit]
    offer_changed = Signal(str, str, bool, int)  # claim id, its text, has source tags, how many; 0: none

    def __init__(self, session: ReviewSession) -> None:
        super().__init__(session)
        self._session = session
        self._article_id: int | None = None
        self._hits: dict[str, list[MemoryHit]] = {}
        self._excluded: set[str] = set()  # claims of the shown article out of the memory
        self._stale = False  # decisions elsewhere changed: read the hits again before showing them
        self._shown_claim = ""
        self._shown: list[MemoryHit] = []
        self._offer: ClaimView | None = None
        self._offer_count = 0
        self._declined: set[str] = set()  # claims whose offer the editor closed: not offered again
        self._database: Path | None = None  # the database the offer and the declined claims belong to
        session.article_changed.connect(self._article_changed)
        session.claim_changed.connect(self._claim_changed)
        session.claim_updated.connect(self._claim_updated)
        session.decision_saved.connect(self._decision_saved)

    # -- what the views read ------------------------------------------------------------------

    def hits_for(self, claim_id: str) -> list[MemoryHit]:
        """The current article's claim's statements elsewhere, verified first ([] when none)."""
        return list(self._hits.get(claim_id, []))

    @property
    def offer(self) -> tuple[ClaimView | None, int]:
        """The claim whose linked figures are offered, and how many; (None, 0) without an offer."""
        return self._offer, self._offer_count

    # -- following the session ----------------------------------------------------------------

    def _article_changed(self, detail: ArticleDetail | None, claims: list[ClaimView]) -> None:
        if self._session.path != self._database:
            # Another database: its claims were never offered or declined.
            self._database = self._session.path
            self._declined.clear()
            if self._offer is not None:
                self._set_offer(None, 0)
        self._article_id = detail.summary.id if detail is not None else None
        self._shown_claim = ""
        self.reload()

    def _claim_changed(self, claim: ClaimView | None, _history: list[AuditEntry]) -> None:
        if self._stale:
            self.reload()
        self._tell_claim(claim.id if claim is not None else "")

    def _claim_updated(self, claim: ClaimView) -> None:
        if claim.article_id != self._article_id:
            self._stale = True  # a hit may show that claim's decision: read again when next shown
        elif _excluded(claim) != (claim.id in self._excluded):
            self.reload()

    def reload(self) -> None:
        """Read the shown article's hits again (one query) and tell the inspector the current claim's."""
        hits: dict[str, list[MemoryHit]] = {}
        if self._article_id is not None and self._session.is_open:
            try:
                hits = self._session.store.memory_for(self._article_id)
            except StoreError as error:
                # The article is still readable; the memory is extra: say so, show none.
                self._session.told.emit(store_error_text(error))
        self._hits = hits
        self._excluded = {c.id for c in self._session.claims if _excluded(c)}
        self._stale = False
        current = self._session.current_claim
        self._tell_claim(current.id if current is not None else self._shown_claim, force=True)

    def _tell_claim(self, claim_id: str, *, force: bool = False) -> None:
        hits = self._hits.get(claim_id, [])
        if force or claim_id != self._shown_claim or hits != self._shown:
            self._shown_claim, self._shown = claim_id, hits
            self.claim_memory_changed.emit(claim_id, list(hits))

    def open_hit(self, article_id: int, claim_id: str) -> None:
        """Show the other article with the linked claim current (a link in the inspector)."""
        self._session.show_article(article_id, claim_id or None)

    # -- the offer ----------------------------------------------------------------------------

    def _decision_saved(self, claim: ClaimView) -> None:
        """A decision made here: offer the linked figures of a claim it verified; any other decision
        takes the last offer down (it was about the claim just decided)."""
        count = 0
        if claim.status in _VERIFIED and claim.id not in self._declined and self._may_be_linked(claim):
            try:
                count = len(self._session.store.confirmable_linked(claim.id))
            except StoreError:
                count = 0  # the offer is extra: the decision itself was saved
        if count:
            self._set_offer(claim, count)
            self._session.told.emit(self.offer_text(with_key=True))
        elif self._offer is not None:
            self._set_offer(None, 0)

    def _may_be_linked(self, claim: ClaimView) -> bool:
        """Whether the claim is linked as an equal repeat at all (a hit elsewhere, a repeat in its
        article): confirm_linked follows only those links, so without one nothing is confirmable,
        and the store is not asked on every key."""
        if any(hit.relation == "equal" for hit in self._hits.get(claim.id, [])):
            return True
        return any(
            f.check == "repeat" and f.reading == "same" for f in self._session.checks.findings_for(claim.id)
        )

    def _set_offer(self, claim: ClaimView | None, count: int) -> None:
        self._offer, self._offer_count = claim, count if claim is not None else 0
        if claim is None:
            self.offer_changed.emit("", "", False, 0)
        else:
            self.offer_changed.emit(claim.id, claim.text, bool(claim.sources), count)

    def offer_text(self, *, with_key: bool = False) -> str:
        """The offer as the inspector words it (with the key: as the status bar does); "" without one."""
        if self._offer is None:
            return ""
        figure, count = self._offer.text, self._offer_count
        if not self._offer.sources:
            return self.tr(
                "{figure} verified: %n more place(s) state the same figure. Tag its source (T) to confirm"
                " them too.",
                "",
                count,
            ).format(figure=figure)
        offer = self.tr(
            "{figure} verified: %n more place(s) state the same figure. Confirm them too?", "", count
        ).format(figure=figure)
        return self.tr("{offer} ({key})").format(offer=offer, key=CONFIRM_LINKED_KEY) if with_key else offer

    def decline(self) -> None:
        """The editor closed the offer: not offered again for that claim."""
        if self._offer is not None:
            self._declined.add(self._offer.id)
            self._set_offer(None, 0)

    # -- 确认相同数字 -------------------------------------------------------------------------------

    def confirm_linked(self) -> bool:
        """Shift+Y: confirm every pending claim stating the offered (else the current) claim's figure,
        with its source tags, as one undoable step."""
        claim = self._offer
        if claim is not None:
            claim = self._session.claim_by_id(claim.id) or claim  # tagged since the offer, perhaps
        else:
            claim = self._session.current_claim
        if claim is None:
            return False
        if claim.status not in _VERIFIED:
            self._session.refused.emit(
                self.tr(
                    "Confirm or correct this number first; then the same figure elsewhere can follow it."
                ),
                INVALID,
            )
            return False
        editor = self._session.editor_for_change()
        if not editor:
            return False
        try:
            batch = self._session.store.confirm_linked(claim.id, editor)
        except StoreError as error:
            self._session.report_refusal(error)
            return False
        count = len(batch.changes)
        text = self.tr("Confirm %n number(s) stating the same figure", "", count)
        self._session.undo_stack.push(
            BatchCommand(self._session.store, batch, editor, text, self._batch_saved, self._undo_refused)
        )
        self._set_offer(None, 0)
        self._batch_saved(batch)
        self._move_off_confirmed(batch)
        self._session.told.emit(
            self.tr("%n number(s) stating the same figure confirmed, tagged {sources}", "", count).format(
                sources="、".join(claim.sources)
            )
        )
        return True

    def _batch_saved(self, batch: BatchChange) -> None:
        """The batch (or its undo) saved: every view shows its claims, and the hits are read again."""
        for changed in batch.claims_after:
            self._session.refresh_claim(changed)
        self.reload()

    def _move_off_confirmed(self, batch: BatchChange) -> None:
        """The current claim confirmed by the batch: on to the next pending claim of the article, so
        the next Y does not confirm it a second time."""
        current = self._session.current_claim
        if current is None or current.id not in {c.id for c in batch.claims_after}:
            return
        claims = self._session.claims
        at = next((i for i, c in enumerate(claims) if c.id == current.id), 0)
        following = [*claims[at + 1 :], *claims[:at]]
        target = next((c for c in following if c.status == "pending"), None)
        if target is not None:
            self._session.select_claim(target.id)

    def _undo_refused(self, error: StoreError, _claim_id: str) -> None:
        self._session.report_refusal(error)
        self.reload()


def connect_memory(memory: ReviewMemory, inspector: ClaimInspector) -> None:
    """The inspector shows the memory and the offer, and its links and buttons act through it."""
    memory.claim_memory_changed.connect(inspector.show_memory)
    memory.offer_changed.connect(
        lambda _id, _text, tagged, _n: inspector.offer.show_offer(
            memory.offer_text(), can_confirm=tagged, key=CONFIRM_LINKED_KEY
        )
    )
    inspector.memory.hit_clicked.connect(memory.open_hit)
    inspector.offer.accepted.connect(memory.confirm_linked)
    inspector.offer.declined.connect(memory.decline)
