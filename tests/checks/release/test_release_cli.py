"""`factdesk match ARTICLE --source RELEASE`: one line per article figure, offsets into each decoded file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.cli import main

RELEASE = "111年6月失業率3.74%\n\n五、6月失業率3.74%,較上月上升0.06個百分點,經季節調整後失業率為3.73%。\n"
ARTICLE = "6月失业率为3.74%,月增0.06个百分点,经季节调整后失业率为3.73%;初次寻职失业者增加7000人。\n"


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[dict[str, object]], str]:
    code = main(["match", *args])
    captured = capsys.readouterr()
    return (
        code,
        [json.loads(line) for line in captured.out.splitlines() if line.startswith("{")],
        captured.err,
    )


def test_jsonl_lines_index_each_decoded_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article, release = tmp_path / "article.txt", tmp_path / "release.txt"
    # CRLF and GB18030 in the article, UTF-8 with a BOM in the release: offsets still index each file.
    article.write_bytes(("标题\r\n" + ARTICLE.replace("\n", "\r\n")).encode("gb18030"))
    release.write_bytes(b"\xef\xbb\xbf" + RELEASE.encode("utf-8"))
    decoded_article = article.read_bytes().decode("gb18030")
    decoded_release = release.read_bytes()[3:].decode("utf-8")
    code, records, _ = _run(capsys, str(article), "--source", str(release))
    assert code == 0
    assert [r["text"] for r in records] == ["3.74%", "0.06个百分点", "3.73%", "7000人"]
    assert [r["match"] for r in records] == ["same", "same", "same", "absent"]
    for record in records:
        assert set(record) >= {
            "file",
            "text",
            "source_start",
            "source_end",
            "value",
            "unit",
            "match",
            "source",
        }
        assert record["file"] == str(article)
        assert decoded_article[int(record["source_start"]) : int(record["source_end"])] == record["text"]  # type: ignore[call-overload]
        source = record["source"]
        if record["match"] == "absent":
            assert source is None
            continue
        assert isinstance(source, dict) and source["file"] == str(release)
        assert decoded_release[source["source_start"] : source["source_end"]] == source["text"]
    # The release's item five, not its title, backs the body's 3.74% (it sits with 0.06 and 3.73).
    first = records[0]["source"]
    assert isinstance(first, dict) and first["source_start"] > decoded_release.index("五")
    assert records[1]["unit"] == "个百分点" and records[1]["value"] == "0.06"
    assert records[1]["message"] == "与来源稿一致：0.06個百分點"


def test_english_messages_and_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article, release = tmp_path / "a.txt", tmp_path / "r.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    release.write_text(RELEASE, encoding="utf-8")
    _, records, _ = _run(capsys, str(article), "--source", str(release), "--language", "en")
    assert records[-1]["message"] == "the release does not state this figure"
    code = main(["match", str(article), "--source", str(release), "--format", "table"])
    captured = capsys.readouterr()
    assert code == 0
    assert "比对" in captured.out and "未见" in captured.out and "一致" in captured.out
    assert "4 figures, 3 backed by the release" in captured.err


def test_refused_file_and_missing_source(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    code, records, err = _run(capsys, str(article), "--source", str(tmp_path / "missing.txt"))
    assert code == 1 and records == [] and "missing.txt" in err
    assert main(["match", str(article)]) == 2
