"""Source releases: the release an article was written from, its figures matched, confirmed in one step.

A release is a document imported like any other (so it can be reviewed too,
and proposed for another article); an article has at most one attached, in
`article_sources`, with who attached it and when, and every attach and
detach is audited (claim_id "", action attach-source / detach-source).

Matching (desktop.checks.release.match_release) reads what the store holds:

- the release as a whole file, as `factdesk match` reads it: the document's
  decoded text, every claim of it placed there by its file offsets (a
  release's title, body and tables may land in several articles);
- the article as the stretch of its file its display text came from (from
  its first to its last character in the file), its claims placed there, so
  a file holding one article gives exactly what `factdesk match` gives for
  the two files, and a page of several articles gives this article's
  figures only.

On both sides claims orphaned by re-detection and claims rejected as
非数字声明 are left out, as the checks leave them out (desktop.store.findings):
the editor said they are not figures.  Each match carries its figure's span
in the display text and in the decoded file, for the article and for the
release figure it was matched to.

Matches are kept per article in `release_matches` under a fingerprint of
everything they were computed from (both sides' claims as stored, both
documents' detector versions, the release attached, MATCHER_VERSION and the
application's version), because matching a long article takes longer than
a window should wait on each key press: a re-detection, a manual claim, a
claim rejected as 非数字声明 or another release changes the fingerprint and
the next read computes them again.  A read-only database computes without
keeping them.

"确认所有一致的数字" (`confirm_matching`) confirms every claim matched `same`
that is still pending, with the release's file name as its source tag
(SourceAttachment.tag explains the choice), each through the decision path
(desktop.store.decisions) so each has its own audit entry, plus one entry
for the batch naming the release, all in one transaction.  It returns a
BatchChange holding the claims before and after; `revert_batch` restores
them in one transaction, expecting the versions it saved (a claim changed
meanwhile refuses the whole undo, StaleDecision), and returns a BatchChange
that reverts the undo in turn: redo.  A claim matched rounded, different or
absent is never touched: those are for the editor.

Proposing a release (`propose`) ranks imported documents with the checks'
own ranking (desktop.checks.release.rank_documents), but only the few that
state some of the article's figures: an SQL pre-filter on the claims'
numeric values (an index on CAST(value AS REAL), a range per figure wide
enough for the article's rounding) picks them first, so thousands of
documents are never all read.  A release whose shared figures are all table
cells the detector does not count is not found by that pre-filter.
"""

from __future__ import annotations

import bisect
import hashlib
import json
import logging
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from desktop import __version__, pipeline
from desktop.checks import release as release_check
from desktop.checks.model import Message
from desktop.checks.release import SAME, ReleaseMatch, figures_in, match_release, rank_documents
from desktop.checks.release.propose import MIN_FIGURES
from desktop.claims.model import Claim
from desktop.ingest.model import SYNTHETIC, SourceText
from desktop.ingest.reader import ReadError, display_name, read_file
from desktop.store import database, decisions, queries, rows, sql
from desktop.store.decisions import RefusedDecision
from desktop.store.errors import UnknownArticle, UnknownDocument
from desktop.store.findings import NOT_A_CLAIM
from desktop.store.records import (
    AuditEntry,
    BatchChange,
    ClaimView,
    DecisionChange,
    ExportRow,
    FindingExportRow,
    FindingOperand,
    ImportReport,
    ReleaseFigure,
    SourceAttachment,
    SourceCandidate,
    StoredFinding,
    StoredReleaseMatch,
)

_log = logging.getLogger(__name__)

# Bumped when what is kept in release_matches changes shape or meaning here;
# the matcher's own changes reach the fingerprint through its version
# (desktop.checks.release.MATCHER_VERSION, held to its behaviour by a test).
MATCHER_VERSION = f"1.{release_check.MATCHER_VERSION}"

# Why a release action is refused, for the window to word (beside
# desktop.store.decisions.REFUSAL_CODES; kept apart so that list stays the
# one the window words today).
RELEASE_REFUSAL_CODES = (
    "no-source",  # article: the article has no source release attached
    "source-is-own-document",  # the release is the article's own file
    "source-unreadable",  # file, reason: the release file could not be read
    "source-not-imported",  # file: the release file was read but could not be imported
)

# How many documents the SQL pre-filter hands to the ranking.
PROPOSE_SHORTLIST = 6
# Article figures looked up by the pre-filter: the most specific first.
_PREFILTER_FIGURES = 40
# How long a read waits for the write lock to keep the matches it computed.
_KEEP_WAIT_MS = 50
# The 比对 column and the 核查提示 sheet word labels so.
MATCH_LABELS_ZH = {"same": "一致", "rounded": "约数", "different": "不一致", "absent": "来源稿中没有"}
# The check kind release discrepancies have on the 核查提示 sheet (desktop.export.labels words it).
RELEASE_CHECK = "release"

_CLAIM_FIELDS = (
    "c.id, c.span_start, c.span_end, c.source_start, c.source_end, c.text, c.value, c.value_low,"
    " c.unit, c.kind, c.approx, c.subject, c.time, c.place"
)


# -- attaching ----------------------------------------------------------------


def source_of(db: Database, article_id: int) -> SourceAttachment | None:
    """The release attached to an article, or None; UnknownArticle when there is no such article."""
    found = sql.rows(
        db,
        "SELECT s.article_id, s.document_id, s.attached_by, s.attached_at, doc.file_name, doc.path,"
        " (SELECT headline FROM articles r WHERE r.document_id = s.document_id ORDER BY r.idx LIMIT 1)"
        " AS headline FROM article_sources s JOIN documents doc ON doc.id = s.document_id"
        " WHERE s.article_id = ?",
        [article_id],
    )
    if not found:
        _article_document(db, article_id)  # raises UnknownArticle
        return None
    row = found[0]
    return SourceAttachment(
        article_id=int(row["article_id"]),
        document_id=int(row["document_id"]),
        file_name=row["file_name"],
        path=row["path"],
        headline=row["headline"] or "",
        attached_by=row["attached_by"],
        attached_at=row["attached_at"],
    )


def sources_of(db: Database, article_ids: Sequence[int]) -> dict[int, SourceAttachment]:
    """Article id -> its attached release, for those of these articles that have one."""
    found: dict[int, SourceAttachment] = {}
    for first in range(0, len(article_ids), 500):
        chunk = list(article_ids[first : first + 500])
        marks = ", ".join("?" for _ in chunk)
        for row in sql.rows(
            db, f"SELECT article_id FROM article_sources WHERE article_id IN ({marks})", chunk
        ):
            attachment = source_of(db, int(row["article_id"]))
            if attachment is not None:
                found[attachment.article_id] = attachment
    return found


def attach(db: Database, article_id: int, document_id: int, editor: str) -> SourceAttachment:
    """Attach a release to an article (replacing any other), audited; committed before this returns."""
    editor = _editor(editor)
    with sql.transaction(db):
        own = _article_document(db, article_id)
        found = sql.rows(db, "SELECT id FROM documents WHERE id = ? AND complete", [document_id])
        if not found:
            raise UnknownDocument(document_id)
        if document_id == own:
            raise RefusedDecision(
                "an article cannot be its own source release",
                "source-is-own-document",
                article=str(article_id),
            )
        before = source_of(db, article_id)
        if before is not None and before.document_id == document_id:
            return before
        db.execute(
            "INSERT INTO article_sources (article_id, document_id, attached_by, attached_at) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (article_id) DO UPDATE SET document_id = excluded.document_id,"
            " attached_by = excluded.attached_by, attached_at = excluded.attached_at",
            [article_id, document_id, editor, rows.now()],
        )
        db.execute("DELETE FROM release_matches WHERE article_id = ?", [article_id])
        after = source_of(db, article_id)
        assert after is not None
        sql.audit(db, editor, "", "attach-source", _audited(article_id, before), _audited(article_id, after))
        return after


def detach(db: Database, article_id: int, editor: str) -> SourceAttachment:
    """Take an article's release off it, audited; returns what was attached.  Refused when none is."""
    editor = _editor(editor)
    with sql.transaction(db):
        before = source_of(db, article_id)
        if before is None:
            raise _no_source(article_id)
        db.execute("DELETE FROM article_sources WHERE article_id = ?", [article_id])
        db.execute("DELETE FROM release_matches WHERE article_id = ?", [article_id])
        sql.audit(db, editor, "", "detach-source", _audited(article_id, before), _audited(article_id, None))
        return before


def attach_file(
    db: Database, article_id: int, path: Path, editor: str
) -> tuple[SourceAttachment, ImportReport]:
    """Import a release file if its content is not in the database yet (the import path), then attach it.

    The import is its own transaction(s), as any import; the attachment
    another.  Returns the attachment and what the import did (a duplicate
    when the file was there already).
    """
    editor = _editor(editor)
    _article_document(db, article_id)
    try:
        source = read_file(Path(path))
    except ReadError as error:
        raise RefusedDecision(
            f"{display_name(Path(path))}: {error.reason}",
            "source-unreadable",
            file=display_name(Path(path)),
            reason=error.reason,
        ) from error
    # Here, not at the top: the import carries attachments over (carry_sources), so it imports this module.
    from desktop.store import importing

    report = importing.import_source(db, source)
    found = sql.rows(
        db,
        "SELECT id FROM documents WHERE content_hash = ? AND complete ORDER BY id DESC LIMIT 1",
        [pipeline.content_hash(source.text)],
    )
    if not found:
        reason = report.refused[0][1] if report.refused else "it could not be imported"
        raise RefusedDecision(
            f"{display_name(Path(path))}: {reason}", "source-not-imported", file=display_name(Path(path))
        )
    return attach(db, article_id, int(found[0]["id"]), editor), report


def history(db: Database, article_id: int) -> list[AuditEntry]:
    """An article's release entries of the audit log, oldest first: attached, detached, confirmed, undone."""
    _article_document(db, article_id)
    return [
        AuditEntry(
            id=row["id"],
            at=row["at"],
            editor=row["editor"],
            claim_id=row["claim_id"],
            action=row["action"],
            before=rows.from_json(row["before"]),
            after=rows.from_json(row["after"]),
        )
        for row in sql.rows(
            db,
            "SELECT * FROM audit WHERE claim_id = '' AND action IN"
            " ('attach-source', 'detach-source', 'confirm-matching', 'revert-batch')"
            " AND json_extract(after, '$.article_id') = ? ORDER BY id",
            [article_id],
        )
    ]


def carry_sources(db: Database, moves: Iterable[tuple[int, int]]) -> int:
    """Attach to new articles the releases of old ones (a changed file imported again); how many.

    Inside the import's transaction; each carried attachment is audited as
    attach-source by no editor, naming the article it came from.
    """
    carried = 0
    for old, new in moves:
        attachment = source_of(db, old)
        if attachment is None or source_of(db, new) is not None:
            continue
        db.execute(
            "INSERT INTO article_sources (article_id, document_id, attached_by, attached_at) VALUES (?, ?, ?, ?)",
            [new, attachment.document_id, attachment.attached_by, attachment.attached_at],
        )
        after = {**_audited(new, attachment), "carried_from": old}
        sql.audit(db, "", "", "attach-source", _audited(new, None), after)
        carried += 1
    return carried


def _article_document(db: Database, article_id: int) -> int:
    found = sql.rows(db, "SELECT document_id FROM articles WHERE id = ?", [article_id])
    if not found:
        raise UnknownArticle(article_id)
    return int(found[0]["document_id"])


def _audited(article_id: int, attachment: SourceAttachment | None) -> dict[str, object]:
    if attachment is None:
        return {"article_id": article_id, "document_id": None}
    return {
        "article_id": article_id,
        "document_id": attachment.document_id,
        "file_name": attachment.file_name,
    }


def _editor(editor: str) -> str:
    if not editor.strip():
        raise RefusedDecision("this needs the editor's name", "no-editor")
    return editor.strip()


def _no_source(article_id: int) -> RefusedDecision:
    return RefusedDecision(
        f"article {article_id} has no source release attached", "no-source", article=str(article_id)
    )


# -- the two sides, as the matcher reads them ---------------------------------


@dataclass(frozen=True)
class _Side:
    """A text the matcher reads and its claims placed in it, with the maps back to the store's offsets."""

    document_id: int
    text: str
    claims: tuple[Claim, ...]
    shift: int  # where `text` starts in the document's normalised text
    source: SourceText  # the document's normalised text, to map offsets back to the decoded file
    # Per article of the document: its id and the normalised offset of each display character.
    displays: tuple[tuple[int, tuple[int, ...]], ...]
    spans: dict[str, tuple[int, int, int]]  # claim id -> (article id, display start, display end)
    # Normalised offset -> display index, per article, made when first needed
    # (only a figure that is not a claim needs it; ranking never does).
    positions: dict[int, dict[int, int]] = field(default_factory=dict)

    def file_span(self, start: int, end: int) -> tuple[int, int]:
        return self.source.raw_offset(self.shift + start), self.source.raw_offset(self.shift + end)

    def display_span(self, start: int, end: int) -> tuple[int | None, int, int]:
        """(article id, start, end) in an article's display text of [start, end) of `text`."""
        first, last = self.shift + start, self.shift + end - 1
        for article_id, offsets in self.displays:
            positions = self.positions.get(article_id)
            if positions is None:
                positions = {}
                for index, offset in enumerate(offsets):
                    if offset != SYNTHETIC and offset not in positions:
                        positions[offset] = index
                self.positions[article_id] = positions
            if first in positions and last in positions and positions[first] <= positions[last]:
                return article_id, positions[first], positions[last] + 1
        return None, -1, -1


def _claim_rows(db: Database, where: str, params: Sequence[Any]) -> list[dict[str, Any]]:
    return sql.rows(
        db,
        f"SELECT {_CLAIM_FIELDS}, c.article_id FROM claims c JOIN decisions d ON d.claim_id = c.id"
        f" WHERE {where} AND NOT c.orphaned AND NOT (d.status = 'rejected' AND d.reason = ?)"
        " ORDER BY c.source_start, c.source_end, c.id",
        [*params, NOT_A_CLAIM],
    )


def _fingerprint_part(found: Iterable[dict[str, Any]]) -> list[list[Any]]:
    keys = ("id", "source_start", "source_end", "text", "value", "value_low", "unit", "kind", "approx")
    return [[row[k] for k in (*keys, "subject", "time", "place")] for row in found]


def _side(db: Database, document_id: int, claim_rows: list[dict[str, Any]], article_id: int | None) -> _Side:
    """The whole document (article_id None), or the stretch of it one article's display text came from."""
    document = sql.rows(db, "SELECT source_text, dropped_cr FROM documents WHERE id = ?", [document_id])
    if not document:
        raise UnknownDocument(document_id)
    normal: str = document[0]["source_text"]
    dropped = rows.unpack_ints(document[0]["dropped_cr"])
    source = SourceText(path=Path(), text=normal, encoding="", dropped_cr=dropped)
    crs = [at + index for index, at in enumerate(dropped)]

    def text_offset(raw: int) -> int:
        return raw - bisect.bisect_left(crs, raw) if crs else raw

    if article_id is None:
        article_rows = sql.rows(
            db, "SELECT id, offsets FROM articles WHERE document_id = ? ORDER BY idx", [document_id]
        )
    else:
        article_rows = sql.rows(db, "SELECT id, offsets FROM articles WHERE id = ?", [article_id])
    displays = tuple((int(row["id"]), rows.unpack_ints(row["offsets"])) for row in article_rows)
    shift, end = 0, len(normal)
    if article_id is not None:
        real = [offset for offset in displays[0][1] if offset != SYNTHETIC] if displays else []
        shift, end = (min(real), max(real) + 1) if real else (0, 0)
    text = normal[shift:end]
    claims = []
    spans: dict[str, tuple[int, int, int]] = {}
    for row in claim_rows:
        start, stop = text_offset(row["source_start"]) - shift, text_offset(row["source_end"]) - shift
        if not 0 <= start < stop <= len(text):
            continue
        claims.append(
            Claim(
                start=start,
                end=stop,
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
        )
        spans[row["id"]] = (int(row["article_id"]), row["span_start"], row["span_end"])
    claims.sort(key=lambda c: (c.start, c.end, c.id))
    return _Side(document_id, text, tuple(claims), shift, source, displays, spans)


def article_side(db: Database, article_id: int) -> _Side:
    document_id = _article_document(db, article_id)
    return _side(db, document_id, _claim_rows(db, "c.article_id = ?", [article_id]), article_id)


def release_side(db: Database, document_id: int) -> _Side:
    return _side(db, document_id, _claim_rows(db, "c.document_id = ?", [document_id]), None)


# -- matching -----------------------------------------------------------------


def matches(db: Database, article_id: int, *, keep: bool = True) -> list[StoredReleaseMatch]:
    """An article's figures against its attached release ([] when none is attached).

    Kept matches are returned while their fingerprint holds; otherwise they
    are computed and, with `keep`, kept in a transaction of their own.
    """
    attachment = source_of(db, article_id)
    if attachment is None:
        return []
    return _matches(db, article_id, attachment, keep=keep, in_transaction=False)


def _matches(
    db: Database, article_id: int, attachment: SourceAttachment, *, keep: bool, in_transaction: bool
) -> list[StoredReleaseMatch]:
    article_rows = _claim_rows(db, "c.article_id = ?", [article_id])
    release_rows = _claim_rows(db, "c.document_id = ?", [attachment.document_id])
    versions = {
        int(row["id"]): row["detector_version"]
        for row in sql.rows(
            db,
            "SELECT doc.id, doc.detector_version FROM documents doc WHERE doc.id IN"
            " (?, (SELECT document_id FROM articles WHERE id = ?))",
            [attachment.document_id, article_id],
        )
    }
    fingerprint = hashlib.sha256(
        json.dumps(
            [
                __version__,
                MATCHER_VERSION,
                attachment.document_id,
                sorted(versions.items()),
                _fingerprint_part(article_rows),
                _fingerprint_part(release_rows),
            ],
            ensure_ascii=False,
        ).encode("utf-8")
    ).hexdigest()
    kept = sql.rows(db, "SELECT fingerprint, matches FROM release_matches WHERE article_id = ?", [article_id])
    if kept and kept[0]["fingerprint"] == fingerprint:
        return [
            _from_json(article_id, attachment.document_id, item) for item in json.loads(kept[0]["matches"])
        ]
    document_id = _article_document(db, article_id)
    article = _side(db, document_id, article_rows, article_id)
    release = _side(db, attachment.document_id, release_rows, None)
    found = match_release(article.text, article.claims, release.text, release.claims)
    stored = [_stored(article_id, position, m, article, release) for position, m in enumerate(found)]
    if keep:
        _keep(db, article_id, fingerprint, stored, in_transaction=in_transaction)
    return stored


def _keep(
    db: Database,
    article_id: int,
    fingerprint: str,
    stored: Sequence[StoredReleaseMatch],
    *,
    in_transaction: bool,
) -> None:
    """Keep computed matches; a write that cannot happen now (busy, read-only) only costs a recomputation."""
    statement = (
        "INSERT INTO release_matches (article_id, fingerprint, matches, computed_at) VALUES (?, ?, ?, ?)"
        " ON CONFLICT (article_id) DO UPDATE SET fingerprint = excluded.fingerprint,"
        " matches = excluded.matches, computed_at = excluded.computed_at"
    )
    params = [
        article_id,
        fingerprint,
        json.dumps([_to_json(m) for m in stored], ensure_ascii=False),
        rows.now(),
    ]
    if in_transaction:
        db.execute(statement, params)
        return
    # A read must not wait on another process's long write (an import) for
    # the whole busy timeout just to keep what it can compute again: it
    # tries briefly, and otherwise leaves it for the next read.
    db.execute(f"PRAGMA busy_timeout = {_KEEP_WAIT_MS}")
    try:
        with sql.transaction(db):
            db.execute(statement, params)
    except sqlite3.OperationalError:
        _log.warning("release matches of article %d not kept (database busy or read-only)", article_id)
    finally:
        db.execute(f"PRAGMA busy_timeout = {database.BUSY_TIMEOUT_MS}")


def _stored(
    article_id: int, position: int, m: ReleaseMatch, article: _Side, release: _Side
) -> StoredReleaseMatch:
    figure = m.figure
    claim_id = figure.claim.id if figure.claim is not None else ""
    if claim_id in article.spans:
        _owner, start, end = article.spans[claim_id]
    else:
        _owner_or_none, start, end = article.display_span(figure.start, figure.end)
    source_start, source_end = article.file_span(figure.start, figure.end)
    source = None
    if m.source is not None:
        release_claim = m.source.claim.id if m.source.claim is not None else ""
        if release_claim in release.spans:
            owner: int | None
            owner, r_start, r_end = release.spans[release_claim]
        else:
            owner, r_start, r_end = release.display_span(m.source.start, m.source.end)
        r_source_start, r_source_end = release.file_span(m.source.start, m.source.end)
        source = ReleaseFigure(
            text=m.source.text,
            value=str(m.source.value),
            unit=m.source.unit,
            source_start=r_source_start,
            source_end=r_source_end,
            article_id=owner,
            start=r_start,
            end=r_end,
            claim_id=release_claim,
        )
    return StoredReleaseMatch(
        article_id=article_id,
        position=position,
        release_document_id=release.document_id,
        claim_id=claim_id,
        text=figure.text,
        value=str(figure.value),
        unit=figure.unit,
        start=start,
        end=end,
        source_start=source_start,
        source_end=source_end,
        match=m.match,
        source=source,
        message=m.message,
    )


def _to_json(m: StoredReleaseMatch) -> dict[str, Any]:
    source = None
    if m.source is not None:
        source = {
            "text": m.source.text,
            "value": m.source.value,
            "unit": m.source.unit,
            "source_start": m.source.source_start,
            "source_end": m.source.source_end,
            "article_id": m.source.article_id,
            "start": m.source.start,
            "end": m.source.end,
            "claim_id": m.source.claim_id,
        }
    return {
        "position": m.position,
        "claim_id": m.claim_id,
        "text": m.text,
        "value": m.value,
        "unit": m.unit,
        "start": m.start,
        "end": m.end,
        "source_start": m.source_start,
        "source_end": m.source_end,
        "match": m.match,
        "source": source,
        "code": m.message.code,
        "args": [list(pair) for pair in m.message.args],
    }


def _from_json(article_id: int, document_id: int, item: dict[str, Any]) -> StoredReleaseMatch:
    source = item["source"]
    return StoredReleaseMatch(
        article_id=article_id,
        position=item["position"],
        release_document_id=document_id,
        claim_id=item["claim_id"],
        text=item["text"],
        value=item["value"],
        unit=item["unit"],
        start=item["start"],
        end=item["end"],
        source_start=item["source_start"],
        source_end=item["source_end"],
        match=item["match"],
        source=None if source is None else ReleaseFigure(**source),
        message=Message(item["code"], tuple((k, v) for k, v in item["args"])),
    )


# -- confirming every same figure -------------------------------------------------


def confirm_matching(db: Database, article_id: int, editor: str) -> BatchChange:
    """Confirm every pending claim matched `same`, with the release as source tag, in one transaction."""
    editor = _editor(editor)
    with sql.transaction(db):
        attachment = source_of(db, article_id)
        if attachment is None:
            raise _no_source(article_id)
        found = _matches(db, article_id, attachment, keep=True, in_transaction=True)
        befores: list[ClaimView] = []
        changes: list[DecisionChange] = []
        for claim_id in dict.fromkeys(m.claim_id for m in found if m.match == SAME and m.claim_id):
            claim = queries.claim(db, claim_id)
            if claim.status != "pending" or claim.orphaned:
                continue
            tags = list(dict.fromkeys((*claim.sources, attachment.tag)))
            change = decisions.decide_unlocked(
                db, claim_id, "confirmed", editor=editor, expected_version=claim.version, sources=tags
            )
            befores.append(claim)
            changes.append(change)
        audit_id = 0
        if changes:
            audit_id = sql.audit(
                db,
                editor,
                "",
                "confirm-matching",
                {"article_id": article_id, "claims": {c.id: c.version for c in befores}},
                {
                    "article_id": article_id,
                    "release_document_id": attachment.document_id,
                    "release": attachment.file_name,
                    "tag": attachment.tag,
                    "claims": {c.claim.id: c.claim.version for c in changes},
                },
            )
        return BatchChange(
            article_id=article_id,
            action="confirm-matching",
            release=attachment,
            before=tuple(befores),
            changes=tuple(changes),
            audit_id=audit_id,
        )


def revert_batch(db: Database, batch: BatchChange, editor: str) -> BatchChange:
    """Put every claim of a batch back as it was before it, in one transaction (undo; its result redoes).

    Each claim is saved through the decision path expecting the version the
    batch left it at: if any was changed since, StaleDecision and nothing is
    written.
    """
    editor = _editor(editor)
    with sql.transaction(db):
        befores: list[ClaimView] = []
        changes: list[DecisionChange] = []
        for before, change in zip(batch.before, batch.changes, strict=True):
            current = change.claim
            befores.append(current)
            changes.append(_restore(db, current, before, editor))
        audit_id = 0
        if changes:
            audit_id = sql.audit(
                db,
                editor,
                "",
                "revert-batch",
                {
                    "article_id": batch.article_id,
                    "action": batch.action,
                    "claims": {c.id: c.version for c in befores},
                },
                {
                    "article_id": batch.article_id,
                    "reverts_audit_id": batch.audit_id,
                    "release": batch.release.file_name if batch.release is not None else "",
                    "claims": {c.claim.id: c.claim.version for c in changes},
                },
            )
        return BatchChange(
            article_id=batch.article_id,
            action="revert-batch",
            release=batch.release,
            before=tuple(befores),
            changes=tuple(changes),
            audit_id=audit_id,
        )


def _restore(db: Database, current: ClaimView, target: ClaimView, editor: str) -> DecisionChange:
    """Save `target`'s decision on the claim, expecting `current`'s version (as the window's undo does)."""
    corrected = target.status == "corrected"
    typed = None
    if corrected and target.corrected_value is not None:
        typed = target.corrected_text or str(target.corrected_value)
    return decisions.decide_unlocked(
        db,
        current.id,
        target.status,
        editor=editor,
        expected_version=current.version,
        corrected_value=typed,
        corrected_unit=target.corrected_unit if corrected else None,
        reason=target.reason if target.status == "rejected" else None,
        sources=target.sources,
        note=target.note,
    )


# -- proposing a release ------------------------------------------------------------


def propose(db: Database, article_id: int, limit: int = 5) -> list[SourceCandidate]:
    """Imported documents the article was likely written from, best first (see the module's docstring).

    Only documents stating at least desktop.checks.release.propose.MIN_FIGURES
    worth of the article's figures are offered: a wrong proposal sends the
    editor to check against the wrong release.
    """
    own = _article_document(db, article_id)
    article = article_side(db, article_id)
    figures = figures_in(article.text, article.claims)
    ranked_figures = sorted(figures, key=lambda f: -f.significant_digits)[:_PREFILTER_FIGURES]
    if not ranked_figures:
        return []
    # One query: per current document, the weight of the article figures it
    # has a claim for (equal, rounded or truncated value), counted once each.
    ranges = ", ".join("(?, ?, ?, ?)" for _ in ranked_figures)
    params: list[Any] = []
    for number, figure in enumerate(ranked_figures):
        low, high = _value_range(figure.value, figure.step)
        params += [number, low, high, 1.0 if figure.significant_digits >= 3 else 0.5]
    found = sql.rows(
        db,
        f"WITH ranges (figure, low, high, weight) AS (VALUES {ranges})"
        " SELECT hit.document_id, sum(hit.weight) AS weight, doc.file_name,"
        " (SELECT headline FROM articles r WHERE r.document_id = hit.document_id ORDER BY r.idx LIMIT 1)"
        " AS headline FROM (SELECT DISTINCT r.figure, c.document_id, r.weight FROM ranges r"
        " JOIN claims c ON CAST(c.value AS REAL) BETWEEN r.low AND r.high"
        " WHERE c.document_id != ? AND NOT c.orphaned) hit"
        " JOIN documents doc ON doc.id = hit.document_id AND doc.complete AND doc.superseded_by IS NULL"
        " GROUP BY hit.document_id HAVING sum(hit.weight) >= ? ORDER BY weight DESC, hit.document_id LIMIT ?",
        [*params, own, MIN_FIGURES / 2, PROPOSE_SHORTLIST],
    )
    if not found:
        return []
    current = {int(row["document_id"]): row for row in found}
    shortlist = list(current)
    sides = [release_side(db, document_id) for document_id in shortlist]
    ranked = rank_documents(article.text, article.claims, [(side.text, side.claims) for side in sides])
    return [
        SourceCandidate(
            document_id=shortlist[p.index],
            file_name=current[shortlist[p.index]]["file_name"],
            headline=current[shortlist[p.index]]["headline"] or "",
            figures=p.figures,
            words=p.words,
        )
        for p in ranked
        if p.figures >= MIN_FIGURES
    ][:limit]


def _value_range(value: Decimal, step: Decimal) -> tuple[float, float]:
    """The values a release figure may have for the article to state it as `value`: equal, rounded or truncated."""
    step = abs(step) if step else Decimal(0)
    low, high = value - step, value + step
    # A little slack: the index compares REAL, which a decimal text may not hit exactly.
    slack = max(abs(low), abs(high)) * Decimal("1e-9")
    return float(low - slack), float(high + slack)


# -- export -----------------------------------------------------------------------


def with_release_columns(db: Database, found: Iterable[ExportRow], *, keep: bool) -> Iterator[ExportRow]:
    """The 核查明细 rows with 来源稿 and 比对 filled for articles that have a release (empty otherwise)."""
    article_id: int | None = None
    labels: dict[str, str] = {}
    file_name = ""
    for row in found:
        if row.claim.article_id != article_id:
            article_id = row.claim.article_id
            attachment = source_of(db, article_id)
            file_name = attachment.file_name if attachment is not None else ""
            labels = {}
            if attachment is not None:
                labels = {
                    m.claim_id: m.match
                    for m in _matches(db, article_id, attachment, keep=keep, in_transaction=False)
                    if m.claim_id
                }
        if file_name:
            yield replace(
                row,
                release_file=file_name,
                release_match=MATCH_LABELS_ZH.get(labels.get(row.claim.id, ""), ""),
            )
        else:
            yield row


def discrepancy_rows(db: Database, article_ids: Sequence[int], *, keep: bool) -> Iterator[FindingExportRow]:
    """Release discrepancies (rounded, different, absent) of current articles, as rows of the 核查提示 sheet."""
    where = "doc.complete AND doc.superseded_by IS NULL"
    if article_ids:
        where += f" AND a.id IN ({', '.join('?' for _ in article_ids)})"
    for article in sql.rows(
        db,
        "SELECT a.id, a.headline, doc.file_name FROM articles a JOIN documents doc ON doc.id = a.document_id"
        f" JOIN article_sources s ON s.article_id = a.id WHERE {where} ORDER BY a.document_id, a.idx",
        list(article_ids),
    ):
        attachment = source_of(db, int(article["id"]))
        if attachment is None:
            continue
        for m in _matches(db, int(article["id"]), attachment, keep=keep, in_transaction=False):
            if m.match == SAME:
                continue
            yield FindingExportRow(
                finding=as_finding(m, attachment),
                headline=article["headline"],
                file_name=article["file_name"],
            )


def as_finding(m: StoredReleaseMatch, attachment: SourceAttachment) -> StoredFinding:
    """A release discrepancy in the shape of a finding (check "release"), for the 核查提示 sheet.

    Never stored as a finding and never acted on as one (id -1): the claim
    itself is decided as any other.  `reading` holds the label (rounded,
    different, absent), the one operand (role "release") the release figure.
    """
    operands: tuple[FindingOperand, ...] = ()
    if m.source is not None:
        operands = (
            FindingOperand(
                role="release",
                text=m.source.text,
                start=m.source.start,
                end=m.source.end,
                source_start=m.source.source_start,
                source_end=m.source.source_end,
                claim_id=m.source.claim_id,
                value=m.source.value,
            ),
        )
    return StoredFinding(
        id=-1,
        article_id=m.article_id,
        check=RELEASE_CHECK,
        holds=False,
        start=m.start,
        end=m.end,
        source_start=m.source_start,
        source_end=m.source_end,
        text=m.text,
        message=m.message,
        operands=operands,
        computed="",
        reading=m.match,
        rule=0,
        fix="",
        claim_ids=(m.claim_id,) if m.claim_id else (),
        claim_id=m.claim_id,
        key=f"release:{attachment.document_id}:{m.match}:{m.text}",
        checker_version=MATCHER_VERSION,
        detector_version="",
    )
