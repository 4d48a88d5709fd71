"""The memory of figures on a real SQLite file: keys, hits across articles, repeat findings, confirm_linked.

The pages are the made-up city paper of tests/data/repeats (its README lists
the real repeats and the traps), imported one file after another as an
archive grows.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from desktop.export import export_workbook
from desktop.export.columns import FINDINGS_SHEET
from desktop.paths import seed_files
from desktop.store import ReviewStore, memory
from desktop.store.decisions import RefusedDecision
from desktop.store.records import ClaimView, MemoryHit

# Two pages of one city paper a month apart (README beside them).
MEMORY_PAGES = Path(__file__).resolve().parents[1] / "data" / "memory"


PAGES = Path(__file__).resolve().parents[1] / "data" / "repeats"


def _page(name: str) -> Path:
    return next(PAGES.glob(f"{name}_*.txt"))


def _claim(store: ReviewStore, file_prefix: str, text: str, nth: int = 0) -> ClaimView:
    found = [
        claim
        for article in store.articles()
        if article.file_name.startswith(file_prefix)
        for claim in store.claims(article.id)
        if claim.text == text
    ]
    assert len(found) > nth, f"{text} not in {file_prefix}"
    return found[nth]


def _hits(store: ReviewStore, claim: ClaimView) -> list[MemoryHit]:
    return store.memory_for(claim.article_id).get(claim.id, [])


@pytest.fixture
def archive(db_path: Path) -> ReviewStore:
    store = ReviewStore.open(db_path)
    store.import_files([_page("b")])
    return store


def test_every_claim_gets_its_metric_key_from_the_repeats_check(archive: ReviewStore, db_path: Path) -> None:
    archive.import_files([_page("d"), _page("e")])
    assert archive.refresh_memory() > 0
    conn = sqlite3.connect(db_path)
    rows = dict(
        conn.execute(
            "SELECT c.text || '@' || doc.file_name, k.family || ' ' || k.value FROM metric_keys k"
            " JOIN claims c ON c.id = k.claim_id JOIN documents doc ON doc.id = c.document_id"
        ).fetchall()
    )
    # 1,286家 in the Traditional page and 1286家 in the Simplified one: one family, one value.
    assert rows["1,286家@d_hk_2024-02-05.txt"] == rows["1286家@e_linhe_2024-02-06.txt"] == "家 1286"
    # 万 applied: 約12.9萬人 is 129000 people.
    assert rows["約12.9萬人@d_hk_2024-02-05.txt"] == "人 129000"
    assert conn.execute("SELECT COUNT(*) FROM metric_buckets").fetchone()[0] >= len(rows)
    conn.close()
    archive.close()


def test_a_later_article_hits_an_earlier_verified_figure_and_a_conflicting_one(archive: ReviewStore) -> None:
    income = _claim(archive, "b", "38652元")
    archive.decide(income.id, "confirmed", editor="王编辑", sources=["统计公报"])
    archive.import_files([_page("c")])

    later = _claim(archive, "c", "38652元")
    (hit,) = [h for h in _hits(archive, later) if h.other_claim_id == income.id]
    assert hit.verified and hit.relation == "equal"
    assert hit.sources == ("统计公报",) and hit.editor == "王编辑" and hit.decided_at
    assert hit.other_article_id == income.article_id and hit.other_file.startswith("b_")
    assert "2023年全市地区生产总值" in hit.other_headline

    # 3251.6亿元 against 3215.6亿元: the same 2023 GDP, written two ways.
    gdp = _claim(archive, "c", "3251.6亿元")
    conflicts = [h for h in _hits(archive, gdp) if h.relation == "conflict"]
    assert [h.other_text for h in conflicts] == ["3215.6亿元"]
    assert not conflicts[0].verified and conflicts[0].message.code.startswith("repeat.conflict.")

    # A correction verifies the figure with the corrected value: now it agrees with this one.
    earlier = _claim(archive, "b", "3215.6亿元")
    archive.decide(earlier.id, "corrected", editor="李编辑", corrected_value="3251.6亿元")
    (corrected,) = [h for h in _hits(archive, gdp) if h.other_claim_id == earlier.id]
    assert corrected.verified and corrected.relation == "equal" and corrected.other_value == "325160000000"
    archive.close()


def test_verified_hits_come_first(archive: ReviewStore) -> None:
    archive.import_files([_page("c"), _page("d")])
    b_income, c_income = _claim(archive, "b", "38652元"), _claim(archive, "c", "38652元")
    archive.decide(c_income.id, "confirmed", editor="王编辑", sources=["年报"])
    hits = _hits(archive, b_income)
    assert len(hits) >= 2
    assert hits[0].other_claim_id == c_income.id and hits[0].verified
    assert not any(h.verified for h in hits[1:])
    archive.close()


@pytest.mark.parametrize(
    ("prefix", "text"),
    [
        ("a", "2.21万人"),  # 去年同期: another period
        ("a", "58.3万人"),  # 全省: another place
        ("a", "8620人"),  # 其中: a subset
        ("b", "3050.2亿元"),  # 2022年: another year
        ("b", "92068.7亿元"),  # 全省
        ("e", "1263家"),  # 2022年
        ("e", "1102家"),  # 其中
        ("f", "4000个"),  # 计划新建: a target
        ("f", "2.9万户"),  # 去年上半年
    ],
)
def test_another_period_place_or_subset_never_hits(db_path: Path, prefix: str, text: str) -> None:
    with ReviewStore.open(db_path) as store:
        store.import_files(sorted(PAGES.glob("*.txt")))
        store.refresh_memory()
        trap = _claim(store, prefix, text)
        assert _hits(store, trap) == []
        assert not [
            f for f in store.findings(trap.article_id) if f.check == "repeat" and trap.id in f.claim_ids
        ]


def test_repeats_across_articles_are_findings_kept_dismissed_across_reruns(
    archive: ReviewStore, tmp_path: Path
) -> None:
    archive.import_files([_page("c")])
    gdp = _claim(archive, "c", "3251.6亿元")
    found = [f for f in archive.findings(gdp.article_id) if f.check == "repeat" and f.claim_id == gdp.id]
    conflict = next(f for f in found if f.holds is False)
    other = next(o for o in conflict.operands if o.document)
    assert other.document.startswith("b_") and other.text == "3215.6亿元" and other.source_start == -1
    # Shown on both statements: either may be the wrong one.
    earlier = _claim(archive, "b", "3215.6亿元")
    assert any(f.holds is False and f.claim_id == earlier.id for f in archive.findings(earlier.article_id))

    assert conflict.id in {f.id for f in archive.flagged_claims(gdp.article_id)[gdp.id]}  # the 提示 column

    archive.dismiss_finding(conflict.id, "王编辑", note="口径不同")
    archive.import_files([_page("d")])  # more links made, findings read again
    archive.refresh_memory()
    archive.run_checks(gdp.article_id)
    again = next(
        f for f in archive.findings(gdp.article_id) if f.key == conflict.key and f.claim_id == gdp.id
    )
    assert again.status == "dismissed" and again.note == "口径不同"

    # The 核查提示 sheet names the check.
    path = tmp_path / "review.xlsx"
    export_workbook(path, archive.export_rows(), archive.articles(), findings=archive.export_findings())
    sheet = openpyxl.load_workbook(path)[FINDINGS_SHEET]
    kinds = [row[2] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert "重复与矛盾" in kinds and "repeat" not in kinds
    archive.close()


def test_a_headline_repeating_its_body_is_a_finding_of_the_article(db_path: Path) -> None:
    with ReviewStore.open(db_path) as store:
        store.import_files([_page("a")])
        headline = _claim(store, "a", "2.35万人")
        flags = [f for f in store.findings(headline.article_id) if f.check == "repeat" and f.holds is False]
        assert any(f.claim_id == headline.id for f in flags)


def test_confirm_linked_confirms_the_same_figure_elsewhere_and_is_undone_as_one_step(db_path: Path) -> None:
    with ReviewStore.open(db_path) as store:
        store.import_files([_page("d"), _page("e")])
        hk = _claim(store, "d", "1,286家")  # the headline; the body says 1,286家 again
        body = _claim(store, "d", "1,286家", nth=1)
        linhe = _claim(store, "e", "1286家")
        rounded = _claim(store, "e", "128650人")  # within the rounding of 約12.9萬人: never confirmed by it
        store.decide(hk.id, "confirmed", editor="王编辑", sources=["卫健委公报"])
        assert set(store.linked_claims(hk.id)) >= {body.id, linhe.id}

        assert {c.id for c in store.confirmable_linked(hk.id)} == {body.id, linhe.id}
        batch = store.confirm_linked(hk.id, "王编辑")
        assert store.confirmable_linked(hk.id) == []
        assert {c.id for c in batch.claims_after} == {body.id, linhe.id}
        for claim_id in (body.id, linhe.id):
            after = store.claim(claim_id)
            assert (
                after.status == "confirmed" and after.sources == ("卫健委公报",) and after.editor == "王编辑"
            )
        assert store.claim(rounded.id).status == "pending"
        assert any(entry.action == "confirm-linked" for entry in store.history(hk.id))

        undone = store.revert_batch(batch, "王编辑")
        assert undone.action == "revert-batch"
        assert store.claim(body.id).status == "pending" and store.claim(linhe.id).status == "pending"
        assert store.claim(hk.id).status == "confirmed"

        with pytest.raises(RefusedDecision) as no_tags:
            store.confirm_linked(body.id, "王编辑")
        assert no_tags.value.code == "no-source-tags"
        lone = _claim(store, "e", "1263家")  # another year: linked to nothing
        store.decide(lone.id, "confirmed", editor="王编辑", sources=["年报"])
        with pytest.raises(RefusedDecision) as none:
            store.confirm_linked(lone.id, "王编辑")
        assert none.value.code == "no-linked"
        with pytest.raises(RefusedDecision):
            store.confirm_linked(hk.id, " ")


def test_refresh_memory_is_incremental(db_path: Path) -> None:
    with ReviewStore.open(db_path) as store:
        store.import_files([_page("b"), _page("c")])
        first = store.refresh_memory()
        assert first == len(store.articles()) and store.memory_outdated() == 0
        assert store.refresh_memory() == 0
        conn = sqlite3.connect(db_path)
        keyed_at = dict(conn.execute("SELECT article_id, keyed_at FROM memory_articles").fetchall())
        store.import_files([_page("d")])
        new = [a.id for a in store.articles() if a.file_name.startswith("d_")]
        assert store.memory_outdated() == len(new)
        seen: list[tuple[int, int]] = []
        assert store.refresh_memory(lambda done, total, _: seen.append((done, total))) == len(new)
        assert seen[-1] == (len(new), len(new))
        after = dict(conn.execute("SELECT article_id, keyed_at FROM memory_articles").fetchall())
        assert {k: v for k, v in after.items() if k in keyed_at} == keyed_at  # the old ones not read again
        # The new page links back to the old ones: 38,652元 is b's 38652元.
        d_income = _claim(store, "d", "38,652元")
        assert any(h.other_text == "38652元" for h in _hits(store, d_income))
        conn.close()


def test_a_lookup_keys_an_article_imported_since(db_path: Path) -> None:
    with ReviewStore.open(db_path) as store:
        store.import_files([_page("b"), _page("c")])
        assert store.memory_outdated() > 0
        gdp = _claim(store, "c", "3251.6亿元")
        assert any(h.relation == "conflict" for h in _hits(store, gdp))
        assert store.memory_outdated() == 0


def test_a_lookup_among_many_waiting_keys_its_own_article_only(db_path: Path) -> None:
    # An archive just imported waits for refresh_memory (with its progress): a lookup meanwhile
    # keys the article looked up, against what is keyed, and leaves the others waiting.
    with ReviewStore.open(db_path) as store:
        heldout = sorted((PAGES.parent / "heldout").glob("*.txt"))
        store.import_files([*seed_files(), *heldout, _page("b"), _page("c")])
        waiting = store.memory_outdated()
        assert waiting > memory.LAZY_ALL
        gdp = _claim(store, "c", "3251.6亿元")
        store.defer_keying = True  # a background job keys them: a lookup keys nothing
        assert not _hits(store, gdp) and store.memory_outdated() == waiting
        store.defer_keying = False
        assert not _hits(store, gdp)  # b is not keyed yet: nothing to link to
        assert store.memory_outdated() == waiting - 1
        assert not _hits(store, gdp) and store.memory_outdated() == waiting - 1  # keyed once
        assert store.refresh_memory() == waiting - 1
        # b, keyed later, meets c's figure: the conflict is on both.
        assert any(h.relation == "conflict" for h in _hits(store, gdp))
        assert any(f.holds is False for f in store.findings(gdp.article_id) if f.claim_id == gdp.id)


REFRESHER = """
import sys
from pathlib import Path
from desktop.paths import seed_files
from desktop.store import ReviewStore, memory

started = False


def progress(done: int, total: int, _: str) -> None:
    global started
    if not started:
        started = True
        print("started", total, flush=True)


with ReviewStore.open(Path(sys.argv[1])) as store:
    print("keyed", store.refresh_memory(progress), flush=True)
"""


def test_a_second_process_deciding_while_refresh_runs_loses_nothing(db_path: Path, tmp_path: Path) -> None:
    folder = tmp_path / "archive"
    folder.mkdir()
    pages = sorted(PAGES.glob("*.txt"))
    for copy in range(6):
        for page in pages:
            # Another day's paper each time: its own content, its own file.
            text = page.read_text(encoding="utf-8") + f"\n（第{copy + 1}版）\n"
            (folder / f"{page.stem}_{copy}.txt").write_text(text, encoding="utf-8")
    with ReviewStore.open(db_path) as store:
        store.import_files(sorted(folder.glob("*.txt")))
        waiting = store.memory_outdated()
        claims = store.claims()[:40]
    child = subprocess.Popen(
        [sys.executable, "-c", REFRESHER, str(db_path)], stdout=subprocess.PIPE, text=True
    )
    assert child.stdout is not None
    assert child.stdout.readline().split() == ["started", str(waiting)]
    with ReviewStore.open(db_path) as window:
        for claim in claims:
            window.decide(claim.id, "confirmed", editor="窗口", sources=["公报"])
    out, _ = child.communicate(timeout=300)
    assert child.returncode == 0 and out.split() == ["keyed", str(waiting)]
    with ReviewStore.open(db_path) as store:
        assert store.memory_outdated() == 0
        for claim in claims:
            after = store.claim(claim.id)
            assert after.status == "confirmed" and after.sources == ("公报",)
        # The copies state the same figures: the memory shows the verified ones on a later copy.
        late = _claim(store, "c", "38652元", nth=5)
        assert any(h.relation == "equal" for h in _hits(store, late))


BLIND = Path(__file__).resolve().parents[1] / "data" / "repeats_blind"


def _gold_across(kind: str, holds: bool) -> list[tuple[str, str, str, str]]:
    """Gold lines of the blind set between two files: (file, text, other file, other text)."""
    found = []
    for line in (BLIND / "repeats.relations.jsonl").read_text(encoding="utf-8").splitlines():
        gold = json.loads(line)
        first, second = gold["operands"]
        other = second.get("doc", gold["doc"])
        if gold["relation"] == kind and gold["holds"] is holds and other != gold["doc"]:
            found.append((gold["doc"], first["text"], other, second["text"]))
    return found


def test_blind_set_conflicts_across_papers_hit_and_near_misses_never_do(db_path: Path) -> None:
    with ReviewStore.open(db_path) as store:
        store.import_files(sorted(BLIND.glob("*.txt")))
        store.refresh_memory()
        files = {a.id: a.file_name for a in store.articles()}
        pairs: dict[tuple[str, str, str, str], set[str]] = {}
        for article_id in files:
            for claim_id, hits in store.memory_for(article_id, limit=100).items():
                for hit in hits:
                    key = (files[article_id], hit.claim_text, hit.other_file, hit.other_text)
                    pairs.setdefault(key, set()).add(hit.relation)
                    assert hit.claim_id == claim_id and hit.other_article_id != article_id

        def linked(gold: tuple[str, str, str, str]) -> set[str]:
            file, text, other_file, other_text = gold
            return pairs.get(gold, set()) | pairs.get((other_file, other_text, file, text), set())

        # Near-misses (a 其中 subset, a month against Jan–Sep, the province against a city,
        # the same rate of another metric): never a hit, equal or conflicting.
        traps = _gold_across("none", False) + _gold_across("none", True)
        assert len(traps) >= 10
        assert [trap for trap in traps if linked(trap)] == []
        # The transposed visitor count of the evening paper: a conflict, shown on both papers.
        a1, a2 = "a1_qcrb_2026-10-08_holiday.txt", "a2_qcwb_2026-10-08_holiday.txt"
        assert "conflict" in pairs[(a2, "468.3万人次", a1, "486.3万人次")]
        assert "conflict" in pairs[(a1, "486.3万人次", a2, "468.3万人次")]
        # The same as the repeats check finds between files (it found all of them when written).
        conflicts = _gold_across("repeat", False)
        repeats = _gold_across("repeat", True)
        assert len([g for g in conflicts if "conflict" in linked(g)]) >= len(conflicts) - 1
        assert len([g for g in repeats if linked(g) & {"equal", "rounded"}]) >= 0.9 * len(repeats)


def test_linking_a_new_article_keeps_the_old_articles_other_findings(archive: ReviewStore) -> None:
    archive.refresh_memory()
    old = _claim(archive, "b", "3215.6亿元").article_id
    before = {f.id: f.key for f in archive.findings(old)}
    assert before and not any(o.document for f in archive.findings(old) for o in f.operands)
    archive.import_files([_page("c")])
    archive.refresh_memory()
    after = archive.findings(old)
    assert {f.id: f.key for f in after if f.id in before} == before  # kept, same ids
    across = [f for f in after if any(o.document for o in f.operands)]
    assert any(f.holds is False and "3251.6亿元" in {o.text for o in f.operands} for f in across)
    assert [f.id for f in after] == [f.id for f in archive.findings(old)]  # stored, not recomputed each time


def test_a_cancelled_refresh_keeps_what_it_keyed_and_the_next_one_goes_on(db_path: Path) -> None:
    with ReviewStore.open(db_path) as store:
        store.import_files([*sorted(PAGES.glob("*.txt")), *sorted(BLIND.glob("*.txt"))])
        waiting = store.memory_outdated()
        asked: list[int] = []

        def cancel_after_first_step() -> bool:
            asked.append(1)
            return len(asked) > 1

        first = store.refresh_memory(should_cancel=cancel_after_first_step)
        assert 0 < first < waiting
        assert store.memory_outdated() == waiting - first
        assert store.refresh_memory() == waiting - first
        assert store.memory_outdated() == 0


def test_a_file_imported_again_changed_replaces_its_links(db_path: Path, tmp_path: Path) -> None:
    folder = tmp_path / "edited"
    folder.mkdir()
    b = _page("b")
    with ReviewStore.open(db_path) as store:
        store.import_files([b, _page("c")])
        gdp = _claim(store, "c", "3251.6亿元")
        assert any(h.relation == "conflict" for h in _hits(store, gdp))
        # The earlier paper's figure corrected in a new version of its file.
        fixed = folder / b.name
        fixed.write_text(b.read_text(encoding="utf-8").replace("3215.6亿元", "3251.6亿元"), encoding="utf-8")
        store.import_files([fixed])
        store.refresh_memory()
        hits = _hits(store, gdp)
        assert [h.relation for h in hits if h.other_text == "3251.6亿元"] == ["equal"]
        assert not any(h.relation == "conflict" for h in hits)
        assert not any(f.holds is False for f in store.findings(gdp.article_id) if f.claim_id == gdp.id)


def test_a_file_imported_again_unrelated_takes_its_conflicts_off_the_other_articles(
    db_path: Path, tmp_path: Path
) -> None:
    # The new version of b states none of c's figures, so it links to nothing of c: c's
    # conflict with the old version's 3215.6亿元 must go all the same.
    folder = tmp_path / "edited"
    folder.mkdir()
    b = _page("b")
    with ReviewStore.open(db_path) as store:
        store.import_files([b, _page("c")])
        store.refresh_memory()
        gdp = _claim(store, "c", "3251.6亿元")
        assert any(f.holds is False for f in store.findings(gdp.article_id) if f.claim_id == gdp.id)
        replaced = folder / b.name
        replaced.write_text(
            "临河日报\n\n本报讯 全市今年新建口袋公园17个，新增绿地面积9.4公顷。\n", encoding="utf-8"
        )
        store.import_files([replaced])
        store.refresh_memory()
        assert not any(f.holds is False for f in store.findings(gdp.article_id) if f.claim_id == gdp.id)
        assert not _hits(store, gdp)


def test_a_claim_marked_by_hand_is_keyed_on_the_next_lookup(db_path: Path) -> None:
    with ReviewStore.open(db_path) as store:
        store.import_files([_page("b"), _page("c")])
        store.refresh_memory()
        article = _claim(store, "c", "3251.6亿元").article_id
        text = store.article(article).text
        known = {(c.start, c.end) for c in store.claims(article)}
        start = next(
            i for i in range(len(text)) if text[i].isdigit() and all(not s <= i < e for s, e in known)
        )
        end = start
        while end < len(text) and (text[end].isdigit() or text[end] == "."):
            end += 1
        store.add_manual_claim(article, start, end, "王编辑")
        assert store.memory_outdated() == 1
        store.memory_for(article)
        assert store.memory_outdated() == 0


def test_a_database_keyed_by_an_older_memory_version_is_keyed_again(db_path: Path) -> None:
    with ReviewStore.open(db_path) as store:
        store.import_files([_page("b"), _page("c")])
        articles = len(store.articles())
        assert store.refresh_memory() == articles
        gdp = _claim(store, "c", "3251.6亿元")
        # As the version before this one left the database: every article keyed, with links
        # the current rules would make missing (the conflict of the two GDP figures).
        older = str(int(memory.MEMORY_VERSION) - 1)
        conn = sqlite3.connect(db_path)
        with conn:
            conn.execute(
                "UPDATE memory_articles SET version = ? || substr(version, instr(version, ':'))", [older]
            )
            conn.execute("DELETE FROM memory_links WHERE ? IN (claim_id, other_claim_id)", [gdp.id])
        assert store.memory_outdated() == articles  # none of them is current any more

        assert store.refresh_memory() == articles  # every one keyed again, not only the new ones
        assert store.memory_outdated() == 0
        versions = {row[0] for row in conn.execute("SELECT version FROM memory_articles")}
        assert versions and all(v.startswith(memory.MEMORY_VERSION + ":") for v in versions)
        # Keyed again by the current rules: the conflict with b's 3215.6亿元 is back.
        assert [h.other_text for h in _hits(store, gdp) if h.relation == "conflict"] == ["3215.6亿元"]
        conn.close()


def test_a_claim_brought_back_from_not_a_claim_is_keyed_again_and_meets_its_repeat(tmp_path: Path) -> None:
    first, later = tmp_path / "a_linjiang_2024-01-20.txt", tmp_path / "b_linjiang_2024-03-02.txt"
    shutil.copy(MEMORY_PAGES / first.name, first)
    shutil.copy(MEMORY_PAGES / later.name, later)
    with ReviewStore.open(tmp_path / "review.sqlite", seed_if_new=False) as store:
        store.import_files([first])
        taken_out = _claim(store, "a_", "3215.6亿元")
        store.decide(taken_out.id, "rejected", editor="王编辑", reason="not-a-claim")
        store.import_files([later])
        store.refresh_memory()
        stated = _claim(store, "b_", "3251.6亿元")
        assert stated.id not in store.memory_for(stated.article_id)  # 非数字声明 is no figure to compare
        store.decide(taken_out.id, "pending", editor="王编辑")
        assert store.memory_outdated() == 1  # its article is keyed again, now with the figure
        assert taken_out.id in store.memory_for(taken_out.article_id)
        hits = store.memory_for(stated.article_id)[stated.id]
        assert [(h.other_claim_id, h.relation) for h in hits] == [(taken_out.id, "conflict")]


def test_an_article_keyed_again_keeps_one_row_per_finding(db_path: Path, tmp_path: Path) -> None:
    # The body's 3.84% repeats both the headline's and the lead's: two findings with one key at
    # one place.  Keyed a second time, each is still stored once (no stale copy left behind).
    page = tmp_path / "unemployment.txt"
    page.write_text(
        "7月失业率3.84%劳动市场稳定\n\n"
        "统计部门今日公布7月人力资源调查结果，失业率3.84%，较上月上升0.1个百分点。\n\n"
        "受毕业季影响，失业人数45.4万人，7月失业率3.84%，较上月上升0.1个百分点。\n",
        encoding="utf-8",
    )
    store = ReviewStore.open(db_path)
    store.import_files([page])
    store.refresh_memory()
    conn = sqlite3.connect(db_path)
    query = "SELECT span_start, span_end, operands FROM findings WHERE kind = 'repeat' ORDER BY 1, 2, 3"
    first = conn.execute(query).fetchall()
    article_id = store.articles()[0].id
    spans = [(start, end) for start, end, _ in first]
    assert len(spans) > len(set(spans)), "the page should have two repeats at one place"
    for _ in range(2):
        memory.forget(store._db, article_id)
        assert store.refresh_memory() == 1
        assert conn.execute(query).fetchall() == first
    conn.close()
    store.close()


def test_findings_stay_in_reading_order_as_articles_are_linked(archive: ReviewStore, db_path: Path) -> None:
    # The checks' findings were stored at import; the repeats found when b, then d and e are
    # keyed are placed among them, and every finding's position follows again.
    archive.refresh_memory()
    archive.import_files([_page("d"), _page("e")])
    archive.refresh_memory()
    conn = sqlite3.connect(db_path)
    placed = conn.execute(
        "SELECT article_id, position, span_start, span_end, kind, operands FROM findings"
        " ORDER BY article_id, position"
    ).fetchall()
    conn.close()
    assert any('"document"' in operands for *_, operands in placed)  # repeats across articles
    assert any(kind != "repeat" for _, _, _, _, kind, _ in placed)
    by_article: dict[int, list[tuple[int, int, int, str]]] = {}
    for article_id, position, start, end, kind, _ in placed:
        by_article.setdefault(article_id, []).append((position, start, end, kind))
    for article_id, found in by_article.items():
        assert [position for position, *_ in found] == list(range(len(found))), article_id
        assert [place for _, *place in found] == sorted(place for _, *place in found), article_id
    archive.close()


def test_findings_kept_up_as_articles_are_linked_are_those_worked_out_afresh(
    archive: ReviewStore, db_path: Path
) -> None:
    # Keying refreshes only the findings whose links changed (an older article linked by a
    # repeat shown on the later statement is left alone): every article's stored findings are
    # still what running every check on it now gives.
    from desktop.store import findings

    archive.refresh_memory()
    for later in ("c", "d", "e"):  # c's 3251.6亿元 conflicts with b's 3215.6亿元: shown on b too
        archive.import_files([_page(later)])
        archive.refresh_memory()
    columns = ("kind", "span_start", "span_end", "message_code", "message_args", "operands", "claim_id")
    conn = sqlite3.connect(db_path)
    across = 0
    for article in archive.articles():
        stored = conn.execute(
            f"SELECT {', '.join(columns)} FROM findings WHERE article_id = ? ORDER BY position", [article.id]
        ).fetchall()
        afresh = [tuple(row[c] for c in columns) for row in findings.compute(archive._db, article.id)]
        assert stored == afresh, article.file_name
        across += sum('"document"' in row[5] for row in stored)
    conn.close()
    assert across > 0
    archive.close()
