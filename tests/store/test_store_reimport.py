"""A changed copy of a file imported again under the same name replaces the older version."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from desktop.store import ReviewStore


def test_a_changed_file_replaces_its_older_version_and_keeps_decisions(
    store: ReviewStore, seed_copy: Path, db_path: Path, tmp_path: Path
) -> None:
    articles_before = len(store.articles())
    claims_before = store.count_export_rows()
    by_text = {claim.text: claim for claim in store.claims()}
    before_edit, after_edit, changed = by_text["9项"], by_text["65.04%"], by_text["1272万件"]
    later = store.claims(store.articles()[-1].id)[0]
    store.decide(before_edit.id, "confirmed", editor="甲", sources=["卫健委"], note="核过")
    store.decide(after_edit.id, "corrected", editor="甲", corrected_value="65.4%")
    store.decide(changed.id, "rejected", editor="甲", reason="wrong-number")
    store.decide(later.id, "confirmed", editor="乙")

    text = seed_copy.read_text(encoding="utf-8")
    # One sentence rewritten (its number changes) and one lengthened, which
    # shifts every claim after it.
    edited = text.replace("1272万件", "1300万件").replace("系统持续推进党", "系统扎实持续推进党")
    assert edited != text
    folder = tmp_path / "newer"
    folder.mkdir()
    copy = folder / seed_copy.name
    copy.write_text(edited, encoding="utf-8")
    report = store.import_files([copy])
    assert report.documents_added == 1

    old_document, new_document = store.documents()
    assert len(store.articles()) == articles_before
    assert {article.document_id for article in store.articles()} == {new_document.id}
    exported = list(store.export_rows())
    assert {row.claim.document_id for row in exported} == {new_document.id}
    assert store.count_export_rows() == len(exported) == claims_before
    reviewed, total = store.progress()
    assert (reviewed, total) == (3, claims_before)
    assert store.search("健康驿站") and {
        store.article(hit.article_id).summary.document_id for hit in store.search("健康驿站")
    } == {new_document.id}

    now = {row.claim.text: row.claim for row in exported}
    assert (now["9项"].status, now["9项"].sources, now["9项"].note) == ("confirmed", ("卫健委",), "核过")
    assert (now["65.04%"].status, str(now["65.04%"].corrected_value)) == ("corrected", "65.4")
    assert now["65.04%"].corrected_text == "65.4%"  # the form the editor typed moves across too
    assert now["65.04%"].id != after_edit.id
    assert now["1300万件"].status == "pending"  # its sentence changed: the decision stays with the old text
    history = store.history(now["65.04%"].id)
    assert [entry.action for entry in history] == ["decide", "reattach"]
    assert history[1].before["claim_id"] == after_edit.id

    # Nothing was deleted: the old version and its decisions are still there.
    assert store.claim(changed.id).status == "rejected"
    assert store.claim(after_edit.id).status == "corrected"
    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT superseded_by FROM documents WHERE id = ?", [old_document.id]).fetchone() == (
        new_document.id,
    )
    conn.close()
