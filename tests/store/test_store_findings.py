"""The checks' findings in the store: kept per article, re-run, dismissed, accepted, undone."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from desktop.checks import check_article
from desktop.checks.messages import render
from desktop.pipeline import process_file
from desktop.store import ReviewStore, UnknownFinding
from desktop.store.decisions import RefusedDecision
from desktop.store.records import StoredFinding

# A failing sum (8325 ≠ 7530 + 759), a change that holds, and a usage breach (增加了4倍 for 2 → 8).
TEXT = (
    "全市新能源汽车保有量从2万辆增加到8万辆，增加了4倍。\n\n"
    "冠脉导引导管均价由集采前的890元，降至434元，降幅达51%。\n\n"
    "今年以来新增志愿者8325人，其中应急救护志愿者7530人、其他登记的志愿者759人。\n"
)


@pytest.fixture
def page(tmp_path: Path) -> Path:
    path = tmp_path / "page.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


@pytest.fixture
def checked(db_path: Path, page: Path) -> ReviewStore:
    store = ReviewStore.open(db_path)
    assert store.import_files([page]).documents_added == 1
    return store


def _article_id(store: ReviewStore) -> int:
    (article,) = store.articles()
    return article.id


def _sum_flag(store: ReviewStore) -> StoredFinding:
    (found,) = [f for f in store.findings(_article_id(store)) if f.check == "sum"]
    assert found.holds is False
    return found


def test_import_stores_what_the_checks_find(checked: ReviewStore, page: Path) -> None:
    result = process_file(page)
    expected = sorted(f.key for a in result.articles for f in check_article(a.article.text, a.claims))
    stored = checked.findings(_article_id(checked))
    assert sorted(f.key for f in stored) == expected
    assert {f.check for f in stored} >= {"sum", "change", "usage"}
    assert all(f.status == "open" for f in stored)
    decoded = page.read_text(encoding="utf-8")
    for finding in stored:
        assert decoded[finding.source_start : finding.source_end] == finding.text
        for operand in finding.operands:
            assert decoded[operand.source_start : operand.source_end] == operand.text
    flag = _sum_flag(checked)
    assert flag.text == "8325人" and checked.claim(flag.claim_id).text == "8325人"
    assert "✗" in render(flag.message, "zh")


def test_run_checks_keeps_ids_and_findings_for_claim(checked: ReviewStore) -> None:
    article_id = _article_id(checked)
    before = {f.key: f.id for f in checked.findings(article_id)}
    again = {f.key: f.id for f in checked.run_checks(article_id)}
    assert again == before
    flag = _sum_flag(checked)
    for claim_id in flag.claim_ids:
        assert flag.id in [f.id for f in checked.findings_for_claim(claim_id)]
    assert checked.flagged_claims(article_id)[flag.claim_id][0].id == flag.id


def test_dismiss_is_audited_kept_over_reruns_and_undone(checked: ReviewStore) -> None:
    flag = _sum_flag(checked)
    change = checked.dismiss_finding(flag.id, "王编辑", note="另有口径")
    assert change.finding.status == "dismissed"
    assert (change.finding.acted_by, change.finding.note) == ("王编辑", "另有口径")
    assert change.finding.acted_at
    entry = next(e for e in checked.history(flag.claim_id) if e.action == "dismiss-finding")
    assert entry.id == change.audit_id and entry.editor == "王编辑"
    assert entry.after["status"] == "dismissed" and entry.before["status"] == "open"
    assert flag.claim_id not in checked.flagged_claims(flag.article_id)
    with pytest.raises(RefusedDecision) as refused:
        checked.dismiss_finding(flag.id, "王编辑")
    assert refused.value.code == "finding-dismissed"

    # Re-running the checks, re-detecting, another decision: the dismissal stays.
    checked.run_checks(flag.article_id)
    checked.redetect(force=True)
    other = next(c for c in checked.claims() if c.id != flag.claim_id)
    checked.decide(other.id, "rejected", editor="李", reason="not-a-claim")
    assert _sum_flag(checked).status == "dismissed"

    undone = checked.restore_finding(_sum_flag(checked).id, "王编辑")
    assert undone.finding.status == "open"
    assert [e.action for e in checked.history(flag.claim_id)][-1] == "restore-finding"
    with pytest.raises(RefusedDecision):
        checked.restore_finding(undone.finding.id, "王编辑")
    # Dismissed again after the undo: the redo of the same step.
    assert checked.dismiss_finding(undone.finding.id, "王编辑").finding.status == "dismissed"


def test_accept_rejects_the_claim_through_the_decision_path(checked: ReviewStore) -> None:
    flag = _sum_flag(checked)
    claim = checked.claim(flag.claim_id)
    change = checked.accept_finding(flag.id, "王编辑", expected_version=claim.version)
    assert change.finding.status == "accepted" and change.finding.acted_by == "王编辑"
    assert change.decision is not None and change.claim_before == claim
    after = checked.claim(flag.claim_id)
    assert (after.status, after.reason) == ("rejected", "wrong-number")
    assert after.note == render(flag.message, "zh")
    actions = [e.action for e in checked.history(flag.claim_id)]
    assert actions[-2:] == ["decide", "accept-finding"]
    # Re-running the checks, re-detecting: the acceptance stays.
    checked.run_checks(flag.article_id)
    checked.redetect(force=True)
    assert _sum_flag(checked).status == "accepted"
    after = checked.claim(flag.claim_id)
    # The window's undo saves the old decision again: the finding is open again.
    checked.decide(claim.id, claim.status, editor="王编辑", expected_version=after.version, note=claim.note)
    assert _sum_flag(checked).status == "open"
    # A finding that holds cannot be accepted.
    holding = next(f for f in checked.findings(flag.article_id) if f.holds is True)
    with pytest.raises(RefusedDecision) as refused:
        checked.accept_finding(holding.id, "王编辑")
    assert refused.value.code == "finding-holds"


def test_rejecting_a_claim_as_not_a_claim_reruns_the_checks(checked: ReviewStore) -> None:
    flag = _sum_flag(checked)
    part = next(i for i in flag.claim_ids if i != flag.claim_id)
    checked.decide(part, "rejected", editor="李", reason="not-a-claim")
    assert all(f.check != "sum" for f in checked.findings(flag.article_id))
    checked.decide(part, "pending", editor="李")
    assert _sum_flag(checked).key == flag.key


def test_changed_text_brings_a_dismissed_finding_back(checked: ReviewStore, page: Path) -> None:
    flag = _sum_flag(checked)
    checked.dismiss_finding(flag.id, "王编辑")
    # The same file, with an unrelated sentence added: the dismissal carries over.
    page.write_text(TEXT + "\n另据统计，全市共有站点12个。\n", encoding="utf-8")
    checked.import_files([page])
    assert _sum_flag(checked).status == "dismissed"
    # The total's text changes: the finding is new, so it is open again.
    page.write_text(TEXT.replace("8325", "8329"), encoding="utf-8")
    checked.import_files([page])
    assert _sum_flag(checked).status == "open"


def test_manual_claim_reruns_the_checks(checked: ReviewStore) -> None:
    article_id = _article_id(checked)
    before = checked.findings(article_id)
    text = checked.article(article_id).text
    start = text.index("7530")
    manual = checked.add_manual_claim(article_id, start, start + 4, "王编辑")
    assert manual.manual
    # The article was checked again (the claim list changed); the row for it is current.
    assert checked.checks_outdated() == []
    assert len(checked.findings(article_id)) >= len(before) - 1


def test_unknown_finding(checked: ReviewStore) -> None:
    with pytest.raises(UnknownFinding):
        checked.dismiss_finding(999_999, "王编辑")


def test_database_from_before_the_checks_is_checked_when_read(db_path: Path, page: Path) -> None:
    with ReviewStore.open(db_path) as store:
        store.import_files([page])
        article_id = _article_id(store)
    conn = sqlite3.connect(db_path)
    with conn:
        conn.execute("DELETE FROM findings")
        conn.execute("DELETE FROM article_checks")
    conn.close()
    with ReviewStore.open(db_path, read_only=True) as reading:
        assert reading.checks_outdated() == [article_id]
        unstored = reading.findings(article_id)
        assert any(f.check == "sum" for f in unstored) and all(f.id < 0 for f in unstored)
    with ReviewStore.open(db_path) as store:
        assert store.refresh_checks() == 1
        assert store.checks_outdated() == []
        assert any(f.check == "sum" and f.id > 0 for f in store.findings(article_id))


def test_a_changed_file_keeps_a_claim_out_that_was_rejected_as_not_a_claim(
    checked: ReviewStore, page: Path
) -> None:
    flag = _sum_flag(checked)
    part = next(i for i in flag.claim_ids if i != flag.claim_id)
    checked.decide(part, "rejected", editor="李", reason="not-a-claim")
    page.write_text(TEXT + "\n另据统计，全市共有站点12个。\n", encoding="utf-8")
    assert checked.import_files([page]).documents_added == 1
    (article,) = checked.articles()
    assert [c.status for c in checked.claims(article.id) if c.text == "7530人"] == ["rejected"]
    assert all(f.check != "sum" for f in checked.findings(article.id))
    assert any(f.check == "change" for f in checked.findings(article.id))


def test_a_flag_on_no_claim_can_be_dismissed_but_not_accepted(db_path: Path, tmp_path: Path) -> None:
    page = tmp_path / "range.txt"
    page.write_text("今年全市有三、四十家企业参加了展会。\n", encoding="utf-8")
    with ReviewStore.open(db_path) as store:
        store.import_files([page])
        (article,) = store.articles()
        (flag,) = [f for f in store.findings(article.id) if f.check == "usage"]
        assert (flag.rule, flag.text) == (6, "三、四十") and flag.claim_id
        # The claim it touched is not a claim, says the editor: the flag stays, on no claim.
        store.decide(flag.claim_id, "rejected", editor="王编辑", reason="not-a-claim")
        (flag,) = [f for f in store.findings(article.id) if f.check == "usage"]
        assert (flag.rule, flag.claim_id, flag.claim_ids) == (6, "", ())
        with pytest.raises(RefusedDecision) as refused:
            store.accept_finding(flag.id, "王编辑")
        assert refused.value.code == "finding-no-claim"
        assert store.dismiss_finding(flag.id, "王编辑").finding.status == "dismissed"
        store.run_checks(article.id)
        assert store.finding(flag.id).status == "dismissed"


def test_two_stores_on_one_file_share_dismissals(db_path: Path, page: Path) -> None:
    with ReviewStore.open(db_path) as window, ReviewStore.open(db_path) as job:
        window.import_files([page])
        flag = _sum_flag(window)
        window.dismiss_finding(flag.id, "王编辑")
        # Another connection (a job, another window) re-runs the checks: the dismissal holds there too.
        assert [f.status for f in job.run_checks(flag.article_id) if f.check == "sum"] == ["dismissed"]
        with pytest.raises(RefusedDecision):
            job.dismiss_finding(flag.id, "李编辑")


def test_a_version_4_database_gains_the_tables_and_is_checked_when_read(
    db_path: Path, page: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.store import findings, migrations

    with monkeypatch.context() as patched:
        patched.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:4])
        # FactDesk at version 4 kept no check findings.
        patched.setattr(findings, "document_rows", lambda result: {})
        with ReviewStore.open(db_path) as old:
            old.import_files([page])
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 4
    conn.close()
    with ReviewStore.open(db_path) as store:
        (article_id,) = store.checks_outdated()
        assert _sum_flag(store).status == "open"  # checked on first read, and stored
        assert store.checks_outdated() == []
