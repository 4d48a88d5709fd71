"""Source releases in the store: attach, match, confirm every `same` figure in one step, undo it.

Real SQLite files and the dev pairs of tests/data/release_pairs; the labels
are whatever the matcher says (it is tuned elsewhere), and each test holds
the store to them: the same as `factdesk match` on the files, confirmed
exactly when `same`, refreshed when what they were computed from changes.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from desktop.store import ReviewStore, StaleDecision, UnknownArticle, UnknownDocument
from desktop.store.decisions import RefusedDecision
from desktop.store.records import BatchChange
from desktop.store.releases import RELEASE_REFUSAL_CODES

PAIRS = Path(__file__).resolve().parents[1] / "data" / "release_pairs"
# One article per file, with same, rounded and absent figures (see the README there).
GRAIN = "06_cn-grain-output-2017"
UNEMPLOYMENT = "04_tw-unemployment-2017-07"


def article_file(pair: str) -> Path:
    return PAIRS / f"{pair}.article.txt"


def release_file(pair: str) -> Path:
    return PAIRS / f"{pair}.source.txt"


def audit_rows(db_path: Path, action: str) -> list[tuple[str, str, str, str]]:
    with sqlite3.connect(db_path) as conn:
        return conn.execute(
            "SELECT editor, claim_id, before, after FROM audit WHERE action = ? ORDER BY id", [action]
        ).fetchall()


@pytest.fixture
def grain(db_path: Path) -> ReviewStore:
    """A database holding the grain article, its release attached."""
    store = ReviewStore.open(db_path)
    store.import_files([article_file(GRAIN)])
    (article,) = store.articles()
    store.attach_source_file(article.id, release_file(GRAIN), "王编辑")
    return store


def only_article(store: ReviewStore, file_name: str) -> int:
    (article,) = [a for a in store.articles() if a.file_name == file_name]
    return article.id


# -- attaching ---------------------------------------------------------------


def test_attach_source_file_imports_the_release_once_and_attaches_it(db_path: Path) -> None:
    with ReviewStore.open(db_path) as store:
        store.import_files([article_file(GRAIN)])
        (article,) = store.articles()
        assert store.source_of(article.id) is None
        attachment, report = store.attach_source_file(article.id, release_file(GRAIN), "王编辑")
        assert report.documents_added == 1
        assert attachment.file_name == release_file(GRAIN).name
        assert attachment.attached_by == "王编辑"
        assert attachment.headline  # the release's first headline
        assert store.source_of(article.id) == attachment
        # The release is a document like any other: listed, and its claims reviewable.
        assert {d.id for d in store.documents()} == {article.document_id, attachment.document_id}
        assert any(c.document_id == attachment.document_id for c in store.claims())
        # A second time: not imported again, attached to the same document.
        again, report = store.attach_source_file(article.id, release_file(GRAIN), "李编辑")
        assert report.duplicates and report.documents_added == 0
        assert again.document_id == attachment.document_id
    entries = audit_rows(db_path, "attach-source")
    assert len(entries) == 1  # attaching what is attached already changes nothing
    editor, claim_id, before, after = entries[0]
    assert (editor, claim_id) == ("王编辑", "")
    assert json.loads(before)["document_id"] is None
    assert json.loads(after) == {
        "article_id": article.id,
        "document_id": attachment.document_id,
        "file_name": attachment.file_name,
    }


def test_attach_another_release_replaces_it_and_detach_takes_it_off(db_path: Path) -> None:
    with ReviewStore.open(db_path) as store:
        store.import_files([article_file(GRAIN), release_file(GRAIN), release_file(UNEMPLOYMENT)])
        article = only_article(store, article_file(GRAIN).name)
        documents = {d.file_name: d.id for d in store.documents()}
        store.attach_source(article, documents[release_file(UNEMPLOYMENT).name], "王编辑")
        wrong = Counter(m.match for m in store.release_matches(article))
        replaced = store.attach_source(article, documents[release_file(GRAIN).name], "王编辑")
        assert store.source_of(article) == replaced
        right = Counter(m.match for m in store.release_matches(article))
        # The grain release backs figures the unemployment release does not.
        assert right["same"] > wrong["same"]
        detached = store.detach_source(article, "王编辑")
        assert detached.document_id == documents[release_file(GRAIN).name]
        assert store.source_of(article) is None
        assert store.release_matches(article) == []
        with pytest.raises(RefusedDecision) as refused:
            store.detach_source(article, "王编辑")
        assert refused.value.code == "no-source"
    assert len(audit_rows(db_path, "attach-source")) == 2
    ((_, _, before, after),) = audit_rows(db_path, "detach-source")
    assert json.loads(before)["file_name"] == release_file(GRAIN).name
    assert json.loads(after)["document_id"] is None


def test_refusals_write_nothing(db_path: Path) -> None:
    with ReviewStore.open(db_path) as store:
        store.import_files([article_file(GRAIN)])
        (article,) = store.articles()
        with pytest.raises(RefusedDecision) as own:
            store.attach_source(article.id, article.document_id, "王编辑")
        assert own.value.code == "source-is-own-document"
        with pytest.raises(UnknownDocument):
            store.attach_source(article.id, 999, "王编辑")
        with pytest.raises(UnknownArticle):
            store.attach_source(999, article.document_id, "王编辑")
        with pytest.raises(UnknownArticle):
            store.source_of(999)
        with pytest.raises(RefusedDecision) as nobody:
            store.attach_source_file(article.id, release_file(GRAIN), " ")
        assert nobody.value.code == "no-editor"
        with pytest.raises(RefusedDecision) as missing:
            store.attach_source_file(article.id, PAIRS / "no-such-release.txt", "王编辑")
        assert missing.value.code == "source-unreadable"
        assert missing.value.details["file"] == "no-such-release.txt"
        with pytest.raises(RefusedDecision) as no_source:
            store.confirm_matching(article.id, "王编辑")
        assert no_source.value.code == "no-source"
        assert no_source.value.details == {"article": str(article.id)}
        assert len(store.documents()) == 1
        assert all(c.status == "pending" for c in store.claims())
    for code in ("no-source", "source-is-own-document", "source-unreadable"):
        assert code in RELEASE_REFUSAL_CODES
    assert audit_rows(db_path, "attach-source") == []


# -- matching ----------------------------------------------------------------


@pytest.mark.parametrize(
    "pair", sorted(p.name.removesuffix(".article.txt") for p in PAIRS.glob("*.article.txt"))
)
def test_stored_matches_are_what_factdesk_match_gives_for_the_files(db_path: Path, pair: str) -> None:
    with ReviewStore.open(db_path) as store:
        store.import_files([article_file(pair)])
        articles = store.articles()
        attachment, _report = store.attach_source_file(articles[0].id, release_file(pair), "王编辑")
        stored = []
        # A file the pipeline splits in several articles: each gets the release.
        for article in articles:
            store.attach_source(article.id, attachment.document_id, "王编辑")
            stored += store.release_matches(article.id)
        claims = {c.id: c for c in store.claims()}
        release = store.document_source(attachment.document_id)
    printed = subprocess.run(
        [
            sys.executable,
            "-m",
            "desktop",
            "match",
            str(article_file(pair)),
            "--source",
            str(release_file(pair)),
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    ).stdout
    records = [json.loads(line) for line in printed.splitlines()]
    assert [
        (m.text, m.source_start, m.source_end, m.match, m.message.code, m.claim_id or None) for m in stored
    ] == [(r["text"], r["source_start"], r["source_end"], r["match"], r["code"], r["claim"]) for r in records]
    for m, record in zip(stored, records, strict=True):
        if record["source"] is None:
            assert m.source is None
            continue
        assert m.source is not None
        assert (m.source.text, m.source.source_start, m.source.source_end) == (
            record["source"]["text"],
            record["source"]["source_start"],
            record["source"]["source_end"],
        )
        # The release figure's span in the decoded file holds its text.
        assert release.place(m.source.source_start, m.source.source_end).text == m.source.text
    for m in stored:
        if m.claim_id:  # a claim's display span is the claim's own
            assert (m.start, m.end) == (claims[m.claim_id].start, claims[m.claim_id].end)


def test_release_figures_carry_their_display_span(grain: ReviewStore) -> None:
    with grain:
        article = only_article(grain, article_file(GRAIN).name)
        found = [m for m in grain.release_matches(article) if m.source is not None]
        assert found
        for m in found:
            assert m.source is not None and m.source.article_id is not None
            text = grain.article(m.source.article_id).text
            assert text[m.source.start : m.source.end] == m.source.text
        for m in grain.release_matches(article):
            assert grain.article(article).text[m.start : m.end] == m.text


def test_kept_matches_are_read_back_until_a_redetection_refreshes_them(
    grain: ReviewStore, db_path: Path
) -> None:
    with grain:
        article = only_article(grain, article_file(GRAIN).name)
        # Matches computed while an older detector's claims were stored.
        with sqlite3.connect(db_path) as conn:
            conn.execute(
                "UPDATE documents SET detector_version = 'older' WHERE file_name = ?",
                [article_file(GRAIN).name],
            )
        computed = grain.release_matches(article)
        assert any(m.match == "same" for m in computed)
        # Spoil what is kept: a read that returns the spoiled labels read it back.
        with sqlite3.connect(db_path) as conn:
            conn.execute("UPDATE release_matches SET matches = replace(matches, '\"same\"', '\"absent\"')")
        spoiled = grain.release_matches(article)
        assert not any(m.match == "same" for m in spoiled)
        assert [m.text for m in spoiled] == [m.text for m in computed]
        # Re-detection by the current detector: what was kept is stale, computed again.
        assert grain.documents_outdated() == 1
        grain.redetect()
        assert grain.release_matches(article) == computed


def test_a_claim_rejected_as_not_a_figure_leaves_the_matches(grain: ReviewStore) -> None:
    with grain:
        article = only_article(grain, article_file(GRAIN).name)
        first = next(m for m in grain.release_matches(article) if m.claim_id)
        grain.decide(first.claim_id, "rejected", editor="王编辑", reason="not-a-claim")
        assert first.claim_id not in {m.claim_id for m in grain.release_matches(article)}
        grain.decide(first.claim_id, "pending", editor="王编辑")
        assert first.claim_id in {m.claim_id for m in grain.release_matches(article)}


def test_a_read_only_database_computes_matches_without_keeping_them(
    grain: ReviewStore, db_path: Path
) -> None:
    article = only_article(grain, article_file(GRAIN).name)
    grain.close()
    with ReviewStore.open(db_path, read_only=True) as reader:
        assert reader.release_matches(article)
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT count(*) FROM release_matches").fetchone() == (0,)


def test_a_read_while_another_process_writes_computes_without_waiting_to_keep(
    grain: ReviewStore, db_path: Path
) -> None:
    with grain:
        article = only_article(grain, article_file(GRAIN).name)
        expected = grain.release_matches(article)
        with sqlite3.connect(db_path) as conn:
            conn.execute("DELETE FROM release_matches")
        other = sqlite3.connect(db_path, isolation_level=None)
        try:
            other.execute("BEGIN IMMEDIATE")  # another process's long write (an import, say)
            started = time.monotonic()
            assert grain.release_matches(article) == expected
            assert time.monotonic() - started < 2  # not the 5 s busy timeout
            other.execute("ROLLBACK")
        finally:
            other.close()
        # Kept at the next read, and the store waits as long as ever for its own writes.
        grain.release_matches(article)
        with sqlite3.connect(db_path) as conn:
            assert conn.execute("SELECT count(*) FROM release_matches").fetchone() == (1,)
            assert grain._db.execute("PRAGMA busy_timeout").fetchone()[0] == 5000


# -- 确认所有一致的数字 ----------------------------------------------------------


def test_confirm_matching_confirms_every_pending_same_claim_and_nothing_else(
    grain: ReviewStore, db_path: Path
) -> None:
    with grain:
        article = only_article(grain, article_file(GRAIN).name)
        found = grain.release_matches(article)
        same = [m.claim_id for m in found if m.match == "same" and m.claim_id]
        others = [m.claim_id for m in found if m.match != "same" and m.claim_id]
        assert len(same) >= 3 and others
        # One `same` claim already decided by an editor stays as it is.
        decided = grain.decide(same[0], "rejected", editor="李编辑", reason="wrong-number").claim
        # A pending one with a tag of its own keeps it beside the release's.
        grain.decide(same[1], "pending", editor="李编辑", sources=["统计局网站"])
        batch = grain.confirm_matching(article, "王编辑")
        tag = release_file(GRAIN).name
        assert batch.release is not None and batch.release.tag == tag
        assert [c.id for c in batch.before] == same[1:]
        assert all(c.status == "pending" for c in batch.before)
        assert [c.claim.id for c in batch.changes] == same[1:]
        for claim_id in same[1:]:
            claim = grain.claim(claim_id)
            assert claim.status == "confirmed"
            assert claim.editor == "王编辑"
            assert claim.sources[-1] == tag
        assert grain.claim(same[1]).sources == ("统计局网站", tag)
        assert grain.claim(same[0]) == decided
        for claim_id in others:
            assert grain.claim(claim_id).status == "pending"
        # Nothing left to confirm: a second run changes nothing and writes no batch entry.
        again = grain.confirm_matching(article, "王编辑")
        assert again.changes == () and again.audit_id == 0
    decides = [row for row in audit_rows(db_path, "decide") if row[0] == "王编辑"]
    assert sorted(row[1] for row in decides) == sorted(same[1:])
    ((editor, claim_id, before, after),) = audit_rows(db_path, "confirm-matching")
    assert (editor, claim_id) == ("王编辑", "")
    assert json.loads(after)["release"] == tag
    assert set(json.loads(after)["claims"]) == set(same[1:])
    assert set(json.loads(before)["claims"]) == set(same[1:])


def test_confirm_matching_is_undone_and_redone_as_one_step(grain: ReviewStore, db_path: Path) -> None:
    with grain:
        article = only_article(grain, article_file(GRAIN).name)
        before_all = {c.id: c for c in grain.claims(article)}
        batch = grain.confirm_matching(article, "王编辑")
        assert batch.changes
        undone = grain.revert_batch(batch, "王编辑")
        assert undone.action == "revert-batch"
        for claim_id, old in before_all.items():
            now = grain.claim(claim_id)
            assert (now.status, now.sources, now.note) == (old.status, old.sources, old.note)
        redone = grain.revert_batch(undone, "王编辑")
        assert {c.claim.id for c in redone.changes} == {c.claim.id for c in batch.changes}
        assert all(grain.claim(c.claim.id).status == "confirmed" for c in batch.changes)
        assert [e.action for e in grain.source_history(article)] == [
            "attach-source",
            "confirm-matching",
            "revert-batch",
            "revert-batch",
        ]
    assert len(audit_rows(db_path, "revert-batch")) == 2


def test_undo_is_refused_whole_when_a_claim_changed_since(grain: ReviewStore) -> None:
    with grain:
        article = only_article(grain, article_file(GRAIN).name)
        batch = grain.confirm_matching(article, "王编辑")
        changed = batch.changes[-1].claim
        grain.decide(changed.id, "corrected", editor="李编辑", corrected_value="1")
        with pytest.raises(StaleDecision):
            grain.revert_batch(batch, "王编辑")
        # Nothing was undone: the other claims are still confirmed.
        assert all(grain.claim(c.claim.id).status == "confirmed" for c in batch.changes[:-1])
        assert grain.claim(changed.id).status == "corrected"


def test_the_batch_holds_what_the_window_needs_to_undo_each_decision_itself(grain: ReviewStore) -> None:
    """The window's undo: each claim's old decision saved through decide(), expecting the batch's version."""
    with grain:
        article = only_article(grain, article_file(GRAIN).name)
        batch: BatchChange = grain.confirm_matching(article, "王编辑")
        for before, change in zip(batch.before, batch.changes, strict=True):
            grain.decide(
                before.id,
                before.status,
                editor="王编辑",
                expected_version=change.claim.version,
                sources=before.sources,
                note=before.note,
            )
        assert all(grain.claim(c.id).status == "pending" for c in batch.before)


# -- proposing ---------------------------------------------------------------


def test_propose_source_offers_the_release_the_article_was_written_from(db_path: Path) -> None:
    with ReviewStore.open(db_path) as store:
        store.import_files(
            sorted(PAIRS.glob("*.source.txt")) + [article_file(GRAIN), article_file(UNEMPLOYMENT)]
        )
        for pair in (GRAIN, UNEMPLOYMENT):
            proposed = store.propose_source(only_article(store, article_file(pair).name))
            assert proposed, pair
            assert proposed[0].file_name == release_file(pair).name
            assert proposed[0].figures >= 2
            assert [p.score for p in proposed] == sorted((p.score for p in proposed), reverse=True)
            # The article's own file is never proposed.
            assert article_file(pair).name not in {p.file_name for p in proposed}


def test_no_proposal_when_no_document_states_the_article_s_figures(db_path: Path) -> None:
    with ReviewStore.open(db_path) as store:
        store.import_files([article_file(GRAIN), release_file("03_tencent-results-2025q3")])
        assert store.propose_source(only_article(store, article_file(GRAIN).name)) == []


# -- two processes -------------------------------------------------------------

CONFIRMER = """
import sys
from pathlib import Path
from desktop.store import ReviewStore

with ReviewStore.open(Path(sys.argv[1])) as store:
    print("ready", flush=True)
    sys.stdin.readline()
    batch = store.confirm_matching(int(sys.argv[2]), "甲")
    print(" ".join(c.claim.id for c in batch.changes), flush=True)
"""

DECIDER = """
import sys
from pathlib import Path
from desktop.store import ReviewStore

with ReviewStore.open(Path(sys.argv[1])) as store:
    print("ready", flush=True)
    sys.stdin.readline()
    for claim_id in sys.argv[2:]:
        store.decide(claim_id, "rejected", editor="乙", reason="wrong-number")
    print("done", flush=True)
"""


def _start(script: str, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", script, *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )


def test_confirm_all_in_one_process_while_another_decides_loses_nothing(
    grain: ReviewStore, db_path: Path
) -> None:
    article = only_article(grain, article_file(GRAIN).name)
    found = grain.release_matches(article)
    grain.close()
    same = [m.claim_id for m in found if m.match == "same" and m.claim_id]
    others = [m.claim_id for m in found if m.match != "same" and m.claim_id]
    # The other editor decides every other claim, and two `same` ones the batch wants too.
    contested = same[:2]
    theirs = [*others[:3], *contested, *others[3:]]
    confirmer = _start(CONFIRMER, str(db_path), str(article))
    decider = _start(DECIDER, str(db_path), *theirs)
    try:
        for process in (confirmer, decider):
            assert process.stdout is not None and process.stdout.readline().strip() == "ready"
        for process in (confirmer, decider):
            assert process.stdin is not None
            process.stdin.write("go\n")
            process.stdin.flush()
        confirmed_out, _ = confirmer.communicate(timeout=120)
        decided_out, _ = decider.communicate(timeout=120)
    finally:
        for process in (confirmer, decider):
            if process.poll() is None:
                process.kill()
                process.wait()
    assert confirmer.returncode == 0 and decider.returncode == 0
    assert decided_out.strip() == "done"
    confirmed = set(confirmed_out.split())
    with ReviewStore.open(db_path) as store:
        # Every decision of the other editor stands: the batch overwrote none.
        for claim_id in theirs:
            claim = store.claim(claim_id)
            assert (claim.status, claim.editor) == ("rejected", "乙"), claim_id
            assert claim.version == (2 if claim_id in confirmed else 1)
        # Every `same` claim nobody else touched is confirmed by the batch.
        for claim_id in same[2:]:
            assert store.claim(claim_id).status == "confirmed"
            assert claim_id in confirmed
        assert confirmed <= set(same)
    decides = audit_rows(db_path, "decide")
    assert Counter(row[0] for row in decides) == {"乙": len(theirs), "甲": len(confirmed)}
    assert len(audit_rows(db_path, "confirm-matching")) == 1


def test_a_changed_article_file_imported_again_keeps_its_release(db_path: Path, tmp_path: Path) -> None:
    copy = tmp_path / "in" / article_file(GRAIN).name
    copy.parent.mkdir()
    copy.write_text(article_file(GRAIN).read_text(encoding="utf-8"), encoding="utf-8")
    with ReviewStore.open(db_path) as store:
        store.import_files([copy])
        (old,) = store.articles()
        attachment, _report = store.attach_source_file(old.id, release_file(GRAIN), "王编辑")
        copy.write_text(copy.read_text(encoding="utf-8") + "\n（完）\n", encoding="utf-8")
        assert store.import_files([copy]).documents_added == 1
        (new,) = [a for a in store.articles() if a.file_name == copy.name]
        assert new.id != old.id
        carried = store.source_of(new.id)
        assert carried is not None
        assert (carried.document_id, carried.attached_by) == (attachment.document_id, "王编辑")
        assert any(m.match == "same" for m in store.release_matches(new.id))
    carried_entry = audit_rows(db_path, "attach-source")[-1]
    assert json.loads(carried_entry[3])["carried_from"] == old.id
