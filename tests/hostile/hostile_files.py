"""Makers of hostile input files, written into a test's tmp_path on demand.

Nothing here is committed as data: a decompression bomb is a few megabytes
that claim (or hide) gigabytes, and every maker builds its file in well under
a second, so a test pays only for the file it uses.

The zip writer is our own (a few struct calls) because zipfile can neither
store an already-deflated stream nor declare sizes that are not true, and a
bomb needs both.
"""

from __future__ import annotations

import io
import os
import struct
import zlib
from dataclasses import dataclass
from pathlib import Path

import docx

MB = 1024 * 1024

ARTICLE = "滨州日报讯 9月13日，全市新增企业1250家，同比增长12.5%。\n“健康滨州”建设全面推进。\n"

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_DOCUMENT_HEAD = (
    f"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n<w:document xmlns:w=\"{_W}\"><w:body>"
).encode()
_DOCUMENT_TAIL = b"</w:body></w:document>"


@dataclass(frozen=True)
class ZipEntry:
    name: str
    deflated: bytes  # a raw deflate stream (no zlib header)
    crc: int
    size: int  # what the archive declares as the uncompressed size


def deflated_entry(name: str, data: bytes) -> ZipEntry:
    packer = zlib.compressobj(6, zlib.DEFLATED, -15)
    return ZipEntry(name, packer.compress(data) + packer.flush(), zlib.crc32(data), len(data))


def write_zip(path: Path, entries: list[ZipEntry]) -> Path:
    """A plain zip (deflate, no data descriptors, no zip64) with exactly the sizes given."""
    body = io.BytesIO()
    directory = io.BytesIO()
    for entry in entries:
        name = entry.name.encode()
        offset = body.tell()
        fields = (20, 0x800, 8, 0, 0x21, entry.crc, len(entry.deflated), entry.size, len(name))
        body.write(struct.pack("<4s5H3L2H", b"PK\x03\x04", *fields, 0) + name + entry.deflated)
        directory.write(struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 20, *fields, 0, 0, 0, 0, 0, offset) + name)
    central = directory.getvalue()
    count = len(entries)
    end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, count, count, len(central), body.tell(), 0)
    path.write_bytes(body.getvalue() + central + end)
    return path


def _template_parts(skip: str = "word/document.xml") -> list[ZipEntry]:
    """Every part of python-docx's blank document but `skip`: a package Word would open."""
    import zipfile

    buffer = io.BytesIO()
    docx.Document().save(buffer)
    with zipfile.ZipFile(buffer) as archive:
        return [deflated_entry(i.filename, archive.read(i)) for i in archive.infolist() if i.filename != skip]


def docx_with_document_xml(path: Path, document_xml: bytes) -> Path:
    return write_zip(path, [*_template_parts(), deflated_entry("word/document.xml", document_xml)])


def paragraphs_xml(texts: list[str]) -> bytes:
    runs = "".join(f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>" for text in texts)
    return _DOCUMENT_HEAD + runs.encode() + _DOCUMENT_TAIL


def docx_bomb(
    path: Path, packed_mb: float, *, declared_size: int | None = None, true_crc: bool = False
) -> Path:
    """A .docx whose document.xml is one text run of about 1,000x `packed_mb` megabytes.

    Each megabyte of '1's deflates to the same 1,038 bytes once the
    compressor is flushed between them (Z_FULL_FLUSH forgets the history), so
    the stream is one unit repeated: no gigabyte is ever compressed here.
    The CRC is only computed (about 0.6 s per GB) for small bombs or when
    `true_crc` asks for it: a reader that checks sizes first never reads far
    enough to compare it, and one that does not has blown its memory by then.
    `declared_size` makes the archive lie about the uncompressed size.
    """
    chunk = b"1" * MB
    opening = _DOCUMENT_HEAD + b"<w:p><w:r><w:t>"
    closing = b"</w:t></w:r></w:p>" + _DOCUMENT_TAIL
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    head = packer.compress(opening) + packer.flush(zlib.Z_FULL_FLUSH)
    unit = packer.compress(chunk) + packer.flush(zlib.Z_FULL_FLUSH)
    tail = packer.compress(closing) + packer.flush()
    copies = max(1, int(packed_mb * MB) // len(unit))
    crc = 0
    if true_crc or copies <= 64:
        crc = zlib.crc32(opening)
        for _ in range(copies):
            crc = zlib.crc32(chunk, crc)
        crc = zlib.crc32(closing, crc)
    size = len(opening) + copies * MB + len(closing)
    bomb = ZipEntry("word/document.xml", head + unit * copies + tail, crc, declared_size or size)
    return write_zip(path, [*_template_parts(), bomb])


def docx_xml_flood(path: Path, xml_mb: int) -> Path:
    """A small .docx (1/200 of `xml_mb`) whose document.xml is `xml_mb` MB of copy, three claims a paragraph."""
    # Ten paragraphs over and over: copy pasted many times compresses this well.
    texts = [f"全市新增企业{1000 + i * 7}家，同比增长{i}.{i}%，投资{i * 13}亿元。" for i in range(10)]
    one_round = len(paragraphs_xml(texts)) - len(_DOCUMENT_HEAD) - len(_DOCUMENT_TAIL)
    return docx_with_document_xml(path, paragraphs_xml(texts * (xml_mb * MB // one_round + 1)))


def zip_directory_flood(path: Path, entries: int, *, declared_count: int | None = None) -> Path:
    """A zip whose central directory lists `entries` copies of one tiny part.

    The records are identical bytes, so the file is built by repetition;
    zipfile still makes one ZipInfo per record when it opens the archive.
    The end record's count is `declared_count` (a liar) or the true one,
    capped at the 65,535 a plain zip can say.
    """
    part = deflated_entry("word/document.xml", paragraphs_xml([ARTICLE]))
    write_zip(path, [part])
    raw = path.read_bytes()
    start = raw.find(b"PK\x01\x02")
    end = raw.find(b"PK\x05\x06")
    record = raw[start:end]
    central = record * entries
    count = min(entries, 0xFFFF) if declared_count is None else declared_count
    tail = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, count, count, len(central), start, 0)
    path.write_bytes(raw[:start] + central + tail)
    return path


def digits_text(path: Path, mb: int) -> Path:
    """`mb` megabytes of ASCII digits in lines of 80: the worst case for a number finder."""
    line = b"1234567890" * 8 + b"\n"
    block = line * (MB // len(line) + 1)
    with path.open("wb") as out:
        for _ in range(mb):
            out.write(block[:MB])
    return path


def chinese_text(path: Path, mb: float) -> Path:
    """About `mb` megabytes of UTF-8 article text, numbers in every sentence."""
    sentence = ARTICLE.encode()
    path.write_bytes(sentence * (int(mb * MB) // len(sentence) + 1))
    return path


def non_utf8_name(folder: Path) -> Path:
    """A good article whose file name is GBK bytes (中文.txt), not valid UTF-8."""
    name = os.fsdecode("中文稿件.txt".encode("gbk"))
    path = folder / name
    path.write_bytes(ARTICLE.encode("gbk"))
    return path


def fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


def symlink(path: Path, target: str | Path) -> Path:
    path.symlink_to(target)
    return path


def untraversable(folder: Path) -> Path:
    """A good file inside a folder nobody may enter (chmod 000); root still can."""
    folder.mkdir()
    inside = folder / "inside.txt"
    inside.write_bytes(ARTICLE.encode())
    folder.chmod(0)
    return inside
