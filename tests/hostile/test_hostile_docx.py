"""Decompression bombs and floods in .docx files: refused fast, whatever the zip claims.

Measured before these checks (one run each, `factdesk import`, 2 cores):
the 1 MB bomb peaked at 2.1 GB, the 4 MB one at 8.1 GB (both then refused
with lxml's message), the lying bomb at 2.1 GB, the 60 MB-of-XML .docx took
245 s and made 1.4 million claims.  Now each is refused in about half a
second within the default bounds (1 GB, 60 s).
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import hostile_files as make
import pytest
from harness import MB, assert_within_bounds, read_bounded, run_factdesk


@pytest.mark.parametrize("packed_mb", [1, 4])
def test_a_docx_bomb_is_refused_by_its_declared_size(tmp_path: Path, packed_mb: int) -> None:
    path = make.docx_bomb(tmp_path / "bomb.docx", packed_mb)
    assert path.stat().st_size < (packed_mb + 0.2) * MB
    said, run = read_bounded(path)
    assert said["kind"] == "too_large"
    assert "document.xml is" in str(said["reason"]) and "uncompressed, limit 16 MB" in str(said["reason"])
    assert run.peak_rss < 200 * MB, run.describe()


def test_a_bomb_that_lies_about_its_size_is_stopped_while_inflating(tmp_path: Path) -> None:
    # The directory says 4 KB; the data inflates to a gigabyte.  zipfile's
    # read() of a whole part inflates everything before it truncates.
    path = make.docx_bomb(tmp_path / "liar.docx", 1, declared_size=4096)
    said, run = read_bounded(path)
    assert said == {"kind": "corrupt", "reason": "the .docx is damaged: its zip data is broken"}
    assert run.peak_rss < 200 * MB, run.describe()


def test_a_small_docx_with_60_mb_of_xml_is_refused(tmp_path: Path) -> None:
    path = make.docx_xml_flood(tmp_path / "flood.docx", 60)
    assert path.stat().st_size < 1 * MB
    said, _run = read_bounded(path)
    assert said == {
        "kind": "too_large",
        "reason": "too large for an article (document.xml is 60 MB uncompressed, limit 16 MB)",
    }


def test_xml_just_under_the_part_limit_is_read_or_refused_within_bounds(tmp_path: Path) -> None:
    # 15 MB of document.xml passes the size checks and is parsed: the most
    # python-docx is ever given.  Its text is over the article limit.
    path = make.docx_xml_flood(tmp_path / "flood.docx", 15)
    said, run = read_bounded(path)
    assert said["kind"] == "too_large"
    assert "characters of text, limit 2,000,000" in str(said["reason"])
    assert run.peak_rss < 1024 * MB, run.describe()


@pytest.mark.parametrize(
    ("declared_count", "words"),
    [(None, "the .docx lists 65,535 parts, limit 10,000"), (5, "table of contents is 50 MB, limit 4 MB")],
    ids=["count-capped", "count-lies"],
)
def test_a_zip_directory_flood_is_refused_before_zipfile_reads_it(
    tmp_path: Path, declared_count: int | None, words: str
) -> None:
    # 830,000 directory records (50 MB): zipfile would build one object each.
    # zipfile reads as many records as the directory's size holds, whatever
    # the count says, so a lying count is caught by the size.
    path = make.zip_directory_flood(tmp_path / "flood.docx", 830_000, declared_count=declared_count)
    assert path.stat().st_size > 49 * MB
    said, run = read_bounded(path)
    assert said["kind"] == "too_large"
    assert words in str(said["reason"])
    assert run.peak_rss < 300 * MB, run.describe()


def test_many_xml_parts_are_refused_by_their_total(tmp_path: Path) -> None:
    parts = [make.deflated_entry(f"word/extra{i}.xml", b"<a/>" * (3 * MB)) for i in range(3)]
    template = make.docx_with_document_xml(tmp_path / "t.docx", make.paragraphs_xml([make.ARTICLE]))
    with zipfile.ZipFile(template) as archive:
        originals = [make.deflated_entry(i.filename, archive.read(i)) for i in archive.infolist()]
    path = make.write_zip(tmp_path / "parts.docx", originals + parts)
    said, _run = read_bounded(path)
    assert said["kind"] == "too_large"
    assert "its XML parts are 37 MB uncompressed, limit 32 MB" in str(said["reason"])


def test_an_import_of_bombs_goes_on_to_the_good_file(tmp_path: Path) -> None:
    bombs = [
        make.docx_bomb(tmp_path / "bomb1.docx", 1),
        make.docx_bomb(tmp_path / "liar.docx", 1, declared_size=4096),
        make.docx_xml_flood(tmp_path / "flood.docx", 60),
    ]
    good = make.docx_with_document_xml(tmp_path / "good.docx", make.paragraphs_xml([make.ARTICLE]))
    run = run_factdesk("import", "--db", tmp_path / "review.sqlite", *bombs, good)
    assert_within_bounds(run)
    assert run.returncode == 0
    assert "imported 1 document(s)" in run.stdout and "3 file(s) refused" in run.stdout
    assert [line.split(":")[1].strip() for line in run.stderr.splitlines()] == [
        "bomb1.docx",
        "liar.docx",
        "flood.docx",
    ]
