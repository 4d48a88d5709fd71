"""Reading the store: article lists, search, export streaming."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from desktop.paths import seed_files
from desktop.store import InvalidDecision, ReviewStore, UnknownArticle, UnknownDocument, migrations, queries


def test_article_list_filters_by_review_state(store: ReviewStore) -> None:
    articles = store.articles()
    assert [a.index for a in articles] == list(range(len(articles)))
    with_claims = next(a for a in articles if a.claims)
    for claim in store.claims(with_claims.id):
        store.decide(claim.id, "confirmed", editor="王芳")
    done = store.articles("done")
    assert with_claims.id in [a.id for a in done]
    assert with_claims.id not in [a.id for a in store.articles("pending")]
    summary = store.article(with_claims.id).summary
    assert (summary.pending, summary.confirmed, summary.reviewed_share) == (0, with_claims.claims, 1.0)
    with pytest.raises(UnknownArticle):
        store.article(10_000)
    with pytest.raises(ValueError):
        store.articles("finished")


def test_claims_come_in_reading_order_and_filter_by_status(store: ReviewStore) -> None:
    claims = store.claims()
    order = [(c.article_id, c.start) for c in claims]
    assert order == sorted(order)
    store.decide(claims[3].id, "rejected", editor="王芳", reason="not-a-claim")
    assert [c.id for c in store.claims(status="rejected")] == [claims[3].id]
    assert [c.id for c in store.claims(status="已驳回")] == [claims[3].id]
    assert (
        len(store.claims(claims[3].article_id, status="pending"))
        == len(store.claims(claims[3].article_id)) - 1
    )


def test_search_finds_chinese_substrings_in_headlines_text_and_subjects(store: ReviewStore) -> None:
    article = store.article(store.articles()[0].id)
    headline_part = article.summary.headline[2:6]
    hits = store.search(headline_part)
    assert article.summary.id in [h.article_id for h in hits if not h.claim_id]

    body_start = next(p.start for p in article.parts if p.role == "body")
    body_part = article.text[body_start + 10 : body_start + 15]
    hit = next(h for h in store.search(body_part) if h.article_id == article.summary.id)
    assert body_part in hit.snippet

    claim = next(c for c in store.claims(article.summary.id) if len(c.subject) >= 4)
    subject_hits = [h for h in store.search(claim.subject) if h.claim_id]
    assert claim.id in [h.claim_id for h in subject_hits]

    two = article.summary.headline[:2]
    assert article.summary.id in [h.article_id for h in store.search(two)]
    assert store.search(claim.subject[:2])  # two characters: the LIKE fallback
    assert store.search("  ") == []
    assert store.search('"%_') == []  # quotes and wildcards are text, not syntax
    assert len(store.search(two, limit=1)) == 1


def test_claims_are_found_by_subject_once_a_version_7_database_drops_their_own_index(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "old.sqlite"
    with monkeypatch.context() as patched:
        patched.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:7])
        with ReviewStore.open(path, seed_if_new=False) as old:
            old.import_files(seed_files()[:1])
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT count(*) FROM claims_fts").fetchone()[0] > 0
    conn.close()
    with ReviewStore.open(path) as store:
        claims = [c for c in store.claims() if len(c.subject) >= 4]
        for claim in claims[:20]:  # three characters and more: through the article index
            assert claim.id in [h.claim_id for h in store.search(claim.subject)], claim.subject
        # Only the claims whose subject holds the text, not every claim of an article that does.
        subject = claims[0].subject
        assert all(subject in store.claim(h.claim_id).subject for h in store.search(subject) if h.claim_id)
    conn = sqlite3.connect(path)
    leftovers = conn.execute(
        "SELECT name FROM sqlite_master WHERE name LIKE 'claims_fts%' OR name LIKE 'claims_a_'"
    ).fetchall()
    conn.close()
    assert leftovers == []


def test_export_streams_every_claim_in_reading_order(
    store: ReviewStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(queries, "EXPORT_BATCH", 7)  # many batches from a small database
    claims = store.claims()
    rows = list(store.export_rows())
    assert [r.claim for r in rows] == claims
    assert store.count_export_rows() == len(claims)
    first = store.articles()[0]
    assert rows[0].headline == first.headline
    assert rows[0].file_name == "article.txt"
    assert rows[0].date == first.date


def test_export_filters_by_status_and_article(store: ReviewStore) -> None:
    claims = store.claims()
    store.decide(claims[0].id, "confirmed", editor="王芳")
    store.decide(claims[-1].id, "corrected", editor="王芳", corrected_value="3")
    picked = [r.claim.id for r in store.export_rows(statuses=("confirmed", "已更正"))]
    assert picked == [claims[0].id, claims[-1].id]
    assert store.count_export_rows(statuses=("confirmed", "corrected")) == 2
    last_article = claims[-1].article_id
    only = list(store.export_rows(article_ids=[last_article]))
    assert {r.claim.article_id for r in only} == {last_article}
    assert store.count_export_rows(article_ids=[last_article]) == len(only)
    assert [r.claim.id for r in store.export_rows(statuses=["corrected"], article_ids=[last_article])] == [
        claims[-1].id
    ]


def test_export_is_a_lazy_generator(store: ReviewStore) -> None:
    rows = store.export_rows()
    assert next(rows).claim == store.claims()[0]


def test_publication_date_fills_the_date_of_undated_articles(tmp_path: Path) -> None:
    undated_seed = seed_files()[2]  # its articles carry no dateline
    with ReviewStore.open(tmp_path / "dates.sqlite") as store:
        store.import_files([undated_seed])
        document = store.documents()[0]
        assert document.publication_date == ""
        assert {a.date for a in store.articles()} == {""}
        assert store.set_publication_date(document.id, "2024-09-13").publication_date == "2024-09-13"
        assert {a.date for a in store.articles()} == {"2024-09-13"}
        assert {r.date for r in store.export_rows()} == {"2024-09-13"}
        with pytest.raises(InvalidDecision):
            store.set_publication_date(document.id, "13/09/2024")
        with pytest.raises(UnknownDocument):
            store.set_publication_date(999, "")
        assert store.documents()[0].publication_date == "2024-09-13"
