from __future__ import annotations

import importlib.util
import io
import pickle
import random
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.ingest import reader
from desktop.ingest.reader import ReadError, read_file, read_files

REPO = Path(__file__).resolve().parents[2]
SCORE_TOOL = REPO.parent / "shared" / "tools" / "score_claims.py"

ARTICLE = "滨州日报讯 9月13日，市卫健委获悉：今年以来新增床位1272张，增长12.5%。\n“健康滨州”建设全面推进。\n"
PNG_HEADER = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06\x00\x00\x00"


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def read_error(path: Path) -> ReadError:
    with pytest.raises(ReadError) as info:
        read_file(path)
    err = info.value
    assert err.path == path
    assert str(err) == f"{path.name}: {err.reason}"
    return err


# -- encodings ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (ARTICLE.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + ARTICLE.encode("utf-8"), "utf-8-sig"),
        (b"\xff\xfe" + ARTICLE.encode("utf-16-le"), "utf-16"),
        (b"\xfe\xff" + ARTICLE.encode("utf-16-be"), "utf-16"),
        (ARTICLE.encode("gbk"), "gb18030"),
        (ARTICLE.encode("gb18030"), "gb18030"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-le-bom", "utf-16-be-bom", "gbk", "gb18030"],
)
def test_text_encodings_decode_to_the_same_text(tmp_path: Path, data: bytes, encoding: str) -> None:
    source = read_file(write(tmp_path / "a.txt", data))
    assert source.text == ARTICLE
    assert source.encoding == encoding
    assert source.path == tmp_path / "a.txt"


def test_gb18030_outside_gbk_survives(tmp_path: Path) -> None:
    # 𠀀 (CJK extension B) exists only in GB18030's four-byte area.
    text = "记者𠀀报道：全市共有医疗机构1200家，比上年增加35家。"
    assert text.encode("gb18030").decode("gb18030") == text
    source = read_file(write(tmp_path / "a.txt", text.encode("gb18030")))
    assert (source.text, source.encoding) == (text, "gb18030")


def test_traditional_chinese_in_gbk_is_accepted(tmp_path: Path) -> None:
    text = "這是一篇關於臺灣經濟發展的新聞報導，去年國內生產總值成長百分之三點五。"
    assert read_file(write(tmp_path / "a.txt", text.encode("gbk"))).text == text


def test_crlf_and_lone_cr_become_lf(tmp_path: Path) -> None:
    data = "第一段1.5%\r\n第二段\r第三段\n".encode()
    source = read_file(write(tmp_path / "a.txt", data))
    assert source.text == "第一段1.5%\n第二段\n第三段\n"


def test_crlf_normalised_in_utf16_too(tmp_path: Path) -> None:
    data = b"\xff\xfe" + "甲\r\n乙".encode("utf-16-le")
    assert read_file(write(tmp_path / "a.txt", data)).text == "甲\n乙"


@pytest.mark.parametrize("name", ["a.md", "a.markdown", "a.text", "A.TXT", "稿件.Md"])
def test_text_suffixes(tmp_path: Path, name: str) -> None:
    assert read_file(write(tmp_path / name, ARTICLE.encode())).text == ARTICLE


def test_utf8_is_preferred_over_gb18030_like_the_score_tool(tmp_path: Path) -> None:
    # These bytes are valid in both; the score tool decodes UTF-8 first, and
    # offsets must agree with it.
    data = "中文".encode()
    assert data.decode("gb18030") != "中文"
    assert read_file(write(tmp_path / "a.txt", data)).encoding == "utf-8"


def test_shipped_seeds_read_as_utf8() -> None:
    seeds = sorted((REPO / "seeds").glob("*.txt"))
    assert seeds
    for path in seeds:
        source = read_file(path)
        assert source.encoding == "utf-8"
        assert source.text == path.read_bytes().decode("utf-8").replace("\r\n", "\n")


@pytest.mark.skipif(not SCORE_TOOL.exists(), reason="shared/tools/score_claims.py is not beside the checkout")
def test_text_matches_score_tool_decode_for_lf_files(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("score_claims", SCORE_TOOL)
    assert spec is not None and spec.loader is not None
    score_claims = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score_claims)
    text = "标题\n正文𠀀里有3.5万人，增长12%。\n"
    samples = [
        text.encode("utf-8"),
        b"\xef\xbb\xbf" + text.encode("utf-8"),
        b"\xff\xfe" + text.encode("utf-16-le"),
        b"\xfe\xff" + text.encode("utf-16-be"),
        text.encode("gb18030"),
    ]
    for i, data in enumerate(samples):
        path = write(tmp_path / f"{i}.txt", data)
        assert read_file(path).text == score_claims.decode(data)


_PIECES = [
    "核",
    "数",
    "台",
    "万",
    "亿",
    "％",
    "，",
    "。",
    "𠀀",
    "a",
    "Z",
    "7",
    ".",
    " ",
    "\u3000",
    "\n",
    "\r\n",
    "\r",
    "\t",
]


@settings(deadline=None, max_examples=60)
@given(
    text=st.lists(st.sampled_from(_PIECES), min_size=1, max_size=60).map("".join).filter(lambda t: t.strip()),
    codec=st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]),
)
def test_unicode_files_round_trip(text: str, codec: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = write(Path(folder) / "a.txt", text.encode(codec))
        source = read_file(path)
    assert source.text == text.replace("\r\n", "\n").replace("\r", "\n")
    assert source.encoding == codec


# -- .docx -------------------------------------------------------------------


def test_docx_paragraphs_and_tables_in_document_order(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("全市卫生健康事业高质量发展")
    document.add_paragraph("截至目前，9项指标全部完成。")
    table = document.add_table(rows=2, cols=3)
    merged = table.cell(0, 0).merge(table.cell(1, 1))
    merged.text = "床位"
    table.cell(0, 2).text = "1272张"
    table.cell(1, 2).text = "增长12.5%"
    document.add_paragraph("（记者 丁春贵）")
    path = tmp_path / "稿件.docx"
    document.save(str(path))

    source = read_file(path)
    assert source.encoding == "docx"
    # The merged cell spans four grid positions but is read once.
    assert source.text == "\n".join(
        [
            "全市卫生健康事业高质量发展",
            "截至目前，9项指标全部完成。",
            "床位",
            "1272张",
            "增长12.5%",
            "（记者 丁春贵）",
        ]
    )


def test_docx_line_break_inside_paragraph_is_a_newline(tmp_path: Path) -> None:
    document = docx.Document()
    run = document.add_paragraph().add_run("第一行")
    run.add_break()
    run.add_text("第二行")
    path = tmp_path / "a.docx"
    document.save(str(path))
    assert read_file(path).text == "第一行\n第二行"


def test_docx_without_text_is_empty(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("  ")
    document.add_paragraph("")
    path = tmp_path / "a.docx"
    document.save(str(path))
    assert read_error(path).kind == "empty"


# -- files that are refused ----------------------------------------------------


def _zip_without_word_parts(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("notes.txt", "不是Word文档")


def _xlsx_renamed(path: Path) -> None:
    openpyxl.Workbook().save(path)


def _truncated_docx(path: Path) -> None:
    buffer = io.BytesIO()
    document = docx.Document()
    document.add_paragraph("正文")
    document.save(buffer)
    path.write_bytes(buffer.getvalue()[: len(buffer.getvalue()) // 2])


@pytest.mark.parametrize(
    ("name", "make", "kind", "words"),
    [
        ("empty.txt", lambda p: p.write_bytes(b""), "empty", "empty"),
        ("blank.txt", lambda p: p.write_bytes(" \r\n\t\u3000\n".encode()), "empty", "whitespace"),
        ("bom-only.txt", lambda p: p.write_bytes(b"\xef\xbb\xbf"), "empty", "whitespace"),
        ("image.txt", lambda p: p.write_bytes(PNG_HEADER), "binary", "NUL"),
        ("noise.txt", lambda p: p.write_bytes(random.Random(7).randbytes(4096)), "binary", "not a text file"),
        (
            "utf16-no-bom.txt",
            lambda p: p.write_bytes("hello 你好".encode("utf-16-le")),
            "binary",
            "byte-order mark",
        ),
        ("controls.txt", lambda p: p.write_bytes(b"\x1b[31m\x01\x02text\x03\x04" * 20), "binary", "control"),
        (
            "latin1.txt",
            lambda p: p.write_bytes("café, crème brûlée".encode("latin-1")),
            "undecodable",
            "GB18030",
        ),
        (
            "big5.txt",
            lambda p: p.write_bytes("這是一篇關於臺灣經濟的新聞報導。".encode("big5")),
            "undecodable",
            "Big5",
        ),
        (
            "pua.txt",
            lambda p: p.write_bytes("".join(map(chr, range(0xE000, 0xE100))).encode("gb18030")),
            "undecodable",
            "GB18030",
        ),
        ("bad-bom8.txt", lambda p: p.write_bytes(b"\xef\xbb\xbf\xff\xfe\xfd"), "undecodable", "UTF-8"),
        (
            "odd16.txt",
            lambda p: p.write_bytes(b"\xff\xfe" + "甲".encode("utf-16-le") + b"\x41"),
            "undecodable",
            "UTF-16",
        ),
        ("scan.pdf", lambda p: p.write_bytes(b"%PDF-1.7\n"), "unsupported", "'.pdf'"),
        ("old.doc", lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0"), "unsupported", "save it as .docx"),
        ("README", lambda p: p.write_bytes(b"text"), "unsupported", "no extension"),
        ("folder.txt", lambda p: p.mkdir(), "directory", "folder"),
        ("missing.txt", lambda p: None, "missing", "not found"),
        ("plain.docx", lambda p: p.write_bytes(ARTICLE.encode()), "corrupt", "zip"),
        ("parts.docx", _zip_without_word_parts, "corrupt", "Word document"),
        ("sheet.docx", _xlsx_renamed, "corrupt", "not a Word file"),
        ("cut.docx", _truncated_docx, "corrupt", "Word document"),
        ("zero.docx", lambda p: p.write_bytes(b""), "empty", "empty"),
    ],
)
def test_refused_with_a_reason(
    tmp_path: Path, name: str, make: Callable[[Path], object], kind: str, words: str
) -> None:
    path = tmp_path / name
    make(path)
    err = read_error(path)
    assert err.kind == kind
    assert words in err.reason


def test_undecodable_reason_points_at_the_first_bad_byte(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", b"\xef\xbb\xbf" + "正文".encode() + b"\xff")
    assert read_error(path).reason.endswith("(first bad byte at 9)")


def test_latin1_really_fails_both_decoders() -> None:
    # Guards the "undecodable" case above: it must not pass by accident.
    data = "café, crème brûlée".encode("latin-1")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    with pytest.raises(UnicodeDecodeError):
        data.decode("gb18030")


def test_too_large_is_refused_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reader, "MAX_FILE_BYTES", 100)
    path = write(tmp_path / "big.txt", ARTICLE.encode() * 10)
    assert read_error(path).kind == "too_large"


def test_a_few_control_characters_are_tolerated(tmp_path: Path) -> None:
    text = ARTICLE * 5 + "\x1a"  # DOS end-of-file marker
    assert read_file(write(tmp_path / "a.txt", text.encode())).text == text


def test_read_error_survives_pickling(tmp_path: Path) -> None:
    err = read_error(tmp_path / "missing.txt")
    copy = pickle.loads(pickle.dumps(err))
    assert (copy.path, copy.reason, copy.kind, str(copy)) == (err.path, err.reason, err.kind, str(err))


# -- batches -------------------------------------------------------------------


def test_batch_reads_every_good_file_and_reports_every_bad_one(tmp_path: Path) -> None:
    good = [
        write(tmp_path / "1.txt", ARTICLE.encode()),
        write(tmp_path / "3.txt", ARTICLE.encode("gbk")),
        write(tmp_path / "5.md", b"\xef\xbb\xbf" + ARTICLE.encode()),
    ]
    bad = [write(tmp_path / "2.txt", PNG_HEADER), tmp_path / "4.txt", write(tmp_path / "6.pdf", b"%PDF")]
    order = [good[0], bad[0], good[1], bad[1], good[2], bad[2]]

    sources, errors = read_files(order)

    assert [s.path for s in sources] == good
    assert all(s.text == ARTICLE for s in sources)
    assert [e.path for e in errors] == bad
    assert [e.kind for e in errors] == ["binary", "missing", "unsupported"]


def test_batch_of_nothing() -> None:
    assert read_files([]) == ([], [])
