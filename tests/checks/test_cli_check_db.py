"""`factdesk check --db`: the findings of stored articles, with what editors did about them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.store import ReviewStore

TEXT = (
    "全市新能源汽车保有量从2万辆增加到8万辆，增加了4倍。\n"
    "冠脉导引导管均价由集采前的890元，降至434元，降幅达51%。\n"
    "今年以来新增志愿者8325人，其中应急救护志愿者7530人、其他登记的志愿者759人。\n"
)


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[dict[str, object]], str]:
    code = main(["check", *args])
    captured = capsys.readouterr()
    lines = [json.loads(line) for line in captured.out.splitlines() if line.startswith("{")]
    return code, lines, captured.err


@pytest.fixture
def crlf_page(tmp_path: Path) -> Path:
    path = tmp_path / "a.txt"
    # CRLF and GB18030: offsets still index the decoded file, as `check FILE` reports them.
    path.write_bytes(TEXT.replace("\n", "\r\n").encode("gb18030"))
    return path


def test_the_same_records_as_for_the_file_plus_status(
    tmp_path: Path, crlf_page: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "review.sqlite"
    with ReviewStore.open(db) as store:
        store.import_files([crlf_page])
        (sum_flag,) = [f for a in store.articles() for f in store.findings(a.id) if f.check == "sum"]
        store.dismiss_finding(sum_flag.id, "王编辑")
    _, from_file, _ = _run(capsys, str(crlf_page))
    code, stored, _ = _run(capsys, "--db", str(db))
    assert code == 0
    assert len(stored) == len(from_file) == 4
    decoded = crlf_page.read_bytes().decode("gb18030")
    shared = (
        "check",
        "holds",
        "text",
        "source_start",
        "source_end",
        "computed",
        "reading",
        "message",
        "code",
    )
    for file_record, db_record in zip(from_file, stored, strict=True):
        assert {k: db_record[k] for k in shared} == {k: file_record[k] for k in shared}
        assert decoded[db_record["source_start"] : db_record["source_end"]] == db_record["text"]  # type: ignore[misc]
        for operand in db_record["operands"]:  # type: ignore[attr-defined]
            assert decoded[operand["source_start"] : operand["source_end"]] == operand["text"]
        assert db_record["file"] == str(crlf_page)
    statuses = {r["check"]: r["status"] for r in stored}
    assert statuses["sum"] == "dismissed" and statuses["change"] == "open"
    dismissed = next(r for r in stored if r["check"] == "sum")
    assert dismissed["acted_by"] == "王编辑" and dismissed["acted_at"]
    usage = next(r for r in stored if r["check"] == "usage")
    assert (usage["rule"], usage["fix"]) == (2, "3倍")


def test_article_filter_table_and_unknown_article(
    tmp_path: Path, crlf_page: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "review.sqlite"
    other = tmp_path / "b.txt"
    other.write_text(
        "某县去年接待游客120万人次，同比增长20%，比前年的100万人次多20万人次。\n", encoding="utf-8"
    )
    with ReviewStore.open(db) as store:
        store.import_files([crlf_page, other])
        first = store.articles()[0].id
    code, records, _ = _run(capsys, "--db", str(db), "--article", str(first))
    assert code == 0 and records and {r["article_id"] for r in records} == {first}
    code = main(["check", "--db", str(db), "--article", str(first), "--format", "table", "--language", "en"])
    captured = capsys.readouterr()
    assert code == 0
    assert captured.out.splitlines()[0].split() == ["文章", "核对", "结论", "原文", "说明", "状态"]
    assert "the text says" in captured.out and "未处理" in captured.out
    assert "4 findings, 2 open flags, in 1 article(s)" in captured.err
    code, records, err = _run(capsys, "--db", str(db), "--article", "99999")
    assert code == 1 and not records and "99999" in err
    code, _, err = _run(capsys, str(crlf_page), "--db", str(db))
    assert code == 1 and "not both" in err
