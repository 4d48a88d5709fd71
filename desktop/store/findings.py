"""The checks' findings on stored articles, and what editors do about them.

The checks (desktop.checks) read an article's display text and its claims.
Here they are run on what the store holds and their findings kept, one row
each in `findings`, per article; `article_checks` says which checker last
read an article (so an article with no finding counts as checked, and one an
older checker read is read again).

Which claims the checks see: every claim of the article, manual ones
included, except claims orphaned by re-detection (their span may no longer
be in the text) and claims rejected as 非数字声明 (the editor said they are
not figures, so no relation may rest on them).  A claim rejected as 数字有误
stays: it is still printed in the copy, and the finding that made an editor
reject it must stay to show as accepted.  A correction does not change what
the checks read: they check the text as written, and the correction is what
the copy will say once fixed, which is for the editor to weigh.

Findings are recomputed whenever what the checks read changes: on import,
after re-detection, after a manual claim, and after a decision that moves a
claim into or out of 非数字声明 (`refresh`).  A re-run replaces the rows of
its article, keeping the id of a finding found again at the same place.

What an editor does about a finding lives apart, in `finding_actions`, and a
re-run never touches it.  An action is matched to findings by its article,
the finding's key (kind, rule, message code and the figures as written:
desktop.checks.model.Finding.key) and the text of the claim it is shown on,
so a dismissed finding stays dismissed after any re-run, and comes back when
the text of one of its figures changes.  Dismissing writes an action and an
audit entry (`dismiss`); undoing it withdraws the action, with its own
audit entry (`restore`); accepting rejects the claim with reason 数字有误 and
the finding's explanation as note through the decision path
(desktop.store.decisions), in the same transaction as its action, so the
decision is audited and undone like any other: a finding is "accepted" while
its action stands and its claim is still rejected or corrected, and open
again once that decision is undone.
"""

from __future__ import annotations

import functools
import json
import logging
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from desktop import pipeline
from desktop.checks import CHECKER_VERSION, check_article
from desktop.checks.document import place
from desktop.checks.messages import render
from desktop.checks.model import Finding, Message
from desktop.checks.repeats import REPEAT, find_repeats_in_article
from desktop.claims.model import Claim
from desktop.ingest.model import SYNTHETIC, SourceText
from desktop.store import decisions, queries, rows, sql
from desktop.store.errors import UnknownArticle, UnknownFinding
from desktop.store.records import (
    VERIFIED_STATUSES,
    FindingChange,
    FindingExportRow,
    FindingOperand,
    StoredFinding,
)

_log = logging.getLogger(__name__)

# The reject reason that takes a claim out of what the checks read.
NOT_A_CLAIM = "not-a-claim"
# The reason and the note an accepted finding gives its claim.
ACCEPT_REASON = "wrong-number"
# A decision that still carries out an accepted finding.
_ACTED_STATUSES = ("rejected", "corrected")

_FINDING_COLUMNS = (
    "article_id, position, kind, holds, span_start, span_end, source_start, source_end, text,"
    " message_code, message_args, operands, computed, reading, rule, fix, claim_ids, claim_id,"
    " claim_text, finding_key, checker_version, detector_version"
)
_COLUMN_NAMES = [name.strip() for name in _FINDING_COLUMNS.split(",")]


# -- computing ---------------------------------------------------------------


def excluded(status: str, reason: str) -> bool:
    """Whether a claim with this decision is left out of the checks (see the module's docstring)."""
    return status == "rejected" and reason == NOT_A_CLAIM


def document_rows(result: pipeline.DocumentResult) -> dict[int, list[dict[str, Any]]]:
    """Finding rows (without article_id) of each article of a processed document, by article index.

    The import calls this before its transaction, like detection, so the
    checks never hold the write lock.  Every claim of a new document is
    pending, so all of them are read.  A checker bug on one odd article
    leaves that article unchecked (logged), never the import refused.
    """
    found: dict[int, list[dict[str, Any]]] = {}
    for article_result in result.articles:
        article = article_result.article
        claims = article_result.claims
        try:
            # The repeats wait for the memory's refresh (desktop.store.memory): not on the import's clock.
            checked = check_article(article.text, claims)
        except Exception:
            _log.exception("the checks failed on article %d of %s", article.index, result.source.path)
            continue
        texts = {claim.id: claim.text for claim in claims}
        found[article.index] = [
            _row(finding, position, article.text, texts, functools.partial(place, article, result.source))
            for position, finding in enumerate(checked)
        ]
    return found


def articles_with_excluded_claims(db: Database, article_ids: Sequence[int]) -> set[int]:
    """Which of these articles have a claim the checks leave out (rejected as 非数字声明)."""
    found: set[int] = set()
    for first in range(0, len(article_ids), 500):
        chunk = list(article_ids[first : first + 500])
        found.update(
            int(row["article_id"])
            for row in sql.rows(
                db,
                f"SELECT DISTINCT article_id FROM decisions WHERE article_id IN ({', '.join('?' for _ in chunk)})"
                " AND status = 'rejected' AND reason = ?",
                [*chunk, NOT_A_CLAIM],
            )
        )
    return found


def refresh(db: Database, article_id: int) -> list[dict[str, Any]]:
    """Run the checks on a stored article and store its findings; inside the caller's transaction."""
    new_rows = compute(db, article_id)
    store_rows(db, article_id, new_rows)
    return new_rows


def refresh_across(db: Database, article_id: int, own: Sequence[Finding] | None = None) -> None:
    """Replace only an article's repeats across articles by what the memory links now (inside the
    caller's transaction): the other findings stay as stored, so linking a new article to an old
    one does not run every check on the old one again.  With `own`, the article's own repeats
    (find_repeats_in_article, computed by the caller outside the write lock) replace the stored
    ones too.  An article the current checker has not read is checked in full."""
    refresh_across_many(db, [article_id], {} if own is None else {article_id: own})


def refresh_across_many(
    db: Database, article_ids: Sequence[int], own: Mapping[int, Sequence[Finding]]
) -> None:
    """refresh_across for several articles (a step of the memory's keying, `own` by article):
    read in a few statements for them all, and only the rows that changed written."""
    current = _checked_now(db, article_ids)
    for article_id in article_ids:
        if article_id not in current:
            refresh(db, article_id)
    ids = [article_id for article_id in article_ids if article_id in current]
    if not ids:
        return
    from desktop.store import memory

    stored: dict[int, list[dict[str, Any]]] = defaultdict(list)
    claims: dict[int, dict[str, str]] = defaultdict(dict)
    articles: dict[int, dict[str, Any]] = {}
    for chunk in _chunks(ids):
        marks = ", ".join("?" for _ in chunk)
        for row in sql.rows(
            db,
            f"SELECT id, {_FINDING_COLUMNS} FROM findings WHERE article_id IN ({marks})"
            " ORDER BY article_id, position, id",
            chunk,
        ):
            stored[row["article_id"]].append(row)
        for claim_id, article_id, text in db.execute(
            "SELECT c.id, c.article_id, c.text FROM claims c JOIN decisions d ON d.claim_id = c.id"
            f" WHERE c.article_id IN ({marks}) AND NOT c.orphaned AND NOT (d.status = 'rejected' AND d.reason = ?)",
            [*chunk, NOT_A_CLAIM],
        ).fetchall():
            claims[article_id][claim_id] = text
        for row in sql.rows(
            db,
            "SELECT a.id, a.text, a.offsets, doc.dropped_cr, doc.detector_version FROM articles a"
            f" JOIN documents doc ON doc.id = a.document_id WHERE a.id IN ({marks})",
            chunk,
        ):
            articles[row["id"]] = row
    across = memory.findings_of_many(db, {article_id: set(claims[article_id]) for article_id in ids})
    for article_id in ids:
        own_repeats = own.get(article_id)
        kept = [
            dict(row)  # renumbered below: the stored row stays as stored, to tell what changed
            for row in stored[article_id]
            if not _across_articles(row) and not (own_repeats is not None and row["kind"] == REPEAT)
        ]
        article = articles[article_id]
        placed = _placer(article)
        texts = claims[article_id]
        new_rows = [
            _row(finding, 0, article["text"], texts, placed)
            for finding in [*(own_repeats or ()), *across.get(article_id, ())]
        ]
        for row in new_rows:
            row["detector_version"] = article["detector_version"] or ""
        merged = sorted([*kept, *new_rows], key=lambda row: (row["span_start"], row["span_end"], row["kind"]))
        for position, row in enumerate(merged):
            row["position"] = position
        _store_changed(db, article_id, merged, stored[article_id])


def _across_articles(row: dict[str, Any]) -> bool:
    """Whether a stored finding is a repeat across articles (one of its figures is in another)."""
    return '"document"' in row["operands"] and any(o.get("document") for o in json.loads(row["operands"]))


def _checked_now(db: Database, article_ids: Sequence[int]) -> set[int]:
    """Which of these articles this checker has read since they last changed (`is_current`)."""
    found: set[int] = set()
    for chunk in _chunks(article_ids):
        found.update(
            int(row[0])
            for row in db.execute(
                f"SELECT article_id FROM article_checks WHERE article_id IN ({', '.join('?' for _ in chunk)})"
                " AND checker_version = ?",
                [*chunk, CHECKER_VERSION],
            ).fetchall()
        )
    return found


def _chunks(values: Sequence[int], size: int = 500) -> Iterator[list[int]]:
    for first in range(0, len(values), size):
        yield list(values[first : first + size])


def _placer(article: dict[str, Any]) -> Callable[[int, int], tuple[int, int]]:
    """Where a span of the article's display text is in its decoded file."""
    offsets = rows.unpack_ints(article["offsets"])
    source = SourceText(path=Path(), text="", encoding="", dropped_cr=rows.unpack_ints(article["dropped_cr"]))

    def placed(start: int, end: int) -> tuple[int, int]:
        real = [o for o in offsets[start:end] if o != SYNTHETIC]
        if not real:
            return -1, -1
        return source.raw_offset(min(real)), source.raw_offset(max(real) + 1)

    return placed


def compute(db: Database, article_id: int) -> list[dict[str, Any]]:
    """The finding rows of a stored article as the checks find them now (nothing is written)."""
    found = sql.rows(
        db,
        "SELECT a.text, a.offsets, doc.dropped_cr, doc.detector_version FROM articles a"
        " JOIN documents doc ON doc.id = a.document_id WHERE a.id = ?",
        [article_id],
    )
    if not found:
        raise UnknownArticle(article_id)
    article = found[0]
    text: str = article["text"]
    claims = [
        Claim(
            start=row["span_start"],
            end=row["span_end"],
            text=row["text"],
            value=Decimal(row["value"]),
            unit=row["unit"],
            kind=row["kind"],
            approx=row["approx"],
            value_low=rows.optional_decimal(row["value_low"]),
            subject=row["subject"],
            time=row["time"],
            place=row["place"],
            source_start=row["source_start"],
            source_end=row["source_end"],
            id=row["id"],
        )
        for row in sql.rows(
            db,
            "SELECT c.id, c.span_start, c.span_end, c.source_start, c.source_end, c.text, c.value,"
            " c.value_low, c.unit, c.kind, c.approx, c.subject, c.time, c.place FROM claims c"
            " JOIN decisions d ON d.claim_id = c.id WHERE c.article_id = ? AND NOT c.orphaned"
            " AND NOT (d.status = 'rejected' AND d.reason = ?) ORDER BY c.span_start, c.span_end, c.id",
            [article_id, NOT_A_CLAIM],
        )
        if 0 <= row["span_start"] < row["span_end"] <= len(text)
    ]
    from desktop.store import memory  # memory refreshes findings after it links articles

    across = memory.findings_of(db, article_id, {claim.id for claim in claims})
    try:
        checked = with_repeats(check_article(text, claims), text, claims, across)
    except Exception:
        _log.exception("the checks failed on article %d", article_id)
        return []
    offsets = rows.unpack_ints(article["offsets"])
    source = SourceText(path=Path(), text="", encoding="", dropped_cr=rows.unpack_ints(article["dropped_cr"]))

    def placed(start: int, end: int) -> tuple[int, int]:
        real = [o for o in offsets[start:end] if o != SYNTHETIC]
        if not real:
            return -1, -1
        return source.raw_offset(min(real)), source.raw_offset(max(real) + 1)

    texts = {claim.id: claim.text for claim in claims}
    new_rows = [_row(finding, position, text, texts, placed) for position, finding in enumerate(checked)]
    for row in new_rows:
        row["detector_version"] = article["detector_version"] or ""
    return new_rows


def with_repeats(
    checked: list[Finding], text: str, claims: Sequence[Claim], across: Sequence[Finding] = ()
) -> list[Finding]:
    """The checks' findings with the repeats: the article's own (a headline restating its body) and
    those across articles the memory linked (desktop.store.memory), in reading order.

    Unless the checks report repeats themselves already.
    """
    if any(finding.check == REPEAT for finding in checked):
        return checked
    found = [*checked, *find_repeats_in_article(text, claims), *across]
    return sorted(found, key=lambda f: (f.start, f.end, f.check))


def _row(
    finding: Finding,
    position: int,
    text: str,
    claim_texts: dict[str, str],
    placed: Callable[[int, int], tuple[int, int]],
) -> dict[str, Any]:
    claim_id = shown_on(finding)
    source_start, source_end = placed(finding.start, finding.end)
    operands = []
    for operand in finding.operands:
        # A figure of another article (a repeat across articles) has no place in this one's file.
        first, last = placed(operand.start, operand.end) if not operand.document else (-1, -1)
        stored: dict[str, Any] = {
            "role": operand.role,
            "text": operand.text,
            "start": operand.start,
            "end": operand.end,
            "source_start": first,
            "source_end": last,
            "claim_id": operand.claim_id,
            "value": operand.value,
        }
        if operand.document:
            stored["document"] = operand.document
        operands.append(stored)
    return {
        "position": position,
        "kind": finding.check,
        "holds": None if finding.holds is None else int(finding.holds),
        "span_start": finding.start,
        "span_end": finding.end,
        "source_start": source_start,
        "source_end": source_end,
        "text": text[finding.start : finding.end],
        "message_code": finding.message.code,
        "message_args": json.dumps([list(pair) for pair in finding.message.args], ensure_ascii=False),
        "operands": json.dumps(operands, ensure_ascii=False),
        "computed": finding.computed,
        "reading": finding.reading,
        "rule": finding.rule,
        "fix": finding.fix,
        "claim_ids": json.dumps(list(finding.claim_ids)),
        "claim_id": claim_id,
        # The claim's text, so an action on the finding lapses when it changes.
        "claim_text": claim_texts.get(claim_id, text[finding.start : finding.end]),
        "finding_key": finding.key,
        "checker_version": CHECKER_VERSION,
        "detector_version": "",
    }


def shown_on(finding: Finding) -> str:
    """The claim a finding is shown on and acted on: the stated figure's, else the first it touches."""
    # Not a figure of another article (a repeat across articles), whose offsets index that article's text.
    with_claims = [o for o in finding.operands if o.claim_id and not o.document]
    for operand in with_claims:
        if (operand.start, operand.end) == (finding.start, finding.end):
            return operand.claim_id
    for operand in with_claims:
        if operand.start < finding.end and finding.start < operand.end:
            return operand.claim_id
    return finding.claim_ids[0] if finding.claim_ids else ""


def store_rows(db: Database, article_id: int, new_rows: Sequence[dict[str, Any]]) -> None:
    """Replace an article's findings by `new_rows`; a finding found again at the same place keeps its id."""
    stored = sql.rows(
        db,
        f"SELECT id, {_FINDING_COLUMNS} FROM findings WHERE article_id = ? ORDER BY id",
        [article_id],
    )
    _store_changed(db, article_id, new_rows, stored)


def _store_changed(
    db: Database, article_id: int, new_rows: Sequence[dict[str, Any]], stored: Sequence[dict[str, Any]]
) -> None:
    """store_rows with the article's stored rows (with their ids) read already: a row stored
    as it is now is not written again."""
    # Several findings may share a key and a place (3.84% in a body repeating both the headline's
    # 3.84% and the lead's: the key names the figures as written): each keeps one id of its
    # place, in order, and an id found no more is deleted, so a second refresh leaves no stale copy.
    existing: dict[tuple[str, int, int], list[int]] = defaultdict(list)
    as_stored: dict[int, list[Any]] = {}
    for row in sorted(stored, key=lambda row: int(row["id"])):
        existing[(row["finding_key"], row["span_start"], row["span_end"])].append(int(row["id"]))
        as_stored[int(row["id"])] = [row[name] for name in _COLUMN_NAMES]
    inserts: list[list[Any]] = []
    updates: list[list[Any]] = []
    for row in new_rows:
        values = [article_id if name == "article_id" else row[name] for name in _COLUMN_NAMES]
        ids = existing.get((row["finding_key"], row["span_start"], row["span_end"]))
        if not ids:
            inserts.append(values)
            continue
        kept = ids.pop(0)
        if as_stored[kept] != values:
            updates.append([*values, kept])
    gone = [found for ids in existing.values() for found in ids]
    if gone:
        marks = ", ".join("?" for _ in gone)
        db.execute(f"DELETE FROM findings WHERE id IN ({marks})", gone)
    if updates:
        db.conn.executemany(
            f"UPDATE findings SET {', '.join(f'{name} = ?' for name in _COLUMN_NAMES)} WHERE id = ?", updates
        )
    if inserts:
        db.conn.executemany(
            f"INSERT INTO findings ({_FINDING_COLUMNS}) VALUES ({', '.join('?' for _ in _COLUMN_NAMES)})",
            inserts,
        )
    db.execute(
        "INSERT INTO article_checks (article_id, checker_version, checked_at) VALUES (?, ?, ?)"
        " ON CONFLICT (article_id) DO UPDATE SET checker_version = excluded.checker_version,"
        " checked_at = excluded.checked_at",
        [article_id, CHECKER_VERSION, rows.now()],
    )


def is_current(db: Database, article_id: int) -> bool:
    """Whether this checker has read the article since it last changed."""
    return bool(
        sql.rows(
            db,
            "SELECT 1 FROM article_checks WHERE article_id = ? AND checker_version = ?",
            [article_id, CHECKER_VERSION],
        )
    )


def outdated(db: Database) -> list[int]:
    """Articles of current documents this checker has not read (a database made before the checks, say)."""
    return [
        int(row["id"])
        for row in sql.rows(
            db,
            "SELECT a.id FROM articles a JOIN documents doc ON doc.id = a.document_id"
            " LEFT JOIN article_checks k ON k.article_id = a.id"
            " WHERE doc.complete AND doc.superseded_by IS NULL"
            " AND (k.article_id IS NULL OR k.checker_version != ?) ORDER BY a.document_id, a.idx",
            [CHECKER_VERSION],
        )
    ]


def carry_actions(db: Database, moves: Iterable[tuple[int, int]]) -> int:
    """Copy the standing actions of old articles to new ones (a changed file imported again); how many.

    The action still applies only where the new article has a finding with
    the same key on a claim with the same text.
    """
    carried = 0
    for old, new in moves:
        cursor = db.execute(
            "INSERT INTO finding_actions (article_id, finding_key, claim_id, claim_text, action, reviewer, at,"
            " note) SELECT ?, finding_key, claim_id, claim_text, action, reviewer, at, note"
            " FROM finding_actions WHERE article_id = ? AND withdrawn_at = '' ORDER BY id",
            [new, old],
        )
        carried += max(0, cursor.rowcount)
    return carried


# -- reading -----------------------------------------------------------------


def for_article(db: Database, article_id: int) -> list[StoredFinding]:
    """An article's stored findings in reading order, each with its status."""
    found = sql.rows(db, "SELECT * FROM findings WHERE article_id = ? ORDER BY position, id", [article_id])
    return _with_status(db, found)


def unstored(db: Database, article_id: int) -> list[StoredFinding]:
    """An article's findings computed now, not stored (a read-only database); ids are negative."""
    computed = [
        {**row, "id": -(index + 1), "article_id": article_id}
        for index, row in enumerate(compute(db, article_id))
    ]
    return _with_status(db, computed)


def one(db: Database, finding_id: int) -> StoredFinding:
    found = sql.rows(db, "SELECT * FROM findings WHERE id = ?", [finding_id])
    if not found:
        raise UnknownFinding(finding_id)
    return _with_status(db, found)[0]


def open_flags_by_claim(db: Database, article_ids: Sequence[int]) -> dict[str, list[StoredFinding]]:
    """Claim id -> the open flags shown on it, for these articles (the claim list's flag column, 提示)."""
    flags: dict[str, list[StoredFinding]] = {}
    for first in range(0, len(article_ids), 500):
        chunk = list(article_ids[first : first + 500])
        marks = ", ".join("?" for _ in chunk)
        found = sql.rows(
            db,
            f"SELECT * FROM findings WHERE article_id IN ({marks}) AND holds = 0"
            " ORDER BY article_id, position, id",
            chunk,
        )
        for finding in _with_status(db, found):
            if finding.is_open_flag:
                for claim_id in dict.fromkeys((finding.claim_id, *finding.claim_ids)):
                    if claim_id:
                        flags.setdefault(claim_id, []).append(finding)
    return flags


def export_rows(db: Database, article_ids: Sequence[int] = ()) -> Iterator[FindingExportRow]:
    """Every finding of current articles in reading order, an article at a time (the 核查提示 sheet)."""
    where = "doc.complete AND doc.superseded_by IS NULL"
    if article_ids:
        where += f" AND a.id IN ({', '.join('?' for _ in article_ids)})"
    articles = sql.rows(
        db,
        "SELECT a.id, a.headline, doc.file_name FROM articles a JOIN documents doc ON doc.id = a.document_id"
        f" WHERE {where} AND EXISTS (SELECT 1 FROM findings f WHERE f.article_id = a.id)"
        " ORDER BY a.document_id, a.idx",
        list(article_ids),
    )
    for article in articles:
        found = for_article(db, int(article["id"]))
        others = {
            o.claim_id
            for f in found
            if f.check == REPEAT
            for o in f.operands
            if o.claim_id and o.claim_id != f.claim_id
        }
        verified = {
            claim_id: claim
            for claim_id, claim in queries.claims_by_id(db, sorted(others)).items()
            if claim.status in VERIFIED_STATUSES
        }
        for finding in found:
            yield FindingExportRow(
                finding=finding,
                headline=article["headline"],
                file_name=article["file_name"],
                verified=tuple(
                    verified[o.claim_id]
                    for o in finding.operands
                    if finding.check == REPEAT and o.claim_id != finding.claim_id and o.claim_id in verified
                ),
            )


def _with_status(db: Database, found: list[dict[str, Any]]) -> list[StoredFinding]:
    """Stored findings with what editors did about them (see the module's docstring)."""
    if not found:
        return []
    article_ids = sorted({int(row["article_id"]) for row in found})
    marks = ", ".join("?" for _ in article_ids)
    actions: dict[tuple[int, str, str], list[dict[str, Any]]] = {}
    for action in sql.rows(
        db,
        f"SELECT * FROM finding_actions WHERE article_id IN ({marks}) AND withdrawn_at = '' ORDER BY id",
        article_ids,
    ):
        actions.setdefault((action["article_id"], action["finding_key"], action["claim_text"]), []).append(
            action
        )
    claim_ids = sorted({row["claim_id"] for row in found if row["claim_id"]})
    statuses: dict[str, str] = {}
    if actions and claim_ids:
        for first in range(0, len(claim_ids), 500):
            chunk = claim_ids[first : first + 500]
            statuses.update(
                (row["claim_id"], row["status"])
                for row in sql.rows(
                    db,
                    f"SELECT claim_id, status FROM decisions WHERE claim_id IN ({', '.join('?' for _ in chunk)})",
                    chunk,
                )
            )
    result = []
    for row in found:
        status, by, at, note = "open", "", "", ""
        for action in reversed(actions.get((row["article_id"], row["finding_key"], row["claim_text"]), [])):
            if action["action"] == "accepted" and statuses.get(row["claim_id"]) not in _ACTED_STATUSES:
                continue  # the decision that carried it out was undone or changed since
            status, by, at, note = action["action"], action["reviewer"], action["at"], action["note"]
            break
        result.append(_stored(row, status, by, at, note))
    return result


def _stored(row: dict[str, Any], status: str, by: str, at: str, note: str) -> StoredFinding:
    holds = row["holds"]
    return StoredFinding(
        id=int(row["id"]),
        article_id=int(row["article_id"]),
        check=row["kind"],
        holds=None if holds is None else bool(holds),
        start=row["span_start"],
        end=row["span_end"],
        source_start=row["source_start"],
        source_end=row["source_end"],
        text=row["text"],
        message=Message(row["message_code"], tuple((k, v) for k, v in json.loads(row["message_args"]))),
        operands=tuple(FindingOperand(**operand) for operand in json.loads(row["operands"])),
        computed=row["computed"],
        reading=row["reading"],
        rule=row["rule"],
        fix=row["fix"],
        claim_ids=tuple(json.loads(row["claim_ids"])),
        claim_id=row["claim_id"],
        key=row["finding_key"],
        checker_version=row["checker_version"],
        detector_version=row["detector_version"],
        status=status,
        acted_by=by,
        acted_at=at,
        note=note,
    )


# -- acting ------------------------------------------------------------------


def dismiss(db: Database, finding_id: int, reviewer: str, note: str = "") -> FindingChange:
    """Record that an editor dismissed a finding: it is not shown again for that claim (see module)."""
    reviewer = _reviewer(reviewer)
    with sql.transaction(db):
        finding = one(db, finding_id)
        if finding.status == "dismissed":
            raise decisions.RefusedDecision("this finding is dismissed already", "finding-dismissed")
        audit_id = _act(db, finding, "dismissed", reviewer, note)
        return FindingChange(finding=one(db, finding_id), audit_id=audit_id)


def restore(db: Database, finding_id: int, reviewer: str) -> FindingChange:
    """Undo a dismissal: the finding is open again; the dismissal stays on record, withdrawn."""
    reviewer = _reviewer(reviewer)
    with sql.transaction(db):
        finding = one(db, finding_id)
        if finding.status != "dismissed":
            raise decisions.RefusedDecision("this finding is not dismissed", "finding-not-dismissed")
        now = rows.now()
        db.execute(
            "UPDATE finding_actions SET withdrawn_by = ?, withdrawn_at = ? WHERE article_id = ?"
            " AND finding_key = ? AND claim_text = ? AND action = 'dismissed' AND withdrawn_at = ''",
            [reviewer, now, finding.article_id, finding.key, _claim_text(db, finding)],
        )
        after = one(db, finding_id)
        audit_id = sql.audit(
            db, reviewer, finding.claim_id, "restore-finding", _audited(finding), _audited(after)
        )
        return FindingChange(finding=after, audit_id=audit_id)


def accept(
    db: Database,
    finding_id: int,
    reviewer: str,
    *,
    expected_version: int | None = None,
    corrected_value: str | None = None,
) -> FindingChange:
    """Carry out a flag: its claim rejected as 数字有误 (or corrected), the explanation as its note."""
    reviewer = _reviewer(reviewer)
    with sql.transaction(db):
        finding = one(db, finding_id)
        if not finding.is_flag:
            raise decisions.RefusedDecision("only a failing check can be accepted", "finding-holds")
        if not finding.claim_id:
            raise decisions.RefusedDecision(
                "this finding is on no claim to reject or correct", "finding-no-claim"
            )
        before = queries.claim(db, finding.claim_id)
        explanation = render(finding.message, "zh")
        note = (
            before.note if explanation in before.note else "\n".join(filter(None, (before.note, explanation)))
        )
        corrected = corrected_value is not None and corrected_value.strip() != ""
        decision = decisions.decide_unlocked(
            db,
            finding.claim_id,
            "corrected" if corrected else "rejected",
            editor=reviewer,
            expected_version=expected_version,
            corrected_value=corrected_value if corrected else None,
            reason=None if corrected else ACCEPT_REASON,
            note=note,
        )
        finding = one(db, finding_id)  # the decision may have re-run the checks
        audit_id = _act(db, finding, "accepted", reviewer, "")
        return FindingChange(
            finding=one(db, finding_id), audit_id=audit_id, decision=decision, claim_before=before
        )


def _act(db: Database, finding: StoredFinding, action: str, reviewer: str, note: str) -> int:
    db.execute(
        "INSERT INTO finding_actions (article_id, finding_key, claim_id, claim_text, action, reviewer, at, note)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            finding.article_id,
            finding.key,
            finding.claim_id,
            _claim_text(db, finding),
            action,
            reviewer,
            rows.now(),
            note,
        ],
    )
    after = one(db, finding.id)
    name = "dismiss-finding" if action == "dismissed" else "accept-finding"
    return sql.audit(
        db, reviewer, finding.claim_id, name, _audited(finding), {**_audited(after), "note": note}
    )


def _claim_text(db: Database, finding: StoredFinding) -> str:
    found = sql.rows(db, "SELECT claim_text FROM findings WHERE id = ?", [finding.id])
    return str(found[0]["claim_text"]) if found else ""


def _audited(finding: StoredFinding) -> dict[str, object]:
    return {
        "finding_id": finding.id,
        "finding_key": finding.key,
        "check": finding.check,
        "rule": finding.rule,
        "message": render(finding.message, "zh"),
        "status": finding.status,
    }


def _reviewer(reviewer: str) -> str:
    if not reviewer.strip():
        raise decisions.RefusedDecision("acting on a finding needs the editor's name", "no-editor")
    return reviewer.strip()


def flag_lines_by_claim(db: Database, article_ids: Sequence[int]) -> dict[str, tuple[str, ...]]:
    """Claim id -> its open flags as the workbook's 提示 column shows them, one Chinese line each."""
    return {
        claim_id: tuple(render(f.message, "zh") for f in found)
        for claim_id, found in open_flags_by_claim(db, article_ids).items()
    }
