"""The database schema, as an ordered list of migrations.

`PRAGMA user_version` holds how many of MIGRATIONS have run.  Migration N
takes a database at version N-1 to version N; each runs inside the
transaction the caller opened (so a failed migration leaves the file as it
was) and must never be edited once released: add a new one instead.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable

from sqlite_utils import Database


def _v1_create_everything(db: Database) -> None:
    db.create_table(
        "documents",
        {
            "id": int,
            "file_name": str,
            "path": str,
            "content_hash": str,
            "encoding": str,
            "imported_at": str,
            "publication_date": str,
            "version": int,
            # The decoded text is kept so claims can be re-detected and shown
            # without the original file, which may have moved or changed.
            "source_text": str,
            # Where CRLF was shortened to LF: needed to map offsets back to the file.
            "dropped_cr": bytes,
            "detector_version": str,
        },
        pk="id",
        not_null=["file_name", "path", "content_hash", "encoding", "imported_at", "version", "source_text"],
        defaults={"publication_date": "", "detector_version": ""},
    )
    db.table("documents").create_index(["content_hash"], unique=True)
    db.table("documents").create_index(["file_name", "version"])

    db.create_table(
        "articles",
        {
            "id": int,
            "document_id": int,
            "idx": int,
            "headline": str,
            "deck": str,
            "byline": str,
            "date": str,
            "text": str,
            # array('i') little-endian: one source offset per display character,
            # about 4 bytes a character instead of ~7 as JSON.
            "offsets": bytes,
            "parts": str,  # JSON [[role, start, end], ...]
        },
        pk="id",
        foreign_keys=[("document_id", "documents", "id")],
        not_null=["document_id", "idx", "text"],
        defaults={"headline": "", "deck": "", "byline": "", "date": "", "parts": "[]"},
    )
    db.table("articles").create_index(["document_id", "idx"], unique=True)

    db.create_table(
        "claims",
        {
            # An integer rowid alias: the FTS index is keyed by rowid, and an
            # implicit rowid may be renumbered by VACUUM.
            "pk": int,
            "id": str,
            "article_id": int,
            "document_id": int,
            "span_start": int,
            "span_end": int,
            "source_start": int,
            "source_end": int,
            "text": str,
            "value": str,  # Decimal as text: no float rounding
            "value_low": str,
            "unit": str,
            "kind": str,
            "approx": str,
            "subject": str,
            "time": str,
            "place": str,
            "sentence": str,
            "detector_version": str,
            "orphaned": int,
            "manual": int,
        },
        pk="pk",
        foreign_keys=[("article_id", "articles", "id"), ("document_id", "documents", "id")],
        not_null=["id", "article_id", "document_id", "span_start", "span_end", "text", "value"],
        defaults={
            "unit": "",
            "kind": "",
            "approx": "",
            "subject": "",
            "time": "",
            "place": "",
            "sentence": "",
            "detector_version": "",
            "orphaned": 0,
            "manual": 0,
        },
    )
    db.table("claims").create_index(["id"], unique=True)
    # The claim list of one article, in reading order: the hottest query.
    db.table("claims").create_index(["article_id", "span_start"])
    db.table("claims").create_index(["document_id"])

    db.create_table(
        "decisions",
        {
            "claim_id": str,
            # Copied from the claim (a decision only ever moves within its
            # article) so the article list's per-status counts come from one
            # index instead of 300,000 claim lookups.
            "article_id": int,
            "status": str,
            "reason": str,
            "corrected_value": str,
            "corrected_unit": str,
            "note": str,
            "editor": str,
            "decided_at": str,
            "seconds_spent": float,
            "version": int,
        },
        pk="claim_id",
        foreign_keys=[("claim_id", "claims", "id"), ("article_id", "articles", "id")],
        not_null=["article_id", "status", "version"],
        defaults={
            "status": "pending",
            "reason": "",
            "corrected_unit": "",
            "note": "",
            "editor": "",
            "decided_at": "",
            "version": 0,
        },
    )
    db.table("decisions").create_index(["status"])
    db.table("decisions").create_index(["article_id", "status"])

    db.create_table(
        "sources",
        {"id": int, "tag": str, "url": str, "description": str, "last_used": int},
        pk="id",
        not_null=["tag"],
        defaults={"url": "", "description": "", "last_used": 0},
    )
    db.table("sources").create_index(["tag"], unique=True)

    db.create_table(
        "claim_sources",
        {"claim_id": str, "source_id": int, "position": int},
        pk=("claim_id", "source_id"),
        foreign_keys=[("claim_id", "claims", "id"), ("source_id", "sources", "id")],
        not_null=["position"],
    )
    db.table("claim_sources").create_index(["source_id"])

    db.create_table(
        "audit",
        {
            "id": int,
            "at": str,
            "editor": str,
            "claim_id": str,
            "action": str,
            "before": str,  # JSON
            "after": str,  # JSON
        },
        pk="id",
        not_null=["at", "action"],
        defaults={"editor": "", "claim_id": "", "before": "{}", "after": "{}"},
    )
    db.table("audit").create_index(["claim_id"])
    # The audit log is the permanent history: refuse to rewrite it even from
    # a sqlite3 shell or a buggy future migration.
    db.execute(
        "CREATE TRIGGER audit_append_only_update BEFORE UPDATE ON audit "
        "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END"
    )
    db.execute(
        "CREATE TRIGGER audit_append_only_delete BEFORE DELETE ON audit "
        "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END"
    )

    # Trigram tokens make any Chinese substring of 3+ characters searchable
    # without a word segmenter; shorter queries fall back to LIKE.
    db.table("articles").enable_fts(["headline", "text"], tokenize="trigram", create_triggers=True)
    db.table("claims").enable_fts(["subject"], tokenize="trigram", create_triggers=True)


def _v2_superseded_documents(db: Database) -> None:
    # A changed file imported again under the same name replaces the older
    # version in every list; the older one is kept (with its history) and
    # points at the document that replaced it.
    db.execute("ALTER TABLE documents ADD COLUMN superseded_by INTEGER NULL REFERENCES documents(id)")


# Version 3 caps a stored sentence at this many characters, as the detector's
# context now does (desktop.claims.context.LONGEST_SENTENCE, where the bound is
# explained); a copy here so this migration never changes once released.
_V3_LONGEST_SENTENCE = 400


def _v3_sentences_once_identity_staged_imports(db: Database) -> None:
    # Sentences are offsets into the article's text instead of a copy per
    # claim: one long sentence with 10,000 claims was stored 10,000 times.
    # The `sentence` column now holds text only for a claim whose sentence is
    # no longer in its article (orphaned by re-detection of a changed page).
    db.execute("ALTER TABLE claims ADD COLUMN sentence_start INTEGER NOT NULL DEFAULT 0")
    db.execute("ALTER TABLE claims ADD COLUMN sentence_end INTEGER NOT NULL DEFAULT 0")
    for (article_id,) in db.execute("SELECT id FROM articles ORDER BY id").fetchall():
        _v3_sentence_offsets(db, int(article_id))
    # A big document is written in several transactions; until the last one
    # marks it complete, every list leaves it out, so a killed import shows
    # nothing of it (and importing the file again finishes it).
    db.execute("ALTER TABLE documents ADD COLUMN complete INTEGER NOT NULL DEFAULT 1")
    # Who this database is: written into every exported workbook, so decisions
    # edited in a workbook from another database are never applied here.
    db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    db.execute("INSERT INTO meta (key, value) VALUES ('database_id', ?)", [str(uuid.uuid4())])


def _v3_sentence_offsets(db: Database, article_id: int) -> None:
    text: str = db.execute("SELECT text FROM articles WHERE id = ?", [article_id]).fetchone()[0]
    updates: list[tuple[int, int, str, int]] = []
    # One row at a time: an old database may hold a 100,000-character sentence per claim.
    for pk, start, end, sentence in db.execute(
        "SELECT pk, span_start, span_end, sentence FROM claims WHERE article_id = ?", [article_id]
    ):
        sentence = sentence or ""
        # The sentence holds the span, so it starts between span_end - len and span_start.
        at = text.find(sentence, max(0, end - len(sentence)), start + len(sentence)) if sentence else -1
        if at >= 0 and at <= start and end <= at + len(sentence):
            left, right = _v3_window(at, at + len(sentence), start, end)
            updates.append((left, right, "", pk))
        else:
            inside = sentence.find(text[start:end])
            if inside < 0:
                inside = 0
            left, right = _v3_window(0, len(sentence), inside, inside + end - start)
            updates.append((0, 0, sentence[left:right], pk))
    db.conn.executemany(
        "UPDATE claims SET sentence_start = ?, sentence_end = ?, sentence = ? WHERE pk = ?", updates
    )


def _v3_window(first: int, last: int, start: int, end: int) -> tuple[int, int]:
    """[first, last), or the _V3_LONGEST_SENTENCE characters of it centred on [start, end)."""
    if last - first <= _V3_LONGEST_SENTENCE:
        return first, last
    left = max(first, start - max(0, _V3_LONGEST_SENTENCE - (end - start)) // 2)
    right = min(last, max(end, left + _V3_LONGEST_SENTENCE))
    return max(first, min(left, right - _V3_LONGEST_SENTENCE, start)), right


def _v4_typed_corrections(db: Database) -> None:
    # A correction as the editor typed it ("1.3万") beside the number it was
    # read as (13000): the number alone loses the form the copy will print.
    # Corrections saved before this version keep "" (their typed form was
    # never stored, and a guess from the number would be one).
    db.execute("ALTER TABLE decisions ADD COLUMN corrected_text TEXT NOT NULL DEFAULT ''")


def _v5_check_findings(db: Database) -> None:
    # What the checks (desktop.checks) found in each article, recomputed from
    # the stored text and claims whenever they change (desktop.store.findings),
    # and what editors did about them.  The two are apart on purpose: a
    # re-run replaces an article's findings, never an editor's action, which
    # is matched back to a finding by its key and the claim's text.
    db.execute(
        "CREATE TABLE findings ("
        " id INTEGER PRIMARY KEY,"
        " article_id INTEGER NOT NULL REFERENCES articles(id),"
        " position INTEGER NOT NULL,"  # reading order within the article
        " kind TEXT NOT NULL,"  # sum, change, share, average, usage
        " holds INTEGER NULL,"  # 1, 0, or NULL when a figure is never given
        " span_start INTEGER NOT NULL, span_end INTEGER NOT NULL,"  # in the article's display text
        " source_start INTEGER NOT NULL, source_end INTEGER NOT NULL,"  # in the decoded file; -1 when nowhere
        " text TEXT NOT NULL DEFAULT '',"  # the span as written
        " message_code TEXT NOT NULL, message_args TEXT NOT NULL DEFAULT '[]',"  # JSON [[name, value], ...]
        " operands TEXT NOT NULL DEFAULT '[]',"  # JSON, with claim ids and both kinds of span
        " computed TEXT NOT NULL DEFAULT '', reading TEXT NOT NULL DEFAULT '',"
        " rule INTEGER NOT NULL DEFAULT 0, fix TEXT NOT NULL DEFAULT '',"
        " claim_ids TEXT NOT NULL DEFAULT '[]',"  # JSON: every claim involved
        " claim_id TEXT NOT NULL DEFAULT '',"  # the claim it is shown on ('' when none)
        " claim_text TEXT NOT NULL DEFAULT '',"  # that claim's text (else the span's)
        " finding_key TEXT NOT NULL,"
        " checker_version TEXT NOT NULL, detector_version TEXT NOT NULL DEFAULT '')"
    )
    db.execute("CREATE INDEX findings_article ON findings (article_id, position)")
    # Which checker last looked at an article: an article with no finding is
    # checked too, and one an older checker read is checked again.
    db.execute(
        "CREATE TABLE article_checks (article_id INTEGER PRIMARY KEY,"
        " checker_version TEXT NOT NULL, checked_at TEXT NOT NULL)"
    )
    db.execute(
        "CREATE TABLE finding_actions ("
        " id INTEGER PRIMARY KEY,"
        " article_id INTEGER NOT NULL REFERENCES articles(id),"
        " finding_key TEXT NOT NULL,"
        " claim_id TEXT NOT NULL DEFAULT '',"
        " claim_text TEXT NOT NULL DEFAULT '',"
        " action TEXT NOT NULL,"  # accepted, dismissed
        " reviewer TEXT NOT NULL, at TEXT NOT NULL, note TEXT NOT NULL DEFAULT '',"
        # Undone (the row stays, as the audit log does): who and when.
        " withdrawn_by TEXT NOT NULL DEFAULT '', withdrawn_at TEXT NOT NULL DEFAULT '')"
    )
    db.execute("CREATE INDEX finding_actions_key ON finding_actions (article_id, finding_key)")


def _v6_source_releases(db: Database) -> None:
    # The release an article was written from (desktop.store.releases): at
    # most one per article, a document imported like any other.  Who attached
    # it and when is here and in the audit log.
    db.execute(
        "CREATE TABLE article_sources ("
        " article_id INTEGER PRIMARY KEY,"
        " document_id INTEGER NOT NULL REFERENCES documents(id),"
        " attached_by TEXT NOT NULL, attached_at TEXT NOT NULL)"
    )
    db.execute("CREATE INDEX article_sources_document ON article_sources (document_id)")
    # An article's matches against its release, kept because a long article
    # takes longer to match than a key press may wait; `fingerprint` names
    # everything they were computed from, so a change to any of it (claims,
    # detector, matcher, the release) makes them stale.
    db.execute(
        "CREATE TABLE release_matches ("
        " article_id INTEGER PRIMARY KEY,"
        " fingerprint TEXT NOT NULL, matches TEXT NOT NULL, computed_at TEXT NOT NULL)"
    )
    # Claims by numeric value: proposing a release looks up, among thousands
    # of documents, those stating the article's figures (a value range each,
    # for roundings) before the matcher ranks a few of them.
    # Covering (document, orphaned): a common value (5%) has thousands of claims.
    db.execute("CREATE INDEX claims_numeric_value ON claims (CAST(value AS REAL), document_id, orphaned)")


def _v7_memory(db: Database) -> None:
    # The memory of figures (desktop.store.memory): every keyed claim's metric
    # key (what it measures, where, when), the buckets a later figure is
    # looked up by, and the links the repeats rules found between articles.
    # Which articles are keyed, and by which checker, so a refresh reads only
    # what is new.
    db.execute(
        "CREATE TABLE memory_articles (article_id INTEGER PRIMARY KEY,"
        " version TEXT NOT NULL, keyed_at TEXT NOT NULL)"
    )
    db.execute(
        "CREATE TABLE metric_keys (claim_id TEXT PRIMARY KEY,"
        " article_id INTEGER NOT NULL, family TEXT NOT NULL, value TEXT NOT NULL,"
        " subject TEXT NOT NULL, place TEXT NOT NULL, period TEXT NOT NULL, qualifiers TEXT NOT NULL)"
    )
    db.execute("CREATE INDEX metric_keys_article ON metric_keys (article_id)")
    # One row per bucket a figure is found by (its value, its value to two
    # digits, its subject or naming words, the amount a rate describes);
    # (bucket, article_id) so the latest articles of a bucket come off the index.
    db.execute(
        "CREATE TABLE metric_buckets (bucket TEXT NOT NULL, article_id INTEGER NOT NULL, claim_id TEXT NOT NULL)"
    )
    db.execute("CREATE INDEX metric_buckets_lookup ON metric_buckets (bucket, article_id)")
    db.execute("CREATE INDEX metric_buckets_article ON metric_buckets (article_id)")
    # A repeat or conflict between a claim and a claim of another article, as
    # the repeats rules found it; `finding` is the check's finding (JSON),
    # shown on `claim_id` in `article_id`.
    db.execute(
        "CREATE TABLE memory_links (id INTEGER PRIMARY KEY, article_id INTEGER NOT NULL,"
        " claim_id TEXT NOT NULL, other_article_id INTEGER NOT NULL,"
        " other_claim_id TEXT NOT NULL, reading TEXT NOT NULL, finding TEXT NOT NULL)"
    )
    db.execute("CREATE INDEX memory_links_article ON memory_links (article_id)")
    db.execute("CREATE INDEX memory_links_other ON memory_links (other_article_id)")
    db.execute("CREATE INDEX memory_links_claim ON memory_links (claim_id)")
    db.execute("CREATE INDEX memory_links_other_claim ON memory_links (other_claim_id)")


def _v8_claims_searched_through_their_articles(db: Database) -> None:
    # A claim's subject is a slice of its article's headline or text (the
    # detector reads it there), so the article index already finds every
    # claim a subject search can: the claims' own trigram index cost a fifth
    # of every import's writing for nothing.  Search now narrows the claims
    # to the articles that index finds (queries.search).
    for trigger in ("claims_ai", "claims_ad", "claims_au"):
        db.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    db.execute("DROP TABLE IF EXISTS claims_fts")


Migration = Callable[[Database], None]

# Index i holds the migration to version i + 1.
MIGRATIONS: list[Migration] = [
    _v1_create_everything,
    _v2_superseded_documents,
    _v3_sentences_once_identity_staged_imports,
    _v4_typed_corrections,
    _v5_check_findings,
    _v6_source_releases,
    _v7_memory,
    _v8_claims_searched_through_their_articles,
]


def latest_version() -> int:
    # A function, not a constant, so a test can append a migration.
    return len(MIGRATIONS)
