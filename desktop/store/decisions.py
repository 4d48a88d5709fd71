"""What an editor decides about a claim, and decisions read back from an edited workbook.

Each decision is one transaction with its audit entry, and carries a version
bumped by every saved change: a write that expected another version is
refused (StaleDecision), so two windows on one database, or a workbook
exported before a later decision, never overwrite newer work.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from sqlite_utils import Database

from desktop.claims.numerals import NumberError, parse_quantity
from desktop.store import findings, queries, rows, sql
from desktop.store.errors import ForeignWorkbook, InvalidDecision, StaleDecision, UnknownClaim
from desktop.store.records import (
    REJECT_REASONS,
    STATUSES,
    TAG_SEPARATORS,
    ClaimView,
    DecisionChange,
    DecisionEdit,
    Refusal,
    SourceTag,
    reason_of,
    status_of,
)

# Why a decision is refused, for a window to word in its editor's language
# (desktop/ui/store_errors.py); the English reason stays for the command line.
REFUSAL_CODES = (
    "unknown-status",  # status: what was given
    "unknown-reason",  # reason
    "no-editor",
    "reason-needs-rejected",
    "value-needs-corrected",  # a corrected value with another status
    "needs-value",  # status corrected, and neither a value nor one saved before
    "negative-time",
    "not-a-number",  # value; the parser's NumberError (its own code) is the __cause__
    "unit-mismatch",  # written: the unit in the value, given: the unit field
    "empty-tag",
    "tag-separator",  # tag
    "tags-not-a-list",
    # a claim marked by hand, a publication date (desktop.store.manual)
    "span-outside",  # the selection is not inside the article
    "not-in-source",  # text: the selection is text the pipeline inserted
    "already-a-claim",  # text
    "not-a-date",  # date
    # acting on a check's finding (desktop.store.findings)
    "finding-dismissed",  # dismissed already
    "finding-not-dismissed",  # nothing to undo
    "finding-holds",  # only a failing check can be accepted
    "finding-no-claim",  # the finding is on no claim
)


class RefusedDecision(InvalidDecision):
    """An InvalidDecision with a stable `code` (REFUSAL_CODES) and the `details` its wording needs.

    A subclass, so every caller that catches InvalidDecision (and reads its
    English `reason`) keeps working.
    """

    def __init__(self, reason: str, code: str, /, **details: str) -> None:
        super().__init__(reason)
        self.code = code
        self.details = details


def decide(
    db: Database,
    claim_id: str,
    status: str,
    *,
    editor: str,
    expected_version: int | None = None,
    corrected_value: str | None = None,
    corrected_unit: str | None = None,
    reason: str | None = None,
    sources: Sequence[str] | None = None,
    note: str | None = None,
    seconds_spent: float | None = None,
) -> DecisionChange:
    """Save one decision and its audit entry (see ReviewStore.decide)."""
    # Checked before the write lock is taken: a refused decision waits for no one.
    parsed, tags = _checked(status, editor, reason, corrected_value, corrected_unit, sources, seconds_spent)
    with sql.transaction(db):
        return _write(
            db,
            claim_id,
            status,
            editor,
            expected_version,
            corrected_value,
            reason,
            note,
            seconds_spent,
            parsed,
            tags,
        )


def decide_unlocked(
    db: Database,
    claim_id: str,
    status: str,
    *,
    editor: str,
    expected_version: int | None = None,
    corrected_value: str | None = None,
    corrected_unit: str | None = None,
    reason: str | None = None,
    sources: Sequence[str] | None = None,
    note: str | None = None,
    seconds_spent: float | None = None,
) -> DecisionChange:
    """decide() inside a transaction the caller holds (accepting a finding writes more in the same one)."""
    parsed, tags = _checked(status, editor, reason, corrected_value, corrected_unit, sources, seconds_spent)
    return _write(
        db,
        claim_id,
        status,
        editor,
        expected_version,
        corrected_value,
        reason,
        note,
        seconds_spent,
        parsed,
        tags,
    )


def _checked(
    status: str,
    editor: str,
    reason: str | None,
    corrected_value: str | None,
    corrected_unit: str | None,
    sources: Sequence[str] | None,
    seconds_spent: float | None,
) -> tuple[tuple[Decimal, str] | None, list[str] | None]:
    """The parsed correction and the cleaned tags; RefusedDecision for a decision that cannot be saved."""
    if status not in STATUSES:
        raise RefusedDecision(
            f"unknown status {status!r} (use one of {', '.join(STATUSES)})", "unknown-status", status=status
        )
    if not editor.strip():
        raise RefusedDecision("a decision needs the editor's name", "no-editor")
    if reason and reason not in REJECT_REASONS:
        raise RefusedDecision(
            f"unknown reason {reason!r} (use one of {', '.join(REJECT_REASONS)})",
            "unknown-reason",
            reason=reason,
        )
    if reason and status != "rejected":
        raise RefusedDecision("a reason only goes with status rejected", "reason-needs-rejected")
    if corrected_value is not None and corrected_value.strip() and status != "corrected":
        raise RefusedDecision("a corrected value only goes with status corrected", "value-needs-corrected")
    if seconds_spent is not None and seconds_spent < 0:
        raise RefusedDecision("seconds spent cannot be negative", "negative-time")
    parsed = _parse_correction(corrected_value, corrected_unit) if status == "corrected" else None
    tags = _clean_tags(sources) if sources is not None else None
    return parsed, tags


def _write(
    db: Database,
    claim_id: str,
    status: str,
    editor: str,
    expected_version: int | None,
    corrected_value: str | None,
    reason: str | None,
    note: str | None,
    seconds_spent: float | None,
    parsed: tuple[Decimal, str] | None,
    tags: list[str] | None,
) -> DecisionChange:
    current = queries.claim(db, claim_id)
    if expected_version is not None and current.version != expected_version:
        raise StaleDecision(current, expected_version)
    # What the editor typed is kept beside the number it was read as; a
    # claim that stays corrected without a new value keeps its own.
    typed = corrected_value.strip() if parsed is not None and corrected_value is not None else ""
    if status == "corrected" and parsed is None:
        if current.corrected_value is None:
            raise RefusedDecision("status corrected needs the corrected value", "needs-value")
        parsed = (current.corrected_value, current.corrected_unit)
        typed = current.corrected_text
    if status == "rejected":
        new_reason = (
            reason if reason is not None else (current.reason if current.status == "rejected" else "")
        )
    else:
        new_reason = ""
    db.execute(
        "UPDATE decisions SET status = ?, reason = ?, corrected_value = ?, corrected_unit = ?,"
        " corrected_text = ?, note = ?, editor = ?, decided_at = ?, seconds_spent = ?,"
        " version = version + 1 WHERE claim_id = ?",
        [
            status,
            new_reason,
            None if parsed is None else rows.decimal_text(parsed[0]),
            "" if parsed is None else parsed[1],
            typed,
            current.note if note is None else note,
            editor.strip(),
            rows.now(),
            current.seconds_spent if seconds_spent is None else seconds_spent,
            claim_id,
        ],
    )
    if tags is not None:
        _set_sources(db, claim_id, tags)
    after = queries.claim(db, claim_id)
    before_dict, after_dict = _audited(current), _audited(after)
    audit_id = sql.audit(db, editor.strip(), claim_id, "decide", before_dict, after_dict)
    if findings.excluded(current.status, current.reason) != findings.excluded(after.status, after.reason):
        # The claim left or joined what the checks read: its article is checked again,
        # and keyed again into the memory of figures (keys leave 非数字声明 out).
        from desktop.store import memory  # memory decides through this module

        findings.refresh(db, current.article_id)
        memory.forget_unlocked(db, current.article_id)
    return DecisionChange(claim=after, before=before_dict, after=after_dict, audit_id=audit_id)


def _audited(claim: ClaimView) -> dict[str, object]:
    """The decision as the audit log records it, the typed correction included."""
    return {**rows.decision_dict(claim), "corrected_text": claim.corrected_text}


def _set_sources(db: Database, claim_id: str, tags: list[str]) -> None:
    db.execute("DELETE FROM claim_sources WHERE claim_id = ?", [claim_id])
    if not tags:
        return
    db.table("sources").insert_all(({"tag": tag} for tag in tags), ignore=True)
    # One counter for "recently used": later tags of the same decision count as older.
    last = int(sql.rows(db, "SELECT coalesce(max(last_used), 0) AS n FROM sources")[0]["n"])
    for position, tag in enumerate(tags):
        source_id = sql.rows(db, "SELECT id FROM sources WHERE tag = ?", [tag])[0]["id"]
        db.execute(
            "INSERT INTO claim_sources (claim_id, source_id, position) VALUES (?, ?, ?)",
            [claim_id, source_id, position],
        )
        db.execute("UPDATE sources SET last_used = ? WHERE id = ?", [last + len(tags) - position, source_id])


def add_source(db: Database, tag: str, url: str = "", description: str = "") -> SourceTag:
    """Create a source tag, or update the url/description of an existing one (empty keeps them)."""
    tag = tag.strip()
    if not tag:
        raise RefusedDecision("a source needs a tag", "empty-tag")
    if TAG_SEPARATORS.search(tag):
        raise RefusedDecision(
            f"a source tag cannot contain 、 , ， ; ； or a line break: {tag!r}", "tag-separator", tag=tag
        )
    with sql.transaction(db):
        db.table("sources").insert({"tag": tag}, ignore=True)
        if url:
            db.execute("UPDATE sources SET url = ? WHERE tag = ?", [url, tag])
        if description:
            db.execute("UPDATE sources SET description = ? WHERE tag = ?", [description, tag])
    return next(s for s in queries.sources(db) if s.tag == tag)


def apply_edits(
    db: Database, edits: Sequence[DecisionEdit], *, editor: str, database_id: str | None, this_database: str
) -> tuple[list[DecisionChange], list[tuple[DecisionEdit, Refusal]]]:
    """Apply decisions read back from a workbook (see ReviewStore.apply_edits)."""
    if database_id is not None and database_id.strip() != this_database:
        raise ForeignWorkbook(database_id.strip(), this_database)
    changes: list[DecisionChange] = []
    refused: list[tuple[DecisionEdit, Refusal]] = []
    for edit in edits:
        try:
            status = status_of(edit.status)
        except ValueError as error:
            refused.append((edit, Refusal(str(error), "unknown-status", status=edit.status.strip())))
            continue
        try:
            reason = reason_of(edit.reason)
        except ValueError as error:
            refused.append((edit, Refusal(str(error), "unknown-reason", reason=edit.reason.strip())))
            continue
        try:
            current = queries.claim(db, edit.claim_id.strip())
        except UnknownClaim as error:
            refused.append((edit, Refusal(str(error), "unknown-claim", claim_id=edit.claim_id.strip())))
            continue
        value = edit.corrected_value.strip()
        unit = edit.corrected_unit.strip()
        try:
            if status == "corrected" and value:
                value = _typed_form(current, value, unit, edit.corrected_text.strip())
            # A row that says what the claim already says changes nothing
            # whatever its version: the newer decision may be this very
            # row, applied before an interrupted run stopped.
            if not _edit_changes(current, status, reason, value, unit, edit):
                continue
            if edit.version is not None and current.version != edit.version:
                # A row that differs from a decision made since the export
                # would undo that decision: refused.
                raise StaleDecision(current, edit.version)
            changes.append(
                decide(
                    db,
                    current.id,
                    status,
                    editor=editor,
                    expected_version=edit.version,
                    corrected_value=value or None,
                    corrected_unit=unit or None,
                    reason=reason or None,
                    sources=edit.sources,
                    note=edit.note,
                )
            )
        except RefusedDecision as error:
            refused.append((edit, _refusal(error)))
        except InvalidDecision as error:
            refused.append((edit, Refusal(error.reason, "invalid")))
        except StaleDecision as error:
            refused.append(
                (edit, Refusal(_stale_reason(error), "stale", editor=error.editor, at=error.at or ""))
            )
    return changes, refused


def _refusal(error: RefusedDecision) -> Refusal:
    details = dict(error.details)
    cause = error.__cause__
    if error.code == "not-a-number" and isinstance(cause, NumberError):
        details["number_code"] = cause.code  # the parser's own reason, for the window to word
    return Refusal(error.reason, error.code, **details)


def _parse_correction(value: str | None, unit: str | None) -> tuple[Decimal, str] | None:
    if value is None or not value.strip():
        return None
    try:
        number, written_unit = parse_quantity(value)
    except ValueError as error:
        raise RefusedDecision(
            f"the corrected value is not a number: {error}", "not-a-number", value=value.strip()
        ) from error
    given = (unit or "").strip()
    if given and written_unit and given != written_unit:
        raise RefusedDecision(
            f"the corrected value says {written_unit!r} but the unit given is {given!r}",
            "unit-mismatch",
            written=written_unit,
            given=given,
        )
    return number, given or written_unit


def _typed_form(current: ClaimView, value: str, unit: str, typed: str) -> str:
    """The form to save for a workbook's 更正值 `value`: the correction as the editor wrote it.

    A workbook holds the corrected value as a number (13000) and the form
    it was typed in (1.3万) in its own column.  That form is kept while it
    still reads as the value; a value changed in the workbook is saved as
    written there.  Raises InvalidDecision when `value` does not parse.
    """
    parsed = _parse_correction(value, unit or None)
    if typed and typed != value:
        try:
            if _parse_correction(typed, unit or None) == parsed:
                return typed
        except InvalidDecision:
            pass  # an unreadable typed form is only a note of how it was written
    if current.corrected_text and parsed == (current.corrected_value, current.corrected_unit):
        return current.corrected_text
    return value


def _clean_tags(tags: Sequence[str]) -> list[str]:
    if isinstance(tags, str):  # a lone string would otherwise become one tag per character
        raise RefusedDecision("sources must be a list of tags, not one string", "tags-not-a-list")
    seen: list[str] = []
    for given in tags:
        # A workbook lists a claim's tags separated by these, so a tag that
        # held one would come back split: store it split from the start.
        for part in TAG_SEPARATORS.split(given):
            tag = part.strip()
            if tag and tag not in seen:
                seen.append(tag)
    return seen


def _stale_reason(error: StaleDecision) -> str:
    who = error.editor or "another editor"
    return (
        f"claim {error.current.id} was changed since the export by {who} at {error.at or 'an unknown time'}"
        f" (version {error.current.version}, the workbook has {error.expected_version});"
        " export again to see the current decision"
    )


def _edit_changes(
    current: ClaimView, status: str, reason: str, value: str, unit: str, edit: DecisionEdit
) -> bool:
    if (
        status != current.status
        or tuple(_clean_tags(edit.sources)) != current.sources
        or edit.note != current.note
    ):
        return True
    if status == "rejected" and reason and reason != current.reason:
        return True
    if status == "corrected" and value:
        parsed = _parse_correction(value, unit or None)
        return parsed != (current.corrected_value, current.corrected_unit)
    return bool(value) and status != "corrected"  # refused by decide(), so the row is reported
