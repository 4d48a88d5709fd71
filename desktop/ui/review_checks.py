"""The checks' findings in the review: what is flagged on the shown article, F to the next flag, accept, dismiss.

Owned by the ReviewSession (`session.checks`) and, like it, the only code
that asks the store about findings.  It follows the session's signals: a new
article loads its findings, a saved or undone decision reloads them (the
store re-runs the checks when a decision changes what they read), and a move
to another claim tells the inspector that claim's findings.  It says what it
found through two signals:

    flags_changed            claim id -> the open flags shown on it (article view marks, claim list)
    claim_findings_changed   the current claim's id and every finding that involves it (inspector)

Acting on a flag goes through the store and onto the session's undo stack:
accepting is a decision (the claim rejected as 数字有误 with the explanation
as its note) and is undone as one; dismissing is undone by restoring.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from desktop.store import DatabaseUnavailable, StoreError
from desktop.store.records import ArticleDetail, AuditEntry, ClaimView, StoredFinding
from desktop.ui.finding_wording import explanation
from desktop.ui.store_errors import store_error_text
from desktop.ui.undo import DismissCommand

if TYPE_CHECKING:
    from desktop.ui.review_session import ReviewSession


class ReviewChecks(QObject):
    flags_changed = Signal(dict)  # claim id -> list[StoredFinding]: its open flags
    claim_findings_changed = Signal(str, list)  # current claim id ("" for none), its findings

    def __init__(self, session: ReviewSession) -> None:
        super().__init__(session)
        self._session = session
        self._article_id: int | None = None
        self._findings: list[StoredFinding] = []
        self._flags: dict[str, list[StoredFinding]] = {}
        self._shown_claim = ""
        self._shown: list[StoredFinding] = []
        session.article_changed.connect(self._article_changed)
        session.claim_changed.connect(self._claim_changed)
        session.claim_updated.connect(self._claim_updated)

    # -- what the views read ------------------------------------------------------------------

    @property
    def findings(self) -> list[StoredFinding]:
        """Every finding of the shown article, in reading order."""
        return list(self._findings)

    def findings_for(self, claim_id: str) -> list[StoredFinding]:
        """The findings that involve a claim: shown on it, or using it as a figure."""
        return [f for f in self._findings if claim_id and (claim_id == f.claim_id or claim_id in f.claim_ids)]

    def flags(self) -> dict[str, list[StoredFinding]]:
        """Claim id -> the open flags shown on that claim (what F visits)."""
        return {claim_id: list(found) for claim_id, found in self._flags.items()}

    # -- following the session ----------------------------------------------------------------

    def _article_changed(self, detail: ArticleDetail | None, _claims: list[ClaimView]) -> None:
        self._article_id = detail.summary.id if detail is not None else None
        self._shown_claim = ""
        self.reload()

    def _claim_changed(self, claim: ClaimView | None, _history: list[AuditEntry]) -> None:
        self._tell_claim(claim.id if claim is not None else "", force=False)

    def _claim_updated(self, claim: ClaimView) -> None:
        if claim.article_id == self._article_id:
            self.reload()

    def reload(self) -> None:
        """Read the shown article's findings again and tell whoever shows them what changed."""
        found: list[StoredFinding] = []
        if self._article_id is not None and self._session.is_open:
            try:
                found = self._session.store.findings(self._article_id)
            except StoreError as error:
                # The article is still readable; the checks are extra: say so, show none.
                self._session.told.emit(store_error_text(error))
        self._findings = found
        flags: dict[str, list[StoredFinding]] = {}
        for finding in found:
            if finding.is_open_flag and finding.claim_id:
                flags.setdefault(finding.claim_id, []).append(finding)
        if flags != self._flags:
            self._flags = flags
            self.flags_changed.emit(self.flags())
        self._tell_claim(self._shown_claim, force=False)

    def _tell_claim(self, claim_id: str, *, force: bool) -> None:
        findings = self.findings_for(claim_id)
        if force or claim_id != self._shown_claim or findings != self._shown:
            self._shown_claim, self._shown = claim_id, findings
            self.claim_findings_changed.emit(claim_id, list(findings))

    # -- F / Shift+F --------------------------------------------------------------------------

    def next_flag(self) -> bool:
        """F: the next claim of this article with an open flag, from the current one (wrapping)."""
        return self._step_flag(+1)

    def previous_flag(self) -> bool:
        """Shift+F: the previous one."""
        return self._step_flag(-1)

    def _step_flag(self, step: int) -> bool:
        claims = self._session.claims
        flagged = [i for i, c in enumerate(claims) if c.id in self._flags]
        if not flagged:
            self._session.told.emit(self.tr("No open check flags in this article."))
            return False
        current = self._session.current_claim
        at = next((i for i, c in enumerate(claims) if current is not None and c.id == current.id), -1)
        if step > 0:
            target = next((i for i in flagged if i > at), flagged[0])
        else:
            target = next((i for i in reversed(flagged) if i < at), flagged[-1]) if at >= 0 else flagged[-1]
        self._session.select_claim(claims[target].id)
        return True

    # -- acting on a flag ---------------------------------------------------------------------

    def _open_flag(self, finding_id: int) -> StoredFinding | None:
        """The flag asked for, or the current claim's first open one (the A and D keys)."""
        if finding_id:
            return next((f for f in self._findings if f.id == finding_id), None)
        current = self._session.current_claim
        flags = self._flags.get(current.id, []) if current is not None else []
        if not flags:
            self._session.told.emit(self.tr("The current claim has no open check flag."))
            return None
        return flags[0]

    def accept(self, finding_id: int = 0) -> bool:
        """A: the flag is right: its claim is rejected as 数字有误 with the explanation as note."""
        finding = self._open_flag(finding_id)
        editor = self._session.editor_for_change()
        if finding is None or not editor:
            return False
        before = self._session.claim_by_id(finding.claim_id)
        try:
            change = self._session.store.accept_finding(
                finding.id, editor, expected_version=before.version if before is not None else None
            )
        except StoreError as error:
            self._refused(error)
            return False
        if change.decision is not None and change.claim_before is not None:
            self._session.push_decision(change.claim_before, change.decision.claim, editor)
            self._session.claim_saved(change.decision.claim)
        else:
            self.reload()
        return True

    def dismiss(self, finding_id: int = 0) -> bool:
        """D: the flag is wrong here: recorded, and not shown again unless the claim's text changes."""
        finding = self._open_flag(finding_id)
        editor = self._session.editor_for_change()
        if finding is None or not editor:
            return False
        try:
            change = self._session.store.dismiss_finding(finding.id, editor)
        except StoreError as error:
            self._refused(error)
            return False
        text = self.tr("Dismiss check: {explanation}").format(explanation=explanation(finding))
        self._session.undo_stack.push(
            DismissCommand(
                self._session.store, change.finding, editor, text, self._undone, self._undo_refused
            )
        )
        self.reload()
        return True

    def _undone(self, finding: StoredFinding) -> None:
        """Undo or redo of a dismissal saved: show the claim it is on, with its findings."""
        self.reload()
        if finding.claim_id and any(c.id == finding.claim_id for c in self._session.claims):
            self._session.select_claim(finding.claim_id)
        self._tell_claim(self._shown_claim, force=True)

    def _undo_refused(self, error: StoreError, _claim_id: str) -> None:
        self._refused(error)

    def _refused(self, error: StoreError) -> None:
        if not isinstance(error, DatabaseUnavailable):
            self.reload()  # a finding gone or acted on elsewhere: show what the store has now
        self._session.report_refusal(error)
