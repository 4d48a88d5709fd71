"""The source release of the shown article: attach it, see every figure matched, confirm all that agree.

Owned by the ReviewSession (`session.release`), like the checks: it follows
the session's signals, asks the store (desktop.store.releases) and reports:

    release_changed      the shown article's release (SourceAttachment | None), the release's text as
                         imported (DocumentSource | None) and every figure matched (StoredReleaseMatch)
    claim_match_changed  the current claim's id and its match (None without a release)

"确认所有一致的数字" confirms every pending claim matched `same`, the release
as its source tag, in one store transaction, and goes on the session's undo
stack as one step.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from desktop.store import StoreError
from desktop.store.records import (
    ArticleDetail,
    AuditEntry,
    BatchChange,
    ClaimView,
    DocumentSource,
    SourceAttachment,
    SourceCandidate,
    StoredReleaseMatch,
)
from desktop.ui.store_errors import store_error_text
from desktop.ui.undo import BatchCommand

if TYPE_CHECKING:
    from desktop.ui.review_session import ReviewSession


class ReviewRelease(QObject):
    release_changed = Signal(object, object, list)  # SourceAttachment | None, DocumentSource | None, matches
    claim_match_changed = Signal(str, object)  # current claim id, StoredReleaseMatch | None

    def __init__(self, session: ReviewSession) -> None:
        super().__init__(session)
        self._session = session
        self._article_id: int | None = None
        self._attachment: SourceAttachment | None = None
        self._matches: list[StoredReleaseMatch] = []
        self._by_claim: dict[str, StoredReleaseMatch] = {}
        session.article_changed.connect(self._article_changed)
        session.claim_changed.connect(self._claim_changed)

    # -- what the views read ------------------------------------------------------------------

    @property
    def attachment(self) -> SourceAttachment | None:
        return self._attachment

    @property
    def matches(self) -> list[StoredReleaseMatch]:
        return list(self._matches)

    def match_of(self, claim_id: str) -> StoredReleaseMatch | None:
        return self._by_claim.get(claim_id)

    def same_pending(self) -> int:
        """How many pending claims agree with the release: what 确认所有一致的数字 would confirm."""
        pending = {c.id for c in self._session.claims if c.status == "pending"}
        return sum(1 for m in self._matches if m.match == "same" and m.claim_id in pending)

    def proposals(self) -> list[SourceCandidate]:
        """Imported documents the shown article was likely written from, best first."""
        if self._article_id is None or not self._session.is_open:
            return []
        try:
            return self._session.store.propose_source(self._article_id)
        except StoreError as error:
            self._session.told.emit(store_error_text(error))
            return []

    # -- following the session ----------------------------------------------------------------

    def _article_changed(self, detail: ArticleDetail | None, _claims: list[ClaimView]) -> None:
        self._article_id = detail.summary.id if detail is not None else None
        self.reload()

    def _claim_changed(self, claim: ClaimView | None, _history: list[AuditEntry]) -> None:
        claim_id = claim.id if claim is not None else ""
        self.claim_match_changed.emit(claim_id, self._by_claim.get(claim_id))

    def reload(self) -> None:
        attachment: SourceAttachment | None = None
        matches: list[StoredReleaseMatch] = []
        source: DocumentSource | None = None
        if self._article_id is not None and self._session.is_open:
            store = self._session.store
            try:
                attachment = store.source_of(self._article_id)
                if attachment is not None:
                    matches = store.release_matches(self._article_id)
                    source = store.document_source(attachment.document_id)
            except StoreError as error:
                self._session.told.emit(store_error_text(error))
        self._attachment, self._matches = attachment, matches
        self._by_claim = {m.claim_id: m for m in matches if m.claim_id}
        self.release_changed.emit(attachment, source, list(matches))
        current = self._session.current_claim
        claim_id = current.id if current is not None else ""
        self.claim_match_changed.emit(claim_id, self._by_claim.get(claim_id))

    # -- attaching ----------------------------------------------------------------------------

    def attach_file(self, path: Path) -> bool:
        """Attach a release file to the shown article (imported first unless it is in the database)."""
        editor = self._session.editor_for_change()
        if self._article_id is None or not editor:
            return False
        try:
            attached, _report = self._session.store.attach_source_file(self._article_id, path, editor)
        except StoreError as error:
            self._refused(error)
            return False
        self._session.reload_articles()  # the release may be a new document in the list
        self.reload()
        self._tell_attached(attached)
        return True

    def attach_document(self, document_id: int) -> bool:
        """Attach an imported document (a proposal) to the shown article."""
        editor = self._session.editor_for_change()
        if self._article_id is None or not editor:
            return False
        try:
            attached = self._session.store.attach_source(self._article_id, document_id, editor)
        except StoreError as error:
            self._refused(error)
            return False
        self.reload()
        self._tell_attached(attached)
        return True

    def detach(self) -> bool:
        editor = self._session.editor_for_change()
        if self._article_id is None or self._attachment is None or not editor:
            return False
        try:
            self._session.store.detach_source(self._article_id, editor)
        except StoreError as error:
            self._refused(error)
            return False
        self.reload()
        self._session.told.emit(self.tr("The source release was taken off this article."))
        return True

    def _tell_attached(self, attached: SourceAttachment) -> None:
        counts = {label: sum(1 for m in self._matches if m.match == label) for label in ("same", "rounded")}
        others = len(self._matches) - counts["same"] - counts["rounded"]
        self._session.told.emit(
            self.tr("Source release {name}: {same} same, {rounded} rounded, {others} to look at").format(
                name=attached.file_name, same=counts["same"], rounded=counts["rounded"], others=others
            )
        )

    # -- 确认所有一致的数字 -----------------------------------------------------------------------

    def confirm_matching(self) -> bool:
        editor = self._session.editor_for_change()
        if self._article_id is None or not editor:
            return False
        try:
            batch = self._session.store.confirm_matching(self._article_id, editor)
        except StoreError as error:
            self._refused(error)
            return False
        if not batch.changes:
            self._session.told.emit(self.tr("No pending number agrees with the source release."))
            return False
        text = self.tr("Confirm %n number(s) that agree with the source release", "", len(batch.changes))
        self._session.undo_stack.push(
            BatchCommand(self._session.store, batch, editor, text, self._batch_saved, self._undo_refused)
        )
        self._batch_saved(batch)
        return True

    def _batch_saved(self, batch: BatchChange) -> None:
        for claim in batch.claims_after:
            self._session.refresh_claim(claim)
        self.reload()

    def _undo_refused(self, error: StoreError, _claim_id: str) -> None:
        self._refused(error)

    def _refused(self, error: StoreError) -> None:
        self._session.report_refusal(error)
