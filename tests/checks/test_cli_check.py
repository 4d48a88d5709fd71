"""`factdesk check`: one finding a line, offsets into the decoded file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.cli import main

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


def test_jsonl_fields_and_offsets(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(
        TEXT.replace("\n", "\r\n").encode("gb18030")
    )  # CRLF and GB18030: offsets still index the file
    decoded = path.read_bytes().decode("gb18030")
    code, records, _ = _run(capsys, str(path))
    assert code == 0
    by_check = {(r["check"], r.get("rule")): r for r in records}
    change = by_check[("change", None)]
    assert change["holds"] is True
    assert change["message"] == "890 → 434 元 是 −51.2 %，文中 −51 % ✓"
    assert change["computed"] == "-51.236%"
    for operand in change["operands"]:  # type: ignore[union-attr]
        assert set(operand) >= {"role", "text", "source_start", "source_end", "claim"}
        assert decoded[operand["source_start"] : operand["source_end"]] == operand["text"]
        assert operand["claim"]
    total = by_check[("sum", None)]
    assert total["holds"] is False
    usage = by_check[("usage", 2)]
    assert usage["holds"] is False and usage["fix"] == "3倍"
    assert decoded[usage["source_start"] : usage["source_end"]] == "4倍"  # type: ignore[misc]
    assert usage["file"] == str(path)


def test_english_messages(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    _, records, _ = _run(capsys, str(path), "--language", "en")
    assert any("the text says" in str(r["message"]) for r in records)


def test_table_and_summary(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    code = main(["check", str(path), "--format", "table"])
    captured = capsys.readouterr()
    assert code == 0
    assert captured.out.splitlines()[0].split() == ["文章", "核对", "结论", "原文", "说明"]
    assert "usage 2" in captured.out and "✗" in captured.out
    assert "4 findings, 2 to look at, in 1 file(s)" in captured.err


def test_a_refused_file_is_named_and_the_batch_goes_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = tmp_path / "a.txt"
    good.write_text(TEXT, encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    code, records, err = _run(capsys, str(empty), str(good))
    assert code == 0
    assert records and "empty.txt" in err
    code, records, err = _run(capsys, str(empty))
    assert code == 1 and not records


def test_a_finding_keeps_its_key_when_its_claims_move(tmp_path: Path) -> None:
    """A dismissal is stored against Finding.key: offsets must not enter it, the text of a figure must."""
    from desktop.checks.document import check_document
    from desktop.pipeline import process_file

    first, moved, changed = tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "c.txt"
    first.write_text(TEXT, encoding="utf-8")
    moved.write_text("前言。\n" + TEXT, encoding="utf-8")
    changed.write_text(TEXT.replace("降幅达51%", "降幅达52%"), encoding="utf-8")

    def keys(path: Path) -> dict[str, str]:
        return {p.finding.message.code: p.finding.key for p in check_document(process_file(path))}

    a, b, c = keys(first), keys(moved), keys(changed)
    assert a.keys() == b.keys() and all(
        a[k] == b[k] for k in a if k != "change.holds"
    )  # claim ids hang on offsets
    assert a.get("sum.fails") == c.get("sum.fails")
    assert "change.holds" in a and "change.fails" in c


def test_a_usage_flag_names_the_claims_it_touches(tmp_path: Path) -> None:
    from desktop.checks.document import check_document
    from desktop.pipeline import process_file

    path = tmp_path / "a.txt"
    path.write_text("成本降低了两倍。", encoding="utf-8")
    (placed,) = [p for p in check_document(process_file(path)) if p.finding.check == "usage"]
    claims = {c.id: c.text for c in placed.article.claims}
    assert [claims[i] for i in placed.finding.claim_ids] == ["两倍"]
