"""Importing files: idempotent, versioned by file name, bad files refused one by one."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from desktop.ingest.reader import read_file
from desktop.pipeline import process_file
from desktop.store import ReviewStore


def test_the_same_content_is_never_imported_twice(store: ReviewStore, seed_copy: Path) -> None:
    before = store.progress()
    again = store.import_files([seed_copy])
    assert again.documents_added == 0
    assert again.duplicates == (seed_copy,)
    assert store.progress() == before
    assert len(store.documents()) == 1
    # The same text under another name is the same content too.
    renamed = seed_copy.with_name("renamed.txt")
    renamed.write_bytes(seed_copy.read_bytes())
    assert store.import_files([renamed]).duplicates == (renamed,)


def test_a_changed_file_with_the_same_name_becomes_version_two(store: ReviewStore, seed_copy: Path) -> None:
    seed_copy.write_text(
        seed_copy.read_text(encoding="utf-8") + "\n另据统计，全市新增就业岗位1200个。\n", "utf-8"
    )
    report = store.import_files([seed_copy])
    assert report.documents_added == 1
    documents = store.documents()
    assert [(d.file_name, d.version) for d in documents] == [("article.txt", 1), ("article.txt", 2)]
    assert documents[0].content_hash != documents[1].content_hash


def test_every_imported_claim_starts_pending_at_version_zero(store: ReviewStore) -> None:
    claims = store.claims()
    assert claims
    assert {(c.status, c.version, c.editor) for c in claims} == {("pending", 0, "")}
    assert store.progress() == (0, len(claims))


def test_a_bad_file_is_refused_and_the_others_still_imported(db_path: Path, seed_copy: Path) -> None:
    folder = seed_copy.parent
    binary = folder / "photo.txt"
    binary.write_bytes(bytes(range(256)) * 8)
    empty = folder / "empty.txt"
    empty.write_bytes(b"")
    missing = folder / "missing.txt"
    calls: list[tuple[int, int, str]] = []
    with ReviewStore.open(db_path) as store:
        report = store.import_files(
            [binary, seed_copy, empty, missing],
            progress=lambda done, total, name: calls.append((done, total, name)),
        )
        assert report.documents_added == 1
        assert [refusal.path for refusal in report.refused] == [binary, empty, missing]
        assert [refusal.kind for refusal in report.refused] == ["binary", "empty", "missing"]
        assert all(refusal.reason for refusal in report.refused)
        assert len(store.documents()) == 1
    assert calls[0] == (0, 4, "photo.txt")
    assert calls[-1] == (4, 4, "")


def test_cancel_stops_before_the_next_file(db_path: Path, seed_copy: Path) -> None:
    second = seed_copy.with_name("second.txt")
    second.write_text(seed_copy.read_text(encoding="utf-8") + "\n又及：共计30人参加。\n", "utf-8")
    asked = iter([False, True])
    with ReviewStore.open(db_path) as store:
        report = store.import_files([seed_copy, second], should_cancel=lambda: next(asked))
        assert report.cancelled
        assert report.documents_added == 1
        assert len(store.documents()) == 1


def test_import_source_keeps_what_redetection_needs(store: ReviewStore, seed_copy: Path) -> None:
    source = read_file(seed_copy)
    assert store.import_source(source).duplicates == (seed_copy,)
    claim = store.claims()[0]
    detail = store.article(claim.article_id)
    assert detail.text[claim.start : claim.end] == claim.text
    decoded = source.text
    assert "".join(decoded[claim.source_start : claim.source_end].split()) == claim.text
    assert detail.parts and detail.parts[0].role == "headline"


def test_import_result_is_the_bulk_path_without_detection(db_path: Path, seed_copy: Path) -> None:
    result = process_file(seed_copy)
    with ReviewStore.open(db_path) as store:
        report = store.import_result(result)
        assert (report.documents_added, report.claims_added) == (
            1,
            sum(len(a.claims) for a in result.articles),
        )
        assert store.import_result(result).duplicates == (seed_copy,)
        assert store.import_files([seed_copy]).duplicates == (seed_copy,)


def test_the_audit_log_cannot_be_rewritten(store: ReviewStore) -> None:
    store.decide(store.claims()[0].id, "confirmed", editor="王芳")
    for statement in ("UPDATE audit SET editor = 'x'", "DELETE FROM audit"):
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            store._db.execute(statement)
    assert [e.editor for e in store.history(store.claims()[0].id)] == ["王芳"]
