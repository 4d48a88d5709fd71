"""The `factdesk` command line, run as a user runs it: a real subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.paths import seed_files

SEEDS = seed_files()


def factdesk(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        check=False,
    )


def decode_like_score_tool(raw: bytes) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("gb18030")


REQUIRED_FIELDS = {
    "file",
    "article",
    "headline",
    "text",
    "source_start",
    "source_end",
    "value",
    "unit",
    "kind",
    "approx",
    "subject",
    "time",
    "place",
    "sentence",
    "id",
}


def test_detect_prints_one_json_object_per_claim_with_every_field() -> None:
    run = factdesk("detect", str(SEEDS[0]))
    assert run.returncode == 0, run.stderr
    records = [json.loads(line) for line in run.stdout.splitlines()]
    assert len(records) > 100
    for record in records:
        assert record.keys() >= REQUIRED_FIELDS
        assert record["file"] == str(SEEDS[0])


def test_detect_offsets_point_at_the_span_in_the_decoded_file() -> None:
    run = factdesk("detect", *map(str, SEEDS))
    decoded = {str(p): decode_like_score_tool(p.read_bytes()) for p in SEEDS}
    for line in run.stdout.splitlines():
        record = json.loads(line)
        in_file = decoded[record["file"]][record["source_start"] : record["source_end"]]
        assert "".join(in_file.split()) == record["text"]


def test_detect_offsets_hold_for_gb18030_utf16_and_crlf_files(tmp_path: Path) -> None:
    page = "（记者 王 小 明 报道）\n9 月 13 日，全市新增企业1\n250家，同比增长\n12.5%。\n"
    variants = {
        "gb.txt": page.encode("gb18030"),
        "u16.txt": page.encode("utf-16"),
        "crlf.txt": page.replace("\n", "\r\n").encode("utf-8"),
        "bom.md": b"\xef\xbb\xbf" + page.encode("utf-8"),
    }
    for name, raw in variants.items():
        (tmp_path / name).write_bytes(raw)
    run = factdesk("detect", *variants, cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    found: dict[str, list[str]] = {}
    for line in run.stdout.splitlines():
        record = json.loads(line)
        decoded = decode_like_score_tool(variants[record["file"]])
        span = decoded[record["source_start"] : record["source_end"]]
        assert "".join(span.split()) == record["text"]
        found.setdefault(record["file"], []).append(record["text"])
    assert found == {name: ["1250家", "12.5%"] for name in variants}


def test_detect_ids_are_stable_across_runs_and_file_names(tmp_path: Path) -> None:
    copy = tmp_path / "renamed.txt"
    copy.write_bytes(SEEDS[1].read_bytes())
    first = [json.loads(line)["id"] for line in factdesk("detect", str(SEEDS[1])).stdout.splitlines()]
    again = [json.loads(line)["id"] for line in factdesk("detect", str(copy)).stdout.splitlines()]
    assert first == again
    assert len(set(first)) == len(first)


def test_bad_files_are_reported_and_the_good_ones_still_processed(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    run = factdesk("detect", str(empty), str(SEEDS[2]), str(binary), str(tmp_path / "missing.txt"))
    assert run.returncode == 0
    assert run.stdout.strip(), "the good file's claims are printed"
    errors = run.stderr.strip().splitlines()
    assert len(errors) == 3
    assert "empty.txt" in errors[0] and "image.txt" in errors[1] and "missing.txt" in errors[2]


def test_exit_code_is_one_when_no_file_could_be_read(tmp_path: Path) -> None:
    bad = tmp_path / "notes.pdf"
    bad.write_bytes(b"%PDF-1.7")
    run = factdesk("detect", str(bad))
    assert run.returncode == 1
    assert "notes.pdf" in run.stderr
    assert run.stdout == ""


def test_usage_errors_exit_with_two() -> None:
    assert factdesk("detect").returncode == 2
    assert factdesk("frobnicate").returncode == 2


def test_table_format_lists_claims_readably() -> None:
    run = factdesk("detect", "--format", "table", str(SEEDS[3]))
    assert run.returncode == 0
    lines = run.stdout.splitlines()
    assert lines[0].split()[:5] == ["文章", "原文", "数值", "单位", "类型"]
    assert any("1000个" in line and "count" in line for line in lines)


def test_articles_lists_headline_byline_date_and_claim_count() -> None:
    run = factdesk("articles", str(SEEDS[0]))
    assert run.returncode == 0
    rows = run.stdout.splitlines()[1:]
    assert len(rows) == 6
    first = rows[0].split()
    assert first[0] == "0"
    assert first[1] == "滨州获国家基本公卫服务项目绩效评价全省第一"
    assert "9月13日" in rows[0]
    assert int(first[-1]) > 10


@pytest.mark.parametrize("command", [("detect",), ("articles",)])
def test_command_line_never_imports_qt(command: tuple[str, ...]) -> None:
    code = (
        "import sys, runpy; sys.argv = ['factdesk', *sys.argv[1:]]\n"
        "from desktop.cli import main\n"
        "main(sys.argv[1:])\n"
        "assert 'PySide6' not in sys.modules, 'Qt was imported'\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", code, *command, str(SEEDS[4])], capture_output=True, text=True, check=False
    )
    assert run.returncode == 0, run.stderr


def test_detect_reads_word_documents(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("全市新增就业岗位1.2万个")
    document.add_paragraph("（记者 李华 报道）今年前三季度，城镇新增就业3.4万人，同比增长5.6%。")
    path = tmp_path / "report.docx"
    document.save(str(path))
    run = factdesk("detect", str(path))
    assert run.returncode == 0, run.stderr
    assert [json.loads(line)["text"] for line in run.stdout.splitlines()] == ["1.2万个", "3.4万人", "5.6%"]


def test_nothing_readable_prints_no_table(tmp_path: Path) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    for command in (["detect", "--format", "table"], ["articles"]):
        run = factdesk(*command, str(folder))
        assert run.returncode == 1
        assert run.stdout == ""
        assert run.stderr.startswith("factdesk: folder: is a folder, not a file")


def test_a_refusal_is_printed_before_the_next_file_is_read(tmp_path: Path) -> None:
    # stderr merged into stdout shows the order things were said in.
    (tmp_path / "a.txt").write_text("全市新增企业1250家。\n", encoding="utf-8")
    (tmp_path / "c.txt").write_text("同比增长12.5%。\n", encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "desktop", "detect", "a.txt", "b.txt", "c.txt"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        encoding="utf-8",
        cwd=tmp_path,
        check=False,
    )
    said = [json.loads(line)["text"] if line.startswith("{") else line for line in run.stdout.splitlines()]
    assert said == ["1250家", "factdesk: b.txt: file not found", "12.5%"]
