"""The memory of figures: what every stored claim measures, and where else the same metric is stated.

Each claim of a current article gets its metric key (desktop.checks.repeats:
subject, qualifiers, place, period, unit family, Traditional folded), kept in
`metric_keys`, and the buckets the repeats check finds figures worth
comparing by (its value, its value to two digits, its subject or naming
words, the amount a rate describes), kept in `metric_buckets`.  A new
article is compared with the few keyed articles sharing most of its
buckets, the latest first, by `find_repeats` itself: a link is never looser
than a repeat the check would report between the two files.  What it
finds across articles is kept in `memory_links` (the finding as the check
words it, shown on the claim of `article_id`), and becomes a finding of
check "repeat" of that article (desktop.store.findings reads it): a repeat
is shown on the later statement, a conflict on both (a link each).  So a
step of keying reads again the findings of the articles it keys and of
those whose own links changed, not of every article a new one repeats.

A verified figure is a linked claim confirmed or corrected: nothing is
copied, its decision, sources and editor are read when the memory is
looked up, so an undo or a later correction shows at once.

Keying is incremental: `memory_articles` says which articles are keyed, by
which version of this code, the checker and the detector; `refresh` keys the
others in steps of at most about half a second each (computed outside the
write lock, written in one short transaction), so another process deciding
meanwhile waits no longer than that and loses nothing.
"""

from __future__ import annotations

import json
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlite_utils import Database

from desktop.checks import CHECKER_VERSION
from desktop.checks.messages import render
from desktop.checks.model import Finding, Message, Operand

# The repeats check's own keys and buckets, so the memory looks figures up
# exactly where the check would compare them.
from desktop.checks.repeats import buckets as repeat_buckets
from desktop.checks.repeats import find_repeats, find_repeats_in_article
from desktop.checks.repeats import metric_keys as repeat_keys
from desktop.checks.repeats.messages import ARTICLE
from desktop.claims.model import Claim
from desktop.store import decisions, queries, rows, sql
from desktop.store.decisions import RefusedDecision
from desktop.store.records import BatchChange, ClaimView, DecisionChange, MemoryHit

# Raised when what the memory keeps changes meaning: every article is keyed again.
# 2: the repeats check's key changed, and an article's own repeats are stored by the
# refresh since: an article keyed by version 1 has links the check no longer makes, and lacks those.
MEMORY_VERSION = "2"
# How many keyed articles a new article is compared with: those sharing most
# buckets with it.  The repeats check itself looks at the latest groups of a
# bucket only; a figure restates what is near it.  Links chain: an article
# stating a figure for the tenth time links to the latest statements, which
# link to the earlier ones (confirm_linked follows them).  On twelve copies
# of 36 pages, 4 candidates find the links 8 do, at about half the cost.
CANDIDATES = 4
# How many of the latest articles of one bucket are counted.
_PER_BUCKET = 32
# A refresh step: keyed and written in about this long, at most.
_STEP_SECONDS = 0.5
_FIRST_STEP = 8
# An article looked up before it was keyed: when this few are waiting, all
# of them are keyed at once (a session's few files link each other
# completely, in about half a second); more wait for refresh() and its
# progress, run after the import, and the article alone is keyed now.
LAZY_ALL = 32
# Hits shown per claim: the verified ones first; a figure an archive states
# a hundred times needs the few that tell, not all of them.
MAX_HITS = 5

MEMORY_REFUSAL_CODES = (
    "no-linked",  # claim: no pending claim states this figure again with the same value
    "no-source-tags",  # claim: the claim has no source tag to give the linked ones
)

# The reject reason that takes a claim out of what the checks read (desktop.store.findings).
_NOT_A_CLAIM = "not-a-claim"
_VERIFIED = ("confirmed", "corrected")
_RELATION = {"same": "equal", "rounded": "rounded", "conflict": "conflict"}

Progress = Callable[[int, int, str], None]


# -- keying ------------------------------------------------------------------


@dataclass
class _Article:
    id: int
    name: str  # the file name: articles of one file share it (the check weighs other files more)
    text: str
    claims: list[Claim]
    version: str


def _version(detector_version: str) -> str:
    return f"{MEMORY_VERSION}:{CHECKER_VERSION}:{detector_version}"


def outdated(db: Database) -> list[int]:
    """Articles of current documents not keyed by this version (of the memory, the checker, their detector)."""
    if not has_memory(db):
        return []  # an older database opened read-only: nothing can be keyed
    return [
        int(row["id"])
        for row in sql.rows(
            db,
            "SELECT a.id FROM articles a JOIN documents doc ON doc.id = a.document_id"
            " LEFT JOIN memory_articles m ON m.article_id = a.id"
            " WHERE doc.complete AND doc.superseded_by IS NULL"
            " AND (m.article_id IS NULL OR m.version != ? || doc.detector_version) ORDER BY a.id",
            [_version("")],
        )
    ]


def is_current(db: Database, article_id: int) -> bool:
    return bool(
        sql.rows(
            db,
            "SELECT 1 FROM memory_articles m JOIN articles a ON a.id = m.article_id"
            " JOIN documents doc ON doc.id = a.document_id"
            " WHERE m.article_id = ? AND m.version = ? || doc.detector_version",
            [article_id, _version("")],
        )
    )


def forget(db: Database, article_id: int) -> None:
    """Mark an article to be keyed again (its claims changed: a claim marked by hand)."""
    if has_memory(db):
        with sql.transaction(db):
            forget_unlocked(db, article_id)


def forget_unlocked(db: Database, article_id: int) -> None:
    """forget() inside a transaction the caller holds (a decision that takes a claim out of the checks or back)."""
    if has_memory(db):
        db.execute("DELETE FROM memory_articles WHERE article_id = ?", [article_id])


def refresh(
    db: Database,
    *,
    progress: Progress | None = None,
    article_ids: Sequence[int] | None = None,
    should_cancel: Callable[[], bool] | None = None,
) -> int:
    """Key every outdated article (or these of them) and link it; how many were keyed.

    Steps of about half a second, each written in its own transaction;
    cancelling stops between steps and keeps what is written.
    """
    todo = outdated(db)
    if article_ids is not None:
        wanted = set(article_ids)
        todo = [a for a in todo if a in wanted]
    done = 0
    size = _FIRST_STEP
    while done < len(todo):
        if should_cancel is not None and should_cancel():
            break
        if progress is not None:
            progress(done, len(todo), "")
        batch = todo[done : done + size]
        began = time.perf_counter()
        _key_batch(db, batch)
        spent = time.perf_counter() - began
        done += len(batch)
        # Steps as long as the budget allows: fewer, larger find_repeats calls share their candidates.
        if spent > _STEP_SECONDS and size > 1:
            size = max(1, size // 2)
        elif spent < _STEP_SECONDS / 3:
            size = min(size * 2, 64)
    if progress is not None:
        progress(done, len(todo), "")
    return done


def _key_batch(db: Database, batch: Sequence[int]) -> None:
    """Key and link a few articles: computed without the write lock, written in one transaction."""
    articles = _load(db, batch)
    if not articles:
        return
    keys = repeat_keys([(a.name, a.text, a.claims) for a in articles])
    key_rows: list[list[Any]] = []
    bucket_rows: list[list[Any]] = []
    buckets_of: dict[int, set[str]] = defaultdict(set)
    for key in keys:
        article = articles[key.located.document]
        key_rows.append(
            [
                key.claim.id,
                article.id,
                key.family,
                _plain(key.value),
                key.subject,
                key.place,
                key.period,
                "|".join(sorted(key.qualifiers)),
            ]
        )
        for bucket in repeat_buckets(key):
            name = _bucket_name(bucket)
            if name not in buckets_of[article.id]:
                buckets_of[article.id].add(name)
                bucket_rows.append([name, article.id, key.claim.id])
    own = {a.id for a in articles}
    latest = _latest_of_buckets(db, set().union(*buckets_of.values()), own)
    candidates: set[int] = set()
    for article in articles:
        candidates.update(_candidates(buckets_of[article.id], latest))
    compared = sorted([*articles, *_load(db, sorted(candidates))], key=lambda a: a.id)
    links = _links(compared, own)
    # Each article's own repeats (a headline restating its body), stored with its links.
    own_repeats = {a.id: find_repeats_in_article(a.text, a.claims) for a in articles}
    with sql.transaction(db):
        current = {int(r["id"]): r["version"] for r in _versions(db, [a.id for a in articles])}
        now_read = _claims_read(db, [a.id for a in articles])
        # Another process may have re-detected an article, added a claim or taken one out of the
        # checks meanwhile: then what was computed is stale, and it waits for the next refresh.
        kept = [
            a
            for a in articles
            if current.get(a.id) == a.version and now_read.get(a.id, set()) == {c.id for c in a.claims}
        ]
        kept_ids = [a.id for a in kept]
        if not kept_ids:
            return
        marks = ", ".join("?" for _ in kept_ids)
        before = _link_set(db, kept_ids)
        db.execute(f"DELETE FROM metric_keys WHERE article_id IN ({marks})", kept_ids)
        db.execute(f"DELETE FROM metric_buckets WHERE article_id IN ({marks})", kept_ids)
        db.execute(
            f"DELETE FROM memory_links WHERE article_id IN ({marks}) OR other_article_id IN ({marks})",
            [*kept_ids, *kept_ids],
        )
        keep = set(kept_ids)
        db.conn.executemany(
            "INSERT OR REPLACE INTO metric_keys (claim_id, article_id, family, value, subject, place, period,"
            " qualifiers) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [r for r in key_rows if r[1] in keep],
        )
        db.conn.executemany(
            "INSERT INTO metric_buckets (bucket, article_id, claim_id) VALUES (?, ?, ?)",
            [r for r in bucket_rows if r[1] in keep],
        )
        new_links = [link for link in links if link[0] in keep or link[2] in keep]
        db.conn.executemany(
            "INSERT INTO memory_links (article_id, claim_id, other_article_id, other_claim_id, reading, finding)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            new_links,
        )
        now = rows.now()
        db.conn.executemany(
            "INSERT INTO memory_articles (article_id, version, keyed_at) VALUES (?, ?, ?)"
            " ON CONFLICT (article_id) DO UPDATE SET version = excluded.version, keyed_at = excluded.keyed_at",
            [[a.id, a.version, now] for a in kept],
        )
        after = _link_set(db, kept_ids)
        # The repeat findings of every article keyed now (its own repeats and
        # its links) and of every article whose links changed are replaced.  A link is
        # a finding of its `article_id` only (findings_of): a repeat is shown on the later
        # statement, so an older article linked by a repeat keeps its findings as they are;
        # one linked by a conflict (kept on both) is read again.
        changed = {article for article, *_ in before ^ after}
        # A file imported again replaces its older version: the links to the older
        # version's articles are no longer shown (findings_of), on whatever article holds them.
        changed.update(_linking_replaced(db, kept_ids))
        from desktop.store import findings  # findings reads the links this module writes

        findings.refresh_across_many(
            db, _current_articles(db, sorted(changed | keep)), {a: own_repeats[a] for a in keep}
        )


def _bucket_name(bucket: tuple[str, str, object]) -> str:
    kind, family, value = bucket
    if isinstance(value, Decimal):
        shown = _plain(value)
    elif isinstance(value, frozenset):
        shown = "|".join(sorted(str(v) for v in value))
    elif isinstance(value, tuple):
        shown = "|".join(_plain(v) if isinstance(v, Decimal) else str(v) for v in value)
    else:
        shown = str(value)
    return f"{kind}\x1f{family}\x1f{shown}"


def _latest_of_buckets(db: Database, buckets: set[str], own: set[int]) -> dict[str, list[int]]:
    """The latest keyed articles of each bucket (at most _PER_BUCKET), but `own`.

    Each bucket is read once for a step, however many of its articles share it.
    """
    cursor = db.conn.cursor()
    latest: dict[str, list[int]] = {}
    for bucket in sorted(buckets):
        found = cursor.execute(
            "SELECT DISTINCT article_id FROM metric_buckets WHERE bucket = ? ORDER BY article_id DESC LIMIT ?",
            [bucket, _PER_BUCKET + len(own)],
        ).fetchall()
        latest[bucket] = [int(row[0]) for row in found if row[0] not in own]
    return latest


def _candidates(buckets: set[str], latest: dict[str, list[int]]) -> list[int]:
    """The keyed articles sharing most buckets with an article, the latest first among equals."""
    shared: Counter[int] = Counter()
    for bucket in buckets:
        shared.update(latest[bucket])
    ranked = sorted(shared.items(), key=lambda pair: (-pair[1], -pair[0]))
    return [article_id for article_id, _ in ranked[:CANDIDATES]]


def _load(db: Database, article_ids: Sequence[int]) -> list[_Article]:
    """Articles of current documents with the claims the checks read (desktop.store.findings.compute)."""
    if not article_ids:
        return []
    found: list[_Article] = []
    for first in range(0, len(article_ids), 500):
        chunk = list(article_ids[first : first + 500])
        marks = ", ".join("?" for _ in chunk)
        claims: dict[int, list[Claim]] = defaultdict(list)
        # The claims of every candidate of a step are read here (thousands of rows): by the
        # cursor, as tuples, without sqlite_utils' dict for each row.
        for row in db.conn.execute(
            "SELECT c.id, c.article_id, c.span_start, c.span_end, c.source_start, c.source_end, c.text, c.value,"
            " c.value_low, c.unit, c.kind, c.approx, c.subject, c.time, c.place FROM claims c"
            f" JOIN decisions d ON d.claim_id = c.id WHERE c.article_id IN ({marks}) AND NOT c.orphaned"
            " AND NOT (d.status = 'rejected' AND d.reason = ?) ORDER BY c.article_id, c.span_start, c.span_end, c.id",
            [*chunk, _NOT_A_CLAIM],
        ).fetchall():
            claims[int(row[1])].append(_claim(row))
        for row in sql.rows(
            db,
            "SELECT a.id, a.text, doc.file_name, doc.detector_version FROM articles a"
            f" JOIN documents doc ON doc.id = a.document_id WHERE a.id IN ({marks})"
            " AND doc.complete AND doc.superseded_by IS NULL",
            chunk,
        ):
            text: str = row["text"]
            found.append(
                _Article(
                    id=int(row["id"]),
                    name=row["file_name"],
                    text=text,
                    claims=[c for c in claims[int(row["id"])] if 0 <= c.start < c.end <= len(text)],
                    version=_version(row["detector_version"] or ""),
                )
            )
    return sorted(found, key=lambda a: a.id)


def _claim(row: tuple[Any, ...]) -> Claim:
    """A claim from a row of _load's claims query (its columns in that order)."""
    (claim_id, _, start, end, source_start, source_end, text, value, value_low, unit, kind, approx) = row[:12]
    subject, time_, place = row[12:15]
    return Claim(
        start=start,
        end=end,
        text=text,
        value=Decimal(value),
        unit=unit,
        kind=kind,
        approx=approx,
        value_low=rows.optional_decimal(value_low),
        subject=subject,
        time=time_,
        place=place,
        source_start=source_start,
        source_end=source_end,
        id=claim_id,
    )


def _versions(db: Database, article_ids: Sequence[int]) -> list[dict[str, Any]]:
    marks = ", ".join("?" for _ in article_ids)
    return [
        {"id": row["id"], "version": _version(row["detector_version"] or "")}
        for row in sql.rows(
            db,
            "SELECT a.id, doc.detector_version FROM articles a JOIN documents doc ON doc.id = a.document_id"
            f" WHERE a.id IN ({marks}) AND doc.complete AND doc.superseded_by IS NULL",
            list(article_ids),
        )
    ]


def _claims_read(db: Database, article_ids: Sequence[int]) -> dict[int, set[str]]:
    """The claims the checks read in each article now (as _load reads them)."""
    found: dict[int, set[str]] = defaultdict(set)
    marks = ", ".join("?" for _ in article_ids)
    for row in db.execute(
        "SELECT c.article_id, c.id FROM claims c JOIN decisions d ON d.claim_id = c.id"
        f" JOIN articles a ON a.id = c.article_id WHERE c.article_id IN ({marks}) AND NOT c.orphaned"
        " AND NOT (d.status = 'rejected' AND d.reason = ?)"
        " AND c.span_start >= 0 AND c.span_start < c.span_end AND c.span_end <= length(a.text)",
        [*article_ids, _NOT_A_CLAIM],
    ).fetchall():
        found[int(row[0])].add(row[1])
    return found


def _current_articles(db: Database, article_ids: Sequence[int]) -> list[int]:
    """Those of these articles (in their order) that are of current documents."""
    current: set[int] = set()
    for first in range(0, len(article_ids), 500):
        chunk = list(article_ids[first : first + 500])
        current.update(
            int(row[0])
            for row in db.execute(
                "SELECT a.id FROM articles a JOIN documents doc ON doc.id = a.document_id"
                f" WHERE a.id IN ({', '.join('?' for _ in chunk)}) AND doc.complete AND doc.superseded_by IS NULL",
                chunk,
            ).fetchall()
        )
    return [article_id for article_id in article_ids if article_id in current]


def _linking_replaced(db: Database, article_ids: Sequence[int]) -> set[int]:
    """The articles with links to articles of the files these articles' documents replaced."""
    marks = ", ".join("?" for _ in article_ids)
    return {
        int(row[0])
        for row in db.execute(
            # A file's older versions share its name (found by its index, not by reading every document).
            "SELECT DISTINCT l.article_id FROM articles new JOIN documents doc ON doc.id = new.document_id"
            " JOIN documents old ON old.file_name = doc.file_name AND old.superseded_by = doc.id"
            " JOIN articles a ON a.document_id = old.id JOIN memory_links l ON l.other_article_id = a.id"
            f" WHERE new.id IN ({marks})",
            list(article_ids),
        ).fetchall()
    }


def _link_set(db: Database, article_ids: Sequence[int]) -> set[tuple[int, str, int, str]]:
    marks = ", ".join("?" for _ in article_ids)
    return {
        (int(r["article_id"]), r["claim_id"], int(r["other_article_id"]), r["other_claim_id"] + r["reading"])
        for r in sql.rows(
            db,
            "SELECT article_id, claim_id, other_article_id, other_claim_id, reading FROM memory_links"
            f" WHERE article_id IN ({marks}) OR other_article_id IN ({marks})",
            [*article_ids, *article_ids],
        )
    }


def _links(compared: list[_Article], own: set[int]) -> list[list[Any]]:
    """The repeats and conflicts across articles that involve one of `own`: rows of memory_links."""
    found = find_repeats(
        [(a.name, a.text, a.claims) for a in compared],
        worded={index for index, a in enumerate(compared) if a.id in own},
    )
    article_of = {claim.id: article.id for article in compared for claim in article.claims}
    links: list[list[Any]] = []
    for article, article_findings in zip(compared, found, strict=True):
        for finding in article_findings:
            home = _home_claim(finding)
            for operand in finding.operands:
                other = article_of.get(operand.claim_id)
                if not operand.document or other is None or other == article.id:
                    continue
                if article.id not in own and other not in own:
                    continue  # two older articles: linked when the later of them was keyed
                links.append([article.id, home, other, operand.claim_id, finding.reading, _to_json(finding)])
    return links


def _home_claim(finding: Finding) -> str:
    for operand in finding.operands:
        if not operand.document and (operand.start, operand.end) == (finding.start, finding.end):
            return operand.claim_id
    return next((o.claim_id for o in finding.operands if not o.document), "")


def _to_json(finding: Finding) -> str:
    return json.dumps(
        {
            "check": finding.check,
            "holds": finding.holds,
            "start": finding.start,
            "end": finding.end,
            "code": finding.message.code,
            "args": [list(pair) for pair in finding.message.args],
            "operands": [
                [o.role, o.text, o.start, o.end, o.claim_id, o.value, o.document] for o in finding.operands
            ],
            "computed": finding.computed,
            "reading": finding.reading,
            "claim_ids": list(finding.claim_ids),
        },
        ensure_ascii=False,
    )


def _from_json(text: str) -> Finding:
    data = json.loads(text)
    return Finding(
        check=data["check"],
        holds=data["holds"],
        start=data["start"],
        end=data["end"],
        message=Message(data["code"], tuple((k, v) for k, v in data["args"])),
        operands=tuple(
            Operand(role=r, text=t, start=s, end=e, claim_id=c, value=v, document=d)
            for r, t, s, e, c, v, d in data["operands"]
        ),
        computed=data["computed"],
        reading=data["reading"],
        claim_ids=tuple(data["claim_ids"]),
    )


# -- what the checks show --------------------------------------------------


def has_memory(db: Database) -> bool:
    """Whether the database has the memory's tables (one older, opened read-only, has not)."""
    return bool(
        db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'memory_links'").fetchone()
    )


def findings_of(db: Database, article_id: int, claim_ids: set[str]) -> list[Finding]:
    """The repeat findings across articles shown in this article, on these (current) claims.

    A link whose other claim is gone, orphaned, rejected as 非数字声明 or
    of a replaced file is not shown.  One finding per claim, message and figures: the same figure
    in several other articles is one reminder on the claim, the earliest.
    """
    return findings_of_many(db, {article_id: claim_ids}).get(article_id, [])


def findings_of_many(db: Database, claims_of: dict[int, set[str]]) -> dict[int, list[Finding]]:
    """findings_of for several articles (article id -> its current claims), read in one statement."""
    if not has_memory(db) or not claims_of:
        return {}
    found: dict[int, list[Finding]] = defaultdict(list)
    seen: dict[int, set[tuple[str, int, int]]] = defaultdict(set)
    article_ids = sorted(claims_of)
    for first in range(0, len(article_ids), 500):
        chunk = article_ids[first : first + 500]
        for article_id, claim_id, stored in db.execute(
            "SELECT l.article_id, l.claim_id, l.finding FROM memory_links l JOIN claims c ON c.id = l.other_claim_id"
            " JOIN decisions d ON d.claim_id = c.id JOIN documents doc ON doc.id = c.document_id"
            f" WHERE l.article_id IN ({', '.join('?' for _ in chunk)}) AND NOT c.orphaned"
            " AND NOT (d.status = 'rejected' AND d.reason = ?)"
            # Not a file replaced by a changed version: its new version is linked instead.
            " AND doc.complete AND doc.superseded_by IS NULL ORDER BY l.article_id, l.other_article_id, l.id",
            [*chunk, _NOT_A_CLAIM],
        ).fetchall():
            if claim_id not in claims_of[article_id]:
                continue
            finding = _from_json(stored)
            place = (finding.key, finding.start, finding.end)
            if place in seen[article_id]:
                continue
            seen[article_id].add(place)
            found[article_id].append(finding)
    return found


# -- looking up ------------------------------------------------------------------


def memory_for(db: Database, article_id: int, limit: int = MAX_HITS) -> dict[str, list[MemoryHit]]:
    """Claim id -> the statements of its metric in other articles (see module), at most `limit` each:
    the verified ones first, then conflicts, then the latest.

    A database older than the memory (opened read-only, never migrated) has none.
    One query ranks every link of the article in SQLite (a window per
    claim), so only the hits shown come back to Python.
    """
    if not has_memory(db):
        return {}
    found = sql.rows(
        db,
        # A conflict is kept on both of its claims: one hit per pair of claims.
        "WITH l AS (SELECT MIN(id) AS id, own, other, reading FROM ("
        "   SELECT id, claim_id AS own, other_claim_id AS other, reading FROM memory_links WHERE article_id = :article"
        "   UNION ALL SELECT id, other_claim_id, claim_id, reading FROM memory_links WHERE other_article_id = :article)"
        "   GROUP BY own, other),"
        # Ranked on the few columns that rank; the rest is read for the hits kept only.
        " ranked AS (SELECT l.id AS link, l.own, l.reading, c.id, ROW_NUMBER() OVER (PARTITION BY l.own ORDER BY"
        "     d.status IN ('confirmed', 'corrected') DESC, l.reading = 'conflict' DESC,"
        "     doc.publication_date DESC, c.article_id DESC) AS rank"
        "   FROM l JOIN claims c ON c.id = l.other JOIN decisions d ON d.claim_id = c.id"
        "   JOIN documents doc ON doc.id = c.document_id"
        "   WHERE c.article_id != :article AND NOT c.orphaned AND NOT (d.status = 'rejected' AND d.reason = :excluded)"
        "   AND doc.complete AND doc.superseded_by IS NULL)"
        " SELECT r.link, r.own, r.reading, c.id, c.article_id, c.text, c.value, c.unit, d.status,"
        " d.corrected_value, d.corrected_unit, d.editor, d.decided_at, a.headline, a.date, doc.file_name,"
        " doc.publication_date, m.finding, k.period, k.place FROM ranked r JOIN memory_links m ON m.id = r.link"
        " JOIN claims c ON c.id = r.id JOIN decisions d ON d.claim_id = c.id JOIN articles a ON a.id = c.article_id"
        " JOIN documents doc ON doc.id = a.document_id LEFT JOIN metric_keys k ON k.claim_id = r.id"
        " WHERE r.rank <= :limit ORDER BY r.own, r.rank",
        {"article": article_id, "excluded": _NOT_A_CLAIM, "limit": limit},
    )
    if not found:
        return {}
    own_claims = {
        row["id"]: row
        for row in sql.rows(
            db,
            "SELECT c.id, c.text, c.value, c.unit, c.orphaned, d.status, d.reason FROM claims c"
            " JOIN decisions d ON d.claim_id = c.id WHERE c.article_id = ?",
            [article_id],
        )
        if not row["orphaned"] and not (row["status"] == "rejected" and row["reason"] == _NOT_A_CLAIM)
    }
    tags = _tags(db, sorted({row["id"] for row in found if row["status"] in _VERIFIED}))
    hits: dict[str, list[MemoryHit]] = defaultdict(list)
    for row in found:
        own = own_claims.get(row["own"])
        if own is not None:
            hits[row["own"]].append(_hit(own, row, row, tags.get(row["id"], ())))
    # Relation judged with a corrected value may turn a hit into a conflict: conflicts before agreements.
    return {
        claim_id: sorted(found_hits, key=lambda h: (not h.verified, h.relation != "conflict"))
        for claim_id, found_hits in hits.items()
    }


def _relation(own: dict[str, Any], other: dict[str, Any], reading: str) -> str:
    """equal, rounded or conflict; against a corrected figure, judged with the corrected value."""
    if other["status"] == "corrected" and other["corrected_value"] not in (None, ""):
        return "equal" if Decimal(other["corrected_value"]) == Decimal(own["value"]) else "conflict"
    return _RELATION.get(reading, "conflict")


def _tags(db: Database, claim_ids: Sequence[str]) -> dict[str, tuple[str, ...]]:
    tags: dict[str, list[str]] = defaultdict(list)
    for first in range(0, len(claim_ids), 500):
        chunk = list(claim_ids[first : first + 500])
        for row in sql.rows(
            db,
            "SELECT cs.claim_id, s.tag FROM claim_sources cs JOIN sources s ON s.id = cs.source_id"
            f" WHERE cs.claim_id IN ({', '.join('?' for _ in chunk)}) ORDER BY cs.claim_id, cs.position",
            chunk,
        ):
            tags[row["claim_id"]].append(row["tag"])
    return {claim_id: tuple(found) for claim_id, found in tags.items()}


def _hit(
    own: dict[str, Any], other: dict[str, Any], link: dict[str, Any], tags: tuple[str, ...]
) -> MemoryHit:
    stored = json.loads(link["finding"])  # the words only: no need for the whole finding
    verified = other["status"] in _VERIFIED
    corrected = other["status"] == "corrected" and other["corrected_value"] not in (None, "")
    other_value = Decimal(other["corrected_value"]) if corrected else Decimal(other["value"])
    args = {name: value for name, value in stored["args"]}
    args.update(
        stated=own["text"],
        other=other["text"],
        document=other["file_name"],
        article=other["headline"] or "",
    )
    code: str = stored["code"]
    if code.endswith("." + ARTICLE):
        code = code[: -len(ARTICLE)] + "other"
    return MemoryHit(
        claim_id=own["id"],
        claim_text=own["text"],
        value=_plain(Decimal(own["value"])),
        unit=own["unit"],
        other_claim_id=other["id"],
        other_article_id=int(other["article_id"]),
        other_headline=other["headline"] or "",
        other_date=other["publication_date"] or other["date"] or "",
        other_file=other["file_name"],
        other_text=other["text"],
        other_value=_plain(other_value),
        other_unit=(other["corrected_unit"] or other["unit"]) if corrected else other["unit"],
        other_status=other["status"],
        verified=verified,
        relation=_relation(own, other, link["reading"]),
        sources=tags if verified else (),
        editor=other["editor"] if verified else "",
        decided_at=other["decided_at"] if verified else "",
        period=other["period"] or "",
        place=other["place"] or "",
        message=Message(code, tuple(sorted(args.items()))),
    )


def _plain(value: Decimal) -> str:
    """A value as a plain decimal (129000, never 1.29E+5)."""
    return format(value.normalize(), "f")


def hit_message(hit: MemoryHit, language: str = "zh") -> str:
    """A hit worded for the editor: the repeat's own message."""
    return render(hit.message, language)


# -- confirming the linked ones ---------------------------------------------------


def linked_equal(db: Database, claim_id: str) -> list[str]:
    """Every claim stating this one's figure again with the same value: linked as equal repeats,
    within its article or across articles, followed from link to link."""
    if not has_memory(db):
        return []
    seen = {claim_id}
    todo = [claim_id]
    while todo:
        current = todo.pop()
        neighbours = [
            row["other"]
            for row in sql.rows(
                db,
                "SELECT other_claim_id AS other FROM memory_links WHERE claim_id = ? AND reading = 'same'"
                " UNION SELECT claim_id FROM memory_links WHERE other_claim_id = ? AND reading = 'same'",
                [current, current],
            )
        ]
        for row in sql.rows(
            db,
            "SELECT f.claim_ids FROM findings f JOIN claims c ON c.article_id = f.article_id"
            " WHERE c.id = ? AND f.kind = 'repeat' AND f.reading = 'same' AND f.claim_ids LIKE ?",
            [current, f'%"{current}"%'],
        ):
            neighbours.extend(json.loads(row["claim_ids"]))
        for other in neighbours:
            if other not in seen:
                seen.add(other)
                todo.append(other)
    seen.discard(claim_id)
    return sorted(seen)


def confirmable(db: Database, claim: ClaimView) -> list[ClaimView]:
    """The claims confirm_linked would confirm for this one: pending, not orphaned, linked as equal
    repeats, of the value it was verified with (or states)."""
    value = claim.corrected_value if claim.status == "corrected" and claim.corrected_value else claim.value
    found = []
    for other_id in linked_equal(db, claim.id):
        other = queries.claim(db, other_id)
        if other.status == "pending" and not other.orphaned and other.value == value:
            found.append(other)
    return found


def confirm_linked(db: Database, claim_id: str, editor: str) -> BatchChange:
    """Confirm every pending claim linked to this one as an equal repeat, with this claim's source tags.

    One transaction: each decision audited as decide() writes it, plus one
    "confirm-linked" entry; undone with releases.revert_batch.  Only claims
    of the same value (as written) as this one's verified value are touched.
    """
    if not editor.strip():
        raise RefusedDecision("confirming needs the editor's name", "no-editor")
    editor = editor.strip()
    with sql.transaction(db):
        claim = queries.claim(db, claim_id)
        if not claim.sources:
            raise RefusedDecision(
                "this claim has no source tag to give the linked ones", "no-source-tags", claim=claim_id
            )
        befores: list[ClaimView] = []
        changes: list[DecisionChange] = []
        for other in confirmable(db, claim):
            tags = list(dict.fromkeys((*other.sources, *claim.sources)))
            change = decisions.decide_unlocked(
                db, other.id, "confirmed", editor=editor, expected_version=other.version, sources=tags
            )
            befores.append(other)
            changes.append(change)
        if not changes:
            raise RefusedDecision(
                "no pending claim states this figure again with the same value", "no-linked", claim=claim_id
            )
        audit_id = sql.audit(
            db,
            editor,
            claim_id,
            "confirm-linked",
            {"claim_id": claim_id, "claims": {c.id: c.version for c in befores}},
            {
                "claim_id": claim_id,
                "tags": list(claim.sources),
                "claims": {c.claim.id: c.claim.version for c in changes},
            },
        )
        return BatchChange(
            article_id=claim.article_id,
            action="confirm-linked",
            release=None,
            before=tuple(befores),
            changes=tuple(changes),
            audit_id=audit_id,
        )
