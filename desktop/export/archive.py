"""Look inside an .xlsx archive before openpyxl parses any of it, within fixed limits.

An .xlsx is a zip.  A few megabytes of zip can unpack to gigabytes, and
openpyxl reads every part but the worksheets whole (the shared strings
become one Python string each), so an edited workbook sent back by anyone
could take a gigabyte of memory in `factdesk import-decisions`.  Before
openpyxl sees the file this module checks, in order:

- the central directory, from the end record, before zipfile reads it
  (zipfile makes an object per entry, and reads as many as the directory's
  byte size holds, whatever the entry count says): at most MAX_ENTRIES
  entries in at most MAX_DIRECTORY_BYTES;
- the declared sizes: MAX_TOTAL_BYTES in all, MAX_PART_BYTES for any part
  that is not a worksheet, and no part more than MAX_RATIO times its packed
  size once past RATIO_GRACE;
- then every part is inflated here, a chunk at a time, and the same limits
  are applied to the bytes actually produced; the stream must end exactly
  at the declared size with the declared CRC.  (zipfile stops at the
  declared size, but inflates as much as one read asks for first, and
  openpyxl reads the small parts whole.)  The same pass refuses a DOCTYPE
  (no part of an .xlsx has one; entity expansion is the other kind of XML
  bomb), bounds each worksheet row (openpyxl holds one row's XML in
  memory) and notes whether any worksheet holds a formula, which the
  reader must then look at (`desktop.export.readback`).

A workbook of 100,000 claims exported by FactDesk is 153 MB unpacked, 15
parts, compressed about 18:1, and its longest row is a few kilobytes; this
pass over it took 0.5 s (best of 3), the whole read_workbook 55 s, on two
busy cores.
"""

from __future__ import annotations

import os
import re
import stat
import struct
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO
from xml.etree import ElementTree

MB = 1024 * 1024
MAX_ENTRIES = 10_000
# A 100,000-row export is about 150 MB; a workbook four times that is not ours.
MAX_FILE_BYTES = 600 * MB
MAX_DIRECTORY_BYTES = 4 * MB
MAX_TOTAL_BYTES = 1024 * MB
MAX_PART_BYTES = 128 * MB  # a part openpyxl reads whole: everything but the worksheets
MAX_ROW_BYTES = 16 * MB  # a row of 22 full cells is about 2 MB
MAX_RATIO = 100
RATIO_GRACE = MB  # a small part may compress any amount
MANIFEST = "[Content_Types].xml"
MAX_MANIFEST_BYTES = 4 * MB
WORKSHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
_TYPES_NS = "{http://schemas.openxmlformats.org/package/2006/content-types}"

CHUNK = MB
_OVERLAP = 64  # bytes kept from the previous chunk, so a tag cut in two is still seen
_DOCTYPE = re.compile(rb"<!DOCTYPE|<!ENTITY", re.IGNORECASE)
# The root element, for the namespace prefix its rows and formulas carry
# (none from Excel or LibreOffice, "x:" from some generators).
_ROOT = re.compile(rb"<(?:([A-Za-z_][\w.-]*):)?worksheet[\s>]")
_TAG_ENDS = b" \t\r\n/>"


class UnsafeArchive(Exception):
    """The archive is over a limit; `reason` names the part and the limit."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class ArchiveFacts:
    entries: int
    unpacked: int  # bytes actually read, all parts
    formulas: bool  # some worksheet holds a formula


def inspect_archive(path: Path) -> ArchiveFacts:
    """Check `path` against the limits; raise UnsafeArchive, or zipfile.BadZipFile for a damaged file."""
    with _open_regular(path) as handle:
        _check_directory(handle)
        with zipfile.ZipFile(handle) as archive:
            infos = archive.infolist()
            if len(infos) > MAX_ENTRIES:
                raise UnsafeArchive(f"the archive holds {len(infos):,} files (the limit is {MAX_ENTRIES:,})")
            worksheets = _worksheets(handle, archive)
            declared = sum(info.file_size for info in infos)
            if declared > MAX_TOTAL_BYTES:
                raise UnsafeArchive(
                    f"the archive unpacks to {_mb(declared)} (the limit is {_mb(MAX_TOTAL_BYTES)} in all)"
                )
            for info in infos:
                _check_size(info, info.file_size, info.filename in worksheets)
            unpacked = 0
            formulas = False
            for info in infos:
                read, found = _read_part(
                    handle, info, info.filename in worksheets, MAX_TOTAL_BYTES - unpacked
                )
                unpacked += read
                formulas = formulas or found
            return ArchiveFacts(entries=len(infos), unpacked=unpacked, formulas=formulas)


def _open_regular(path: Path) -> BinaryIO:
    """`path` opened for reading if it is a regular file no larger than MAX_FILE_BYTES.

    Checked before opening, because opening a FIFO waits for a writer forever
    and a device such as /dev/zero never ends; opened with O_NONBLOCK and
    checked again on the descriptor, in case the path was swapped between.
    """
    _check_regular(os.stat(path))
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        _check_regular(os.fstat(fd))
    except BaseException:
        os.close(fd)
        raise
    return open(fd, "rb")  # noqa: SIM115 - the caller's with-block closes it


def _check_regular(info: os.stat_result) -> None:
    if not stat.S_ISREG(info.st_mode):
        raise UnsafeArchive("this is not a regular file (a pipe, a device or a folder); it was not opened")
    if info.st_size > MAX_FILE_BYTES:
        raise UnsafeArchive(f"the file is {_mb(info.st_size)} (the limit is {_mb(MAX_FILE_BYTES)})")


def _check_directory(handle: BinaryIO) -> None:
    """Refuse a central directory too big to read, from the end record alone."""
    handle.seek(0, 2)
    size = handle.tell()
    length = min(size, 22 + 0xFFFF)  # the end record and the longest comment
    handle.seek(size - length)
    tail = handle.read(length)
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or len(tail) - at < 22:
        return  # not a zip: zipfile says so
    entries, directory = struct.unpack("<10xHL6x", tail[at : at + 22])
    if (
        (entries == 0xFFFF or directory == 0xFFFFFFFF)
        and at >= 20
        and tail[at - 20 : at - 16] == b"PK\x06\x07"
    ):
        (record_at,) = struct.unpack("<8xQ4x", tail[at - 20 : at])
        handle.seek(record_at)
        record = handle.read(56)
        if len(record) == 56 and record[:4] == b"PK\x06\x06":
            entries, directory = struct.unpack("<32xQQ8x", record)
    if entries > MAX_ENTRIES:
        raise UnsafeArchive(f"the archive lists {entries:,} files (the limit is {MAX_ENTRIES:,})")
    if directory > MAX_DIRECTORY_BYTES:
        raise UnsafeArchive(
            f"the archive's directory is {_mb(directory)} (the limit is {_mb(MAX_DIRECTORY_BYTES)})"
        )


def _worksheets(handle: BinaryIO, archive: zipfile.ZipFile) -> set[str]:
    """The parts the manifest declares as worksheets: openpyxl streams these, so they may be large."""
    try:
        info = archive.getinfo(MANIFEST)
    except KeyError:
        return set()  # not a workbook; openpyxl says so
    if info.file_size > MAX_MANIFEST_BYTES:
        raise UnsafeArchive(f"{MANIFEST} is {_mb(info.file_size)} (the limit is {_mb(MAX_MANIFEST_BYTES)})")
    data = b"".join(_inflated(handle, info))
    if _DOCTYPE.search(data):
        raise UnsafeArchive(f"{MANIFEST} declares a DOCTYPE or entities, which no workbook has")
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError:
        return set()
    return {
        override.get("PartName", "").lstrip("/")
        for override in root.iter(f"{_TYPES_NS}Override")
        if override.get("ContentType") == WORKSHEET_TYPE
    }


def _inflated(handle: BinaryIO, info: zipfile.ZipInfo) -> Iterator[bytes]:
    """The part's bytes, a chunk at a time, inflated here rather than by zipfile.

    zipfile cuts a part off at its declared size but inflates as much as
    one read asks for first, and openpyxl reads small parts whole: a styles
    part that declares 5 KB, carries that prefix's CRC and inflates on to a
    gigabyte would pass zipfile's checks and take the gigabyte.  Here the
    stream must end exactly at the declared size, CRC included.
    """
    if info.flag_bits & 0x1:
        raise UnsafeArchive(f"{info.filename} is encrypted")
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        raise UnsafeArchive(f"{info.filename} is packed with a method spreadsheet programs do not use")
    handle.seek(info.header_offset)
    local = handle.read(30)
    if len(local) < 30 or local[:4] != b"PK\x03\x04":
        raise zipfile.BadZipFile(f"{info.filename}: bad local header")
    name_length, extra_length = struct.unpack("<26xHH", local)
    handle.seek(info.header_offset + 30 + name_length + extra_length)
    inflater = zlib.decompressobj(-zlib.MAX_WBITS) if info.compress_type == zipfile.ZIP_DEFLATED else None
    packed_left = info.compress_size
    size = crc = 0
    pending = b""
    while True:
        if not pending:
            if packed_left <= 0:
                break
            pending = handle.read(min(CHUNK, packed_left))
            if not pending:
                raise zipfile.BadZipFile(f"{info.filename}: the archive ends inside it")
            packed_left -= len(pending)
        if inflater is None:
            chunk, pending = pending, b""
        else:
            chunk = inflater.decompress(pending, CHUNK)
            pending = inflater.unconsumed_tail
        size += len(chunk)
        if size > info.file_size:
            raise UnsafeArchive(
                f"{info.filename} unpacks to more than the {info.file_size:,} bytes the archive declares for it"
            )
        crc = zlib.crc32(chunk, crc)
        if chunk:
            yield chunk
        if inflater is not None and inflater.eof:
            break
    if size != info.file_size or crc != info.CRC:
        raise zipfile.BadZipFile(f"{info.filename}: its data does not match its size and CRC")


def _check_size(info: zipfile.ZipInfo, size: int, worksheet: bool) -> None:
    if not worksheet and size > MAX_PART_BYTES:
        raise UnsafeArchive(
            f"{info.filename} unpacks to more than {_mb(MAX_PART_BYTES)} "
            f"(the limit for a part other than a worksheet)"
        )
    if size > RATIO_GRACE and size > MAX_RATIO * max(info.compress_size, 1):
        raise UnsafeArchive(
            f"{info.filename} unpacks to more than {MAX_RATIO} times its packed size "
            f"({_mb(size)} from {info.compress_size:,} bytes; the limit is {MAX_RATIO}:1)"
        )


def _read_part(handle: BinaryIO, info: zipfile.ZipInfo, worksheet: bool, budget: int) -> tuple[int, bool]:
    """Unpack one part in chunks, applying the limits to what is actually read.

    Plain byte searches with a literal start, not one regex over every "<":
    this pass reads the whole workbook again and should cost a fraction of
    openpyxl's own reading (0.5 s for the 153 MB of a 100,000-row export,
    most of it inflating; one regex over every "<" took 1.4 s more).
    """
    read = 0
    formula: re.Pattern[bytes] | None = None
    found_formula = False
    row_tag = b""
    row_at = 0  # where the last worksheet row (or the part) began
    tail = b""
    for chunk in _inflated(handle, info):
        read += len(chunk)
        if read > budget:
            raise UnsafeArchive(f"the archive unpacks to more than {_mb(MAX_TOTAL_BYTES)} (the limit in all)")
        _check_size(info, read, worksheet)
        window = tail + chunk
        if _DOCTYPE.search(window):
            raise UnsafeArchive(f"{info.filename} declares a DOCTYPE or entities, which no workbook has")
        if worksheet:
            if not row_tag:
                root = _ROOT.search(window)
                prefix = root.group(1) + b":" if root and root.group(1) else b""
                row_tag = b"<" + prefix + b"row"
                formula = re.compile(re.escape(b"<" + prefix + b"f") + rb"[\s/>]")
            if not found_formula and formula is not None:
                found_formula = formula.search(window) is not None
            last_row = _last_tag(window, row_tag)
            if last_row >= 0:
                row_at = max(row_at, read - len(window) + last_row)
            if read - row_at > MAX_ROW_BYTES:
                raise UnsafeArchive(
                    f"{info.filename} has a row of more than {_mb(MAX_ROW_BYTES)} (the limit for one row)"
                )
        tail = window[-_OVERLAP:]
    return read, found_formula


def _last_tag(window: bytes, tag: bytes) -> int:
    """Where the last `tag` element starts in `window` (not a longer name such as rowBreaks), or -1."""
    end = len(window)
    while (at := window.rfind(tag, 0, end)) >= 0:
        after = at + len(tag)
        if after < len(window) and window[after] in _TAG_ENDS:
            return at
        end = at
    return -1


def _mb(size: int) -> str:
    return f"{size / MB:,.0f} MB" if size >= 10 * MB else f"{size / MB:,.1f} MB"
