"""One long sentence with thousands of claims: each claim's sentence is bounded, and stored once.

A copy of the whole sentence per claim made one 110,000-character line with
10,000 claims a 1.1 GB database and 2.2 GB of memory.  The bounds here are
enforced on a child process (RLIMIT_AS, RLIMIT_CPU: tests/hostile/harness.py),
not timed.
"""

from __future__ import annotations

import json
import sqlite3
import sys
import uuid
from pathlib import Path

import pytest
from store_inputs import long_sentence_file, one_sentence, version_2_database, whole_sentence

from desktop import pipeline
from desktop.claims.context import LONGEST_SENTENCE, contexts
from desktop.claims.detector import detect
from desktop.ingest.reader import read_file
from desktop.paths import seed_files
from desktop.store import ReviewStore, migrations

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "hostile"))
from harness import MB, Bounds, assert_within_bounds, run_factdesk  # noqa: E402

CLAUSE_MARKS = "，。"


def test_an_overlong_sentence_is_cut_to_whole_clauses_around_each_claim() -> None:
    text = one_sentence(20_000)
    claims = detect(text)
    assert len(claims) > 1900
    for claim, context in zip(claims, contexts(text, claims), strict=True):
        assert context.sentence == text[context.sentence_start : context.sentence_end]
        assert context.sentence_start <= claim.start and claim.end <= context.sentence_end
        # Cut between clauses, and as much of them as the bound holds (a clause is 10 characters).
        assert LONGEST_SENTENCE - 10 <= len(context.sentence) <= LONGEST_SENTENCE
        assert context.sentence_start == 0 or text[context.sentence_start - 1] in CLAUSE_MARKS
        assert text[context.sentence_end] in CLAUSE_MARKS
    # A sentence within the bound (the longest in our pages is 188 characters) stays whole.
    clauses = [f"第{i}季度新增床位{1000 + i}张" for i in range(1, 18)]
    ordinary = "，".join(clauses)
    assert len(ordinary) <= LONGEST_SENTENCE
    text = f"导语。{ordinary}。{one_sentence(1000)}"
    claims = [claim for claim in detect(text) if claim.end <= len(f"导语。{ordinary}")]
    assert {context.sentence for context in contexts(text, claims)} == {ordinary}


def test_one_clause_longer_than_the_bound_is_cut_to_the_bound_around_its_claim() -> None:
    text = "据统计" + "甲" * 5000 + "新增床位1200张" + "乙" * 5000 + "。"
    claims = detect(text)
    assert [claim.text for claim in claims] == ["1200张"]
    (context,) = contexts(text, claims)
    assert len(context.sentence) == LONGEST_SENTENCE
    at = context.sentence.index("1200张")
    assert abs(at - (LONGEST_SENTENCE - len("1200张") - at)) <= 1  # centred on the claim


def test_time_and_place_are_read_within_the_shown_sentence() -> None:
    # A time or a place 10,000 characters before a claim says nothing about it.
    text = "2019年底全市" + one_sentence(10_000)[:-1] + "，2023年新增床位9999张。"
    claims = detect(text)
    found = contexts(text, claims)
    assert claims[-1].text == "9999张" and found[-1].time == "2023年"
    assert (found[0].time, found[0].place) == ("2019年底", "全市")
    assert {(context.time, context.place) for context in found[100:-50]} == {("", "")}


def _sentence_bytes_stored(db_path: Path) -> int:
    conn = sqlite3.connect(db_path)
    try:
        return int(conn.execute("SELECT coalesce(sum(length(sentence)), 0) FROM claims").fetchone()[0])
    finally:
        conn.close()


def test_each_sentence_is_stored_once_as_offsets_into_its_article(db_path: Path, tmp_path: Path) -> None:
    long_file = long_sentence_file(tmp_path, 20_000)
    expected = {
        claim.id: claim.sentence
        for path in (long_file, seed_files()[0])
        for _, claim in pipeline.process_source(read_file(path)).claims()
    }
    with ReviewStore.open(db_path) as store:
        report = store.import_files([long_file, seed_files()[0]])
        assert report.claims_added == len(expected)
        assert {claim.id: claim.sentence for claim in store.claims()} == expected
        assert _sentence_bytes_stored(db_path) == 0  # no claim row holds a copy
        hits = [hit for hit in store.search("床位") if hit.claim_id]
        assert hits and all("新增床位" in hit.snippet for hit in hits)
        exported = {row.claim.id: row.claim.sentence for row in store.export_rows()}
        assert exported == expected


@pytest.mark.parametrize("chars", [110_000, 200_000])
def test_importing_one_huge_sentence_stays_within_memory_and_cpu_bounds(tmp_path: Path, chars: int) -> None:
    long_file = long_sentence_file(tmp_path, chars)
    db_path = tmp_path / "review.sqlite"
    # Measured: 170-200 MB peak RSS and 3-7 s here; before, 5 GB and 65 s for
    # 110,000 characters.  The bound leaves room for a slow machine, none for
    # a copy of the sentence per claim.
    bounds = Bounds(memory_bytes=1024 * MB, cpu_seconds=60, wall_seconds=120)
    imported = run_factdesk("import", "--db", db_path, long_file, bounds=bounds)
    assert_within_bounds(imported)
    assert imported.returncode == 0, imported.stderr
    assert f"{chars // 10 - 1} claim(s)" in imported.stdout
    assert db_path.stat().st_size < 20 * MB
    listed = run_factdesk("claims", "--db", db_path, "--format", "jsonl", bounds=bounds)
    assert_within_bounds(listed)
    sentences = [json.loads(line)["sentence"] for line in listed.stdout.splitlines()]
    assert len(sentences) == chars // 10 - 1
    assert max(len(sentence) for sentence in sentences) <= LONGEST_SENTENCE


def test_migration_3_turns_each_stored_copy_into_offsets(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    long_result = pipeline.process_source(read_file(long_sentence_file(tmp_path, 10_000)))
    seed_result = pipeline.process_source(read_file(seed_files()[0]))
    long_claims = [claim for _, claim in long_result.claims()]
    seed_claims = [claim for _, claim in seed_result.claims()]
    orphan = seed_claims[3]
    old_sentences = {claim.id: whole_sentence(long_result, claim.id) for claim in long_claims}
    old_sentences[orphan.id] = f"改写前的句子：{orphan.text}。"  # no longer in its article
    version_2_database(path, [long_result, seed_result], old_sentences)
    before = path.stat().st_size
    assert before > 10 * MB  # 1,000 copies of a 10,000-character sentence

    with ReviewStore.open(path) as store:
        assert uuid.UUID(store.database_id).version == 4
        claims = {claim.id: claim for claim in store.claims()}
        assert len(store.articles()) == len(long_result.articles) + len(seed_result.articles)
    assert {claims[c.id].sentence for c in seed_claims if c.id != orphan.id} == {
        c.sentence for c in seed_claims if c.id != orphan.id
    }
    assert claims[orphan.id].sentence == old_sentences[orphan.id]
    for claim in long_claims:
        kept = claims[claim.id].sentence
        assert claim.text in kept and kept in old_sentences[claim.id]
        assert len(kept) <= LONGEST_SENTENCE
    assert _sentence_bytes_stored(path) == len(old_sentences[orphan.id])
    assert path.stat().st_size < before / 10  # given back by VACUUM
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == migrations.latest_version()
    conn.close()
