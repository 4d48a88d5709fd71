from __future__ import annotations

import importlib.util
import io
import os
import pickle
import random
import re
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
    assert str(err) == f"{reader.display_name(path)}: {err.reason}"
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
        ("folder.txt", lambda p: p.mkdir(), "directory", "name the files in it"),
        ("missing.txt", lambda p: None, "missing", "not found"),
        ("plain.docx", lambda p: p.write_bytes(ARTICLE.encode()), "corrupt", "zip"),
        ("parts.docx", _zip_without_word_parts, "corrupt", "Word document"),
        ("sheet.docx", _xlsx_renamed, "corrupt", "an Excel workbook"),
        ("cut.docx", _truncated_docx, "corrupt", "damaged"),
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
    monkeypatch.setattr(reader, "MAX_TEXT_FILE_BYTES", 100)
    path = write(tmp_path / "big.txt", ARTICLE.encode() * 10)
    opened: list[object] = []
    monkeypatch.setattr(reader.os, "open", lambda *args: opened.append(args))
    err = read_error(path)
    assert err.kind == "too_large"
    assert err.reason == f"too large for an article ({path.stat().st_size:,} bytes, limit 100 bytes)"
    assert opened == []


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


# -- paths that are not plain files --------------------------------------------
# The hostile-input suite (tests/hostile) runs the ones that could hang or eat
# memory under hard limits; these are the ones safe to run in this process.


def test_symlink_loop_is_named_as_such(tmp_path: Path) -> None:
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    err = read_error(loop)
    assert (err.kind, err.reason) == ("symlink_loop", "a loop of symbolic links that never reaches a file")


def test_dangling_symlink_is_missing(tmp_path: Path) -> None:
    link = tmp_path / "gone.txt"
    link.symlink_to(tmp_path / "nowhere.txt")
    err = read_error(link)
    assert err.kind == "missing" and "symbolic link" in err.reason


def test_a_file_used_as_a_folder_is_missing(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", ARTICLE.encode())
    assert read_error(tmp_path / "a.txt" / "b.txt").kind == "missing"


def test_permission_denied_is_its_own_kind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # chmod 000 does not stop root, so the refusal is simulated here; the
    # hostile suite runs the real thing when not root.
    path = write(tmp_path / "a.txt", ARTICLE.encode())

    def denied(*_args: object) -> int:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(reader.os, "open", denied)
    err = read_error(path)
    assert err.kind == "permission"
    assert err.reason == "permission denied (to the file, or to a folder on its path)"


def test_special_files_are_refused_unopened(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[object] = []
    monkeypatch.setattr(reader.os, "open", lambda *args: opened.append(args))
    link = tmp_path / "zero.txt"
    link.symlink_to("/dev/null")
    err = read_error(link)
    assert (err.kind, err.reason) == ("special", "not a regular file (a device); it was not opened")
    assert opened == []


def test_the_read_stops_at_the_limit_whatever_the_size_said(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A file that grows after the stat, or one a filesystem reports as 0
    # bytes (/proc, some FUSE mounts): the read itself must stop.
    monkeypatch.setattr(reader, "MAX_TEXT_FILE_BYTES", 1000)
    path = write(tmp_path / "a.txt", ARTICLE.encode() * 100)
    real_fstat = os.fstat

    def says_empty(fd: int) -> os.stat_result:
        fields = list(real_fstat(fd))
        fields[6] = 0  # st_size
        return os.stat_result(fields)

    monkeypatch.setattr(reader.os, "stat", lambda p: says_empty(os.open(p, os.O_RDONLY)))
    monkeypatch.setattr(reader.os, "fstat", says_empty)
    err = read_error(path)
    assert err.kind == "too_large"
    assert err.reason == "too large for an article (over 1,000 bytes, limit 1,000 bytes)"


def test_text_longer_than_an_article_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reader, "MAX_TEXT_CHARS", 100)
    path = write(tmp_path / "a.txt", ARTICLE.encode() * 3)
    err = read_error(path)
    assert err.kind == "too_large"
    assert err.reason == f"too long for an article ({len(ARTICLE) * 3:,} characters of text, limit 100)"


def test_a_name_that_is_not_utf8_is_shown_escaped(tmp_path: Path) -> None:
    name = os.fsdecode("稿件.pdf".encode("gbk"))
    err = read_error(write(tmp_path / name, b"%PDF"))
    assert err.path.name == name  # the real path, to open the file again
    assert str(err).startswith("\\xb8\\xe5\\xbc\\xfe.pdf: ")
    str(err).encode("utf-8")  # printable and storable as it is
    assert reader.display_path(tmp_path / name) == str(tmp_path) + "/\\xb8\\xe5\\xbc\\xfe.pdf"


def test_every_kind_is_listed() -> None:
    assert len(set(reader.READ_ERROR_KINDS)) == len(reader.READ_ERROR_KINDS) == 12


# -- encodings that are not Chinese ---------------------------------------------

JAPANESE = "東京都の人口は1400万人で、前年比0.5%増加した。新しい駅は2025年に開業する予定だ。"


@pytest.mark.parametrize(
    ("data", "words"),
    [
        # Shift-JIS reads as GB18030 without an error, all of it CJK: it came in as nonsense.
        ((JAPANESE * 5).encode("shift_jis"), "Japanese text in Shift-JIS"),
        ((JAPANESE * 5).encode("cp932"), "Japanese text in Shift-JIS"),
        (JAPANESE.encode("shift_jis"), "Japanese text in Shift-JIS"),
        ((JAPANESE * 5).encode("euc_jp"), "Japanese text in EUC-JP"),
        ("這是一篇關於臺灣經濟的新聞報導，人口2300萬。".encode("big5") * 5, "Traditional Chinese in Big5"),
    ],
    ids=["shift-jis", "cp932", "shift-jis-one-line", "euc-jp", "big5"],
)
def test_text_that_is_not_chinese_is_refused_with_its_encoding(
    tmp_path: Path, data: bytes, words: str
) -> None:
    assert data.decode("gb18030", "replace")  # it "decodes": the check must not rely on an error
    err = read_error(write(tmp_path / "a.txt", data))
    assert err.kind == "undecodable"
    assert words in err.reason and "save it as UTF-8" in err.reason


def _pages() -> list[tuple[str, str]]:
    folders = [REPO / "seeds", REPO / "tests" / "data" / "heldout"]
    pages = []
    for path in sorted(p for folder in folders for p in folder.glob("*.txt")):
        pages.append((path.name, read_file(path).text))
    return pages


@pytest.mark.parametrize("codec", ["gbk", "gb18030"])
def test_every_real_page_in_gbk_is_still_accepted(tmp_path: Path, codec: str) -> None:
    # The Shift-JIS test must not refuse Chinese: every seed and held-out page
    # (Simplified, and Traditional from Hong Kong, Taiwan and Macau) in GBK.
    pages = _pages()
    assert len(pages) >= 27
    for name, text in pages:
        data = text.encode(codec, "ignore")
        assert read_file(write(tmp_path / name, data)).encoding == "gb18030", name


# -- .docx: limits and damage ----------------------------------------------------


def _docx(path: Path, *paragraphs: str) -> Path:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    document.save(str(path))
    return path


def _rezip(source: Path, target: Path, change: Callable[[str, bytes], tuple[str, bytes] | None]) -> Path:
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            changed = change(info.filename, old.read(info))
            if changed is not None:
                new.writestr(changed[0], changed[1])
    return target


@pytest.mark.parametrize(
    ("limit", "value", "words"),
    [
        ("MAX_DOCX_XML_PART_BYTES", 100_000, "styles.xml is"),
        ("MAX_DOCX_XML_BYTES", 500_000, "its XML parts are"),
        ("MAX_DOCX_UNPACKED_BYTES", 500_000, "the .docx unpacks to"),
        ("MAX_DOCX_PARTS", 5, "parts, limit 5"),
    ],
)
def test_docx_limits_are_named_in_the_refusal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, limit: str, value: int, words: str
) -> None:
    path = _docx(tmp_path / "a.docx", ARTICLE)
    assert read_file(path).text == ARTICLE
    monkeypatch.setattr(reader, limit, value)
    err = read_error(path)
    assert err.kind == "too_large"
    assert words in err.reason and f"limit {reader._mb(value) if value > 100 else value}" in err.reason


def test_docx_document_xml_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _docx(tmp_path / "a.docx", *[ARTICLE] * 200)
    monkeypatch.setattr(reader, "MAX_DOCX_XML_PART_BYTES", 16 * 1024)
    size = zipfile.ZipFile(path).getinfo("word/document.xml").file_size
    err = read_error(path)
    assert (
        err.reason
        == f"too large for an article (document.xml is {size:,} bytes uncompressed, limit 16,384 bytes)"
    )


def test_docx_sizes_are_checked_in_the_data_not_just_the_directory(tmp_path: Path) -> None:
    # The directory says document.xml is 100 bytes; its data inflates to more.
    path = _docx(tmp_path / "a.docx", *[ARTICLE] * 50)
    raw = bytearray(path.read_bytes())
    info = zipfile.ZipFile(path).getinfo("word/document.xml")
    for at in (info.header_offset + 22, raw.rfind(b"word/document.xml") - 46 + 24):
        raw[at : at + 4] = (100).to_bytes(4, "little")
    path.write_bytes(bytes(raw))
    assert zipfile.ZipFile(path).getinfo("word/document.xml").file_size == 100
    err = read_error(path)
    assert (err.kind, err.reason) == ("corrupt", "the .docx is damaged: its zip data is broken")


def _no_python_words(reason: str) -> bool:
    # An editor reads these: no exception names, reprs, quotes or line numbers.
    return not re.search(r"Error|Exception|[<>{}'\"]|line \d|column \d|\bNone\b", reason)


_BODILESS = b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>'


def _broken_xml(name: str, data: bytes) -> tuple[str, bytes]:
    return (name, data[: len(data) // 2] if name == "word/document.xml" else data)


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (
            lambda src, p: _rezip(src, p, _broken_xml),
            "the .docx is damaged: its text is not well-formed XML",
        ),
        (
            lambda src, p: _rezip(
                src, p, lambda n, d: ("ppt/presentation.xml", d) if n == "word/document.xml" else (n, d)
            ),
            "not a Word document: it is a PowerPoint presentation renamed to .docx",
        ),
        (
            lambda src, p: _rezip(src, p, lambda n, d: None if n == "[Content_Types].xml" else (n, d)),
            "the .docx is damaged: its parts do not fit together as a Word document",
        ),
        (
            lambda src, p: _rezip(
                src, p, lambda n, d: (n, _BODILESS) if n == "word/document.xml" else (n, d)
            ),
            "the .docx is damaged: its parts do not fit together as a Word document",
        ),
        (
            lambda src, p: p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600)),
            "not a .docx package: a password-protected Word file, or an old .doc renamed; save an unprotected .docx",
        ),
        (
            lambda src, p: p.write_bytes(src.read_bytes()[:-10]),
            "the .docx is damaged: the file is cut short",
        ),
    ],
    ids=["broken-xml", "pptx", "no-content-types", "no-body", "ole", "cut-end"],
)
def test_damaged_docx_gets_one_plain_sentence(
    tmp_path: Path, make: Callable[[Path, Path], object], reason: str
) -> None:
    source = _docx(tmp_path / "source.docx", ARTICLE)
    path = tmp_path / "a.docx"
    make(source, path)
    err = read_error(path)
    assert (err.kind, err.reason) == ("corrupt", reason)
    assert _no_python_words(err.reason)


def test_docx_compressed_with_bzip2_is_refused_unread(tmp_path: Path) -> None:
    # zipfile inflates bzip2 and LZMA in one unbounded step; Word never uses them.
    source = _docx(tmp_path / "source.docx", ARTICLE)
    path = tmp_path / "a.docx"
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(path, "w", zipfile.ZIP_BZIP2) as new:
        for info in old.infolist():
            new.writestr(info.filename, old.read(info))
    err = read_error(path)
    assert err.kind == "corrupt"
    assert err.reason.startswith("the .docx is compressed in a way Word does not use")


def test_every_refusal_reason_reads_as_plain_english(tmp_path: Path) -> None:
    made = {
        "plain.docx": ARTICLE.encode(),
        "noise.txt": random.Random(7).randbytes(4096),
        "odd16.txt": b"\xff\xfe" + "甲".encode("utf-16-le") + b"\x41",
    }
    for name, data in made.items():
        assert _no_python_words(read_error(write(tmp_path / name, data)).reason), name
