"""Decompression bombs sent back as edited workbooks are refused before openpyxl parses them.

The bombs are built in tmp_path from a real export with tests/hostile's zip
writer (zipfile can neither store a ready deflate stream nor lie about
sizes), and `factdesk import-decisions` runs on each under that folder's
harness: RLIMIT_AS of 1 GB, where a reader that inflates the bomb dies of
MemoryError instead of taking the machine's memory.

Measured on the code before these checks (one run each, 2 cores, the 1 GB
bound): the shared-strings bomb peaked at 1,016 MB and ended in MemoryError,
the styles part that lies about its size (with a true CRC) at 857 MB, also
MemoryError; the worksheet bomb peaked at 958 MB reading its 900 MB cell
before the CRC failed; the directory floods were read and their rows
imported.  Now each is refused in under a second at 42-47 MB, which is the
interpreter and its imports.
"""

from __future__ import annotations

import sys
import zipfile
import zlib
from pathlib import Path

import pytest
from export_factories import make_row

from desktop.export import WorkbookError, export_workbook, read_decision_edits

# tests/hostile is not on this folder's path; its modules are imported plainly, by name.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "hostile"))
from harness import BoundedRun, assert_within_bounds, run_factdesk  # noqa: E402
from hostile_files import MB, ZipEntry, deflated_entry, write_zip  # noqa: E402

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RLIMIT_AS is Linux's")

SHARED_STRINGS_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"


def export_parts(tmp_path: Path) -> list[ZipEntry]:
    """The parts of a real export, as raw deflate entries to build bombs from."""
    path = tmp_path / "real.xlsx"
    export_workbook(path, [make_row(i, note=f"备注{i}") for i in range(5)], [])
    with zipfile.ZipFile(path) as archive:
        return [deflated_entry(info.filename, archive.read(info)) for info in archive.infolist()]


def repeated(
    name: str, opening: bytes, closing: bytes, megabytes: int, *, declared: int | None = None
) -> ZipEntry:
    """A part of `megabytes` MB of '1' between `opening` and `closing`, packed about 1,000:1.

    Each megabyte is deflated once and repeated (Z_FULL_FLUSH forgets the
    history), so no gigabyte is ever compressed here.  The CRC is left
    wrong: a reader that checks the sizes first never gets to compare it.
    """
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    head = packer.compress(opening) + packer.flush(zlib.Z_FULL_FLUSH)
    unit = packer.compress(b"1" * MB) + packer.flush(zlib.Z_FULL_FLUSH)
    tail = packer.compress(closing) + packer.flush()
    size = len(opening) + megabytes * MB + len(closing)
    return ZipEntry(name, head + unit * megabytes + tail, 0, declared or size)


def with_part(parts: list[ZipEntry], part: ZipEntry, content_type: str | None = None) -> list[ZipEntry]:
    out = [p for p in parts if p.name != part.name]
    if content_type is not None:
        manifest = next(p for p in out if p.name == "[Content_Types].xml")
        xml = zlib.decompress(manifest.deflated, -15).replace(
            b"</Types>", f'<Override PartName="/{part.name}" ContentType="{content_type}"/></Types>'.encode()
        )
        out = [deflated_entry(manifest.name, xml) if p is manifest else p for p in out]
    return [*out, part]


def shared_strings_bomb(tmp_path: Path) -> Path:
    opening = (
        b'<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>'
    )
    bomb = repeated("xl/sharedStrings.xml", opening, b"</t></si></sst>", 2047)
    return write_zip(tmp_path / "strings.xlsx", with_part(export_parts(tmp_path), bomb, SHARED_STRINGS_TYPE))


def sheet_bomb(tmp_path: Path, *, declared: int | None = None) -> Path:
    opening = (
        b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>claim id</t></is></c></row>'
        b'<row r="2"><c r="A2" t="inlineStr"><is><t>'
    )
    closing = b"</t></is></c></row></sheetData></worksheet>"
    bomb = repeated("xl/worksheets/sheet1.xml", opening, closing, 900, declared=declared)
    name = "lying.xlsx" if declared else "sheet.xlsx"
    return write_zip(tmp_path / name, with_part(export_parts(tmp_path), bomb))


def directory_flood(tmp_path: Path, *, honest_count: bool) -> Path:
    """A real export whose central directory lists one part 100,000 times."""
    path = write_zip(tmp_path / "flood.xlsx", export_parts(tmp_path))
    raw = path.read_bytes()
    start, end = raw.find(b"PK\x01\x02"), raw.find(b"PK\x05\x06")
    first = raw.find(b"PK\x01\x02", start + 4)
    central = raw[start:end] + raw[start:first] * 100_000
    count = 0xFFFF if honest_count else 15  # the count field has 16 bits; zipfile ignores it anyway
    tail = raw[end : end + 8] + (count).to_bytes(2, "little") * 2
    tail += len(central).to_bytes(4, "little") + start.to_bytes(4, "little") + b"\x00\x00"
    path.write_bytes(raw[:start] + central + tail)
    return path


def import_decisions(workbook: Path, tmp_path: Path) -> BoundedRun:
    run = run_factdesk("import-decisions", workbook, "--db", tmp_path / "review.sqlite")
    assert_within_bounds(run)  # not killed, no MemoryError, no traceback
    return run


def lying_styles(tmp_path: Path) -> Path:
    """xl/styles.xml as exported, with its true size and CRC, and then a gigabyte more in the same stream.

    zipfile stops at the declared size and the CRC matches, so only a reader
    that checks the stream really ends there notices; openpyxl reads this
    part whole, and zipfile inflates all of it before cutting it short.
    """
    parts = export_parts(tmp_path)
    styles = next(p for p in parts if p.name == "xl/styles.xml")
    xml = zlib.decompress(styles.deflated, -15)
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    head = packer.compress(xml) + packer.flush(zlib.Z_FULL_FLUSH)
    unit = packer.compress(b" " * MB) + packer.flush(zlib.Z_FULL_FLUSH)
    bomb = ZipEntry(styles.name, head + unit * 1024 + packer.flush(), zlib.crc32(xml), len(xml))
    return write_zip(tmp_path / "styles.xlsx", with_part(parts, bomb))


@pytest.mark.parametrize(
    ("bomb", "limit"),
    [
        (shared_strings_bomb, "unpacks to 2,047 MB (the limit is 1,024 MB in all)"),
        (sheet_bomb, "unpacks to more than 100 times its packed size"),
        (
            lambda tmp_path: directory_flood(tmp_path, honest_count=True),
            "lists 65,535 files (the limit is 10,000)",
        ),
        (
            lambda tmp_path: directory_flood(tmp_path, honest_count=False),
            "directory is 5.9 MB (the limit is 4.0 MB)",
        ),
    ],
    ids=["shared-strings", "worksheet", "directory", "directory-lying-count"],
)
def test_a_bomb_is_refused_naming_the_limit_within_bounded_memory(
    tmp_path: Path, bomb: object, limit: str
) -> None:
    path = bomb(tmp_path)  # type: ignore[operator]
    assert path.stat().st_size < 10 * MB
    run = import_decisions(path, tmp_path)
    assert run.returncode == 1, run.stderr
    assert f"{path.name}: refused before reading: " in run.stderr and limit in run.stderr, run.stderr
    assert run.peak_rss < 100 * MB, run.describe()  # the interpreter and the imports are about 45 MB
    assert not (tmp_path / "review.sqlite").exists()  # refused before the database was even opened


@pytest.mark.parametrize(
    ("bomb", "reason"),
    [
        # The directory says 50 KB; the stream holds 900 MB.
        (
            lambda tmp_path: sheet_bomb(tmp_path, declared=50_000),
            "xl/worksheets/sheet1.xml unpacks to more than the 50,000 bytes the archive declares for it",
        ),
        (lying_styles, "xl/styles.xml unpacks to more than the "),
    ],
    ids=["worksheet", "styles-with-true-crc"],
)
def test_sizes_the_directory_lies_about_are_not_believed(tmp_path: Path, bomb: object, reason: str) -> None:
    path = bomb(tmp_path)  # type: ignore[operator]
    run = import_decisions(path, tmp_path)
    assert run.returncode == 1
    assert f"{path.name}: refused before reading: {reason}" in run.stderr, run.stderr
    assert run.peak_rss < 100 * MB, run.describe()


def test_the_limits_on_one_part_one_row_and_doctype(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop.export import archive as archive_module

    parts = export_parts(tmp_path)
    monkeypatch.setattr(archive_module, "MAX_PART_BYTES", 200_000)
    monkeypatch.setattr(archive_module, "MAX_ROW_BYTES", 3 * MB)
    theme = next(p for p in parts if p.name.startswith("xl/theme/"))
    big_theme = deflated_entry(theme.name, b"<a:theme>" + bytes(range(256)) * 1000 + b"</a:theme>")
    path = write_zip(tmp_path / "part.xlsx", with_part(parts, big_theme))
    with pytest.raises(
        WorkbookError,
        match=r"xl/theme/theme1.xml unpacks to more than 0.2 MB \(the limit for a part other than a worksheet\)",
    ):
        read_decision_edits(path)

    # A worksheet may be large (openpyxl streams it) but not one row of it.
    rows = b"".join(b'<row r="%d"><c r="A%d"><v>1</v></c></row>' % (i, i) for i in range(2, 200_000))
    sheet = (
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        + rows
        + b'<row r="200000"><c r="A200000" t="inlineStr"><is><t>'
        + bytes(range(48, 58)) * 400_000
        + b"</t></is></c></row></sheetData></worksheet>"
    )
    path = write_zip(
        tmp_path / "row.xlsx", with_part(parts, deflated_entry("xl/worksheets/sheet1.xml", sheet))
    )
    with pytest.raises(
        WorkbookError, match=r"sheet1.xml has a row of more than 3.0 MB \(the limit for one row\)"
    ):
        read_decision_edits(path)
    monkeypatch.setattr(archive_module, "MAX_ROW_BYTES", 16 * MB)
    assert archive_module.inspect_archive(path).unpacked > 8 * MB

    styles = next(p for p in parts if p.name == "xl/styles.xml")
    xml = zlib.decompress(styles.deflated, -15)
    entities = b'<!DOCTYPE s [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
    root = xml.index(b"<styleSheet")
    poisoned = deflated_entry(styles.name, xml[:root] + entities + xml[root:])
    path = write_zip(tmp_path / "doctype.xlsx", with_part(parts, poisoned))
    with pytest.raises(WorkbookError, match="xl/styles.xml declares a DOCTYPE or entities"):
        read_decision_edits(path)
