"""Read an article file from disk into a SourceText, or say plainly why not.

Plain-text files are decoded exactly as ``decode()`` in the shared score tool
(``shared/tools/score_claims.py``) decodes them, so for a file with ``\\n`` line
endings every offset into ``SourceText.text`` is also an offset into the
scorer's text:

* a UTF-8 byte-order mark means UTF-8 (``utf-8-sig``), the mark removed;
* a UTF-16 byte-order mark (either order) means UTF-16 (``utf-16``);
* otherwise UTF-8 when the bytes are valid UTF-8, else GB18030 (which also
  reads GBK and GB2312 files).

A GB18030 reading is then checked for being Chinese at all: GB18030 maps
nearly any bytes to characters, so Japanese (Shift-JIS, EUC-JP) and Big5
files would otherwise come in as plausible-looking nonsense.

Line endings are then normalised to ``\\n``.  A lone ``\\r`` becomes ``\\n``
and keeps every offset; ``\\r\\n`` becomes one character, so in a file with
CRLF endings offsets refer to the normalised text and run ahead of the
scorer's by one for every CRLF before them.

``.docx`` files are read through python-docx: the body's paragraphs, and the
paragraphs of its tables in document order, joined by ``\\n``.  Headers,
footers and text boxes are page furniture and are left out.

Whatever is on disk, reading one path ends in a SourceText or a ReadError,
within bounded time and memory (see the limits below): only regular files are
opened, never a pipe or a device; a file is read up to its limit and no
further; a .docx is checked against what its zip says it holds, and against
what it really inflates to, before python-docx sees it.
"""

from __future__ import annotations

import errno
import io
import os
import re
import stat
import struct
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.ingest.model import SourceText

if TYPE_CHECKING:
    from docx.table import Table
    from docx.text.paragraph import Paragraph

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown"})
DOCX_SUFFIX = ".docx"
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | {DOCX_SUFFIX}

_MB = 1024 * 1024

# Limits.  An article is a few thousand characters and a newspaper page a few
# tens of thousands; a whole issue in one file is a few hundred thousand.
# Two million characters is far past any of those and still processed in
# well under a minute, so anything longer is not an article.
MAX_TEXT_CHARS = 2_000_000
# A character takes at most four bytes in UTF-8, UTF-16 and GB18030, so a
# text file larger than this cannot hold fewer than MAX_TEXT_CHARS characters
# and is refused unread.
MAX_TEXT_FILE_BYTES = 8 * _MB
# A .docx with photographs runs to a few MB; its text is bounded by the limits
# on what it unpacks to.
MAX_DOCX_FILE_BYTES = 64 * _MB
# What a .docx may unpack to.  Word's own parts are a few hundred KB; the XML
# of a 500-page book is under 10 MB.  Parsing XML costs about ten times its
# size in memory, so these keep the peak of reading one file far under 1 GB.
MAX_DOCX_PARTS = 10_000
MAX_DOCX_DIRECTORY_BYTES = 4 * _MB  # the zip's table of contents
MAX_DOCX_XML_PART_BYTES = 16 * _MB  # any one XML part, word/document.xml included
MAX_DOCX_XML_BYTES = 32 * _MB  # all XML parts together
MAX_DOCX_UNPACKED_BYTES = 128 * _MB  # all parts together, pictures included

# The stable codes of ReadError.kind, for code and for translating reasons.
READ_ERROR_KINDS = (
    "missing",  # no such file
    "symlink_loop",  # symbolic links that lead back to themselves
    "permission",  # not allowed to open it, or to enter a folder on its path
    "directory",  # a folder, not a file
    "special",  # a named pipe, device or socket, never opened
    "unsupported",  # not .txt/.text/.md/.markdown/.docx
    "unreadable",  # any other failure of the operating system to read it
    "too_large",  # over one of the limits above
    "empty",  # no bytes, or only whitespace
    "binary",  # not text
    "undecodable",  # not Chinese text in UTF-8, UTF-16 or GB18030
    "corrupt",  # not a Word document, or a damaged one
)

# A text file may hold tab, line feed, vertical tab, form feed and carriage
# return; any other C0 control (or DEL) in quantity means binary data.
_NOT_CONTROL_BYTES = bytes(b for b in range(256) if not (b < 0x20 or b == 0x7F) or b in b"\t\n\x0b\x0c\r")
_MAX_CONTROL_SHARE = 0.01

# GB18030 maps nearly every byte sequence to some character, so a file in
# another encoding (Big5, EUC-JP, ...) or a binary file can "decode" without
# error.  What gives it away is a share of characters a Chinese news text does
# not use: private-use code points, kana, Greek and Cyrillic letters, box
# drawing, C1 controls, and the non-CJK supplementary planes.  Genuine GBK or
# GB18030 articles (the seeds, Traditional Chinese in GBK) score 0 here, Big5
# and EUC-JP text about 0.5.
_UNLIKELY_IN_CHINESE = re.compile(
    "[\x80-\x9f\u0370-\u04ff\u2500-\u257f\u3040-\u30ff\ue000-\uf8ff\ufffd"
    "\U00010000-\U0001ffff\U00040000-\U0010ffff]"
)
_MAX_UNLIKELY_SHARE = 0.1
# Shift-JIS slips past that test: its kana and kanji land on rare but real
# Chinese characters in GB18030.  Read as Shift-JIS instead, Japanese prose is
# a third kana and decodes cleanly, while Chinese in GBK breaks the Shift-JIS
# decoder every few dozen characters and gives under 2% kana (the seeds and
# the held-out pages, Traditional Chinese included).
_KANA = re.compile("[\u3041-\u30ff]")
_MIN_JAPANESE_KANA_SHARE = 0.05
# A wrong encoding garbles a file from its first line on, so the start of the
# text is evidence enough; scanning all of a 1 MB file would double the time.
_PLAUSIBILITY_SAMPLE = 100_000

_UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
# An encrypted Office file (and an old .doc) is an OLE compound file, not a zip.
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

# Open without waiting and without side effects: if the path is swapped for a
# FIFO between the stat and the open, O_NONBLOCK makes the open return at once
# (the fstat after it then refuses it), and O_NOCTTY keeps a terminal from
# becoming ours.  Windows has neither flag but needs O_BINARY.
_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)
_READ_CHUNK = _MB


class ReadError(Exception):
    """A file that cannot be read as an article.

    `reason` is one English sentence for the editor; `kind` is a stable code
    from READ_ERROR_KINDS for code (and for translating the reason later).
    """

    def __init__(self, path: Path, reason: str, kind: str) -> None:
        # All three go to Exception so the error pickles (a worker process
        # can hand it back to the window).
        super().__init__(path, reason, kind)
        self.path = path
        self.reason = reason
        self.kind = kind

    def __str__(self) -> str:
        return f"{display_name(self.path)}: {self.reason}"


def display_name(path: Path | str) -> str:
    """The file's name, printable whatever bytes it is made of."""
    return display_path(Path(path).name)


def display_path(path: Path | str) -> str:
    """A path as text that can always be printed or stored.

    A name that is not valid UTF-8 (a GBK name from a Windows share, say)
    reaches Python with its bad bytes as lone surrogates, which no UTF-8
    terminal, JSON file or SQLite database accepts; they are shown as
    backslash escapes (``\\xd6\\xd0``) instead.
    """
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def read_file(path: Path) -> SourceText:
    """Read one .txt/.md/.docx file; raise ReadError when it is not a usable article."""
    path = Path(path)
    suffix = path.suffix.lower()
    limit = MAX_DOCX_FILE_BYTES if suffix == DOCX_SUFFIX else MAX_TEXT_FILE_BYTES
    raw = _read_bytes(path, suffix, limit)
    if suffix == DOCX_SUFFIX:
        text, encoding = _docx_text(raw, path), "docx"
    else:
        text, encoding = _decode(raw, path)
    del raw  # the bytes of a large file are not kept alongside its text
    if len(text) > MAX_TEXT_CHARS:
        reason = f"too long for an article ({len(text):,} characters of text, limit {MAX_TEXT_CHARS:,})"
        raise ReadError(path, reason, "too_large")
    text, dropped = normalise_newlines_mapped(text)
    # isspace() stops at the first visible character; strip() would copy the text.
    if not text or text.isspace():
        raise ReadError(path, "the file has no text, only whitespace", "empty")
    return SourceText(path=path, text=text, encoding=encoding, dropped_cr=dropped)


def read_files(paths: Iterable[Path]) -> tuple[list[SourceText], list[ReadError]]:
    """Read every file it can; a bad file is reported, never a reason to stop."""
    sources: list[SourceText] = []
    errors: list[ReadError] = []
    for path in paths:
        try:
            sources.append(read_file(path))
        except ReadError as err:
            errors.append(err)
    return sources, errors


def normalise_newlines(text: str) -> str:
    if "\r" not in text:  # the usual case; saves copying the text twice
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def normalise_newlines_mapped(text: str) -> tuple[str, tuple[int, ...]]:
    """Normalise line endings and say where a CRLF lost its CR.

    The returned positions index the normalised text; SourceText uses them to
    turn an offset back into one in the decoded file, so that a span reported
    for a Windows file still points at its text there.
    """
    if "\r\n" not in text:
        return normalise_newlines(text), ()
    dropped: list[int] = []
    removed = 0
    search_from = 0
    while (found := text.find("\r\n", search_from)) >= 0:
        dropped.append(found - removed)
        removed += 1
        search_from = found + 2
    return normalise_newlines(text), tuple(dropped)


# -- the bytes on disk ---------------------------------------------------------


def _read_bytes(path: Path, suffix: str, limit: int) -> bytes:
    """The whole file, if it is a regular file of a supported type within `limit` bytes."""
    try:
        info = os.stat(path)
    except OSError as err:
        raise _os_refusal(path, err) from None
    if stat.S_ISDIR(info.st_mode):
        reason = "is a folder, not a file; name the files in it (for example folder/*.txt)"
        raise ReadError(path, reason, "directory")
    if suffix not in SUPPORTED_SUFFIXES:
        raise ReadError(path, _unsupported_reason(suffix), "unsupported")
    # Refused before it is opened: opening a FIFO waits for a writer, and
    # opening a device can do things (a tape rewinds).
    _check_regular(path, info, limit)
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except OSError as err:
        raise _os_refusal(path, err) from None
    with open(fd, "rb") as file:
        try:
            # The path may have been replaced since the stat: what counts is
            # what was opened.
            opened = os.fstat(fd)
            _check_regular(path, opened, limit)
            # Never more than limit + 1 bytes, even from a file that grows
            # while it is read or whose size the stat got wrong (some
            # filesystems report 0 for files made on the fly).  Asking for
            # the stat's size first spares a small file a limit-sized buffer.
            want = min(opened.st_size, limit) + 1
            raw = file.read(want)
            if len(raw) == want <= limit:
                raw += file.read(limit + 1 - want)
        except OSError as err:
            raise _os_refusal(path, err) from None
    if len(raw) > limit:
        raise ReadError(
            path, f"too large for an article (over {_mb(limit)}, limit {_mb(limit)})", "too_large"
        )
    if not raw:
        raise ReadError(path, "the file is empty", "empty")
    return raw


def _check_regular(path: Path, info: os.stat_result, limit: int) -> None:
    if not stat.S_ISREG(info.st_mode):
        raise ReadError(
            path, f"not a regular file ({_special_type(info.st_mode)}); it was not opened", "special"
        )
    if info.st_size > limit:
        reason = f"too large for an article ({_mb(info.st_size)}, limit {_mb(limit)})"
        raise ReadError(path, reason, "too_large")


def _special_type(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a file with contents"


def _os_refusal(path: Path, err: OSError) -> ReadError:
    """One sentence for what the operating system said, without Python's wording."""
    code = err.errno
    if code == errno.ENOENT:
        if os.path.islink(path):
            return ReadError(path, "a symbolic link to something that does not exist", "missing")
        return ReadError(path, "file not found", "missing")
    if code == errno.ENOTDIR:
        return ReadError(path, "file not found (a part of the path is not a folder)", "missing")
    if code == errno.ELOOP:
        return ReadError(path, "a loop of symbolic links that never reaches a file", "symlink_loop")
    if code in (errno.EACCES, errno.EPERM):
        return ReadError(path, "permission denied (to the file, or to a folder on its path)", "permission")
    if code == errno.ENAMETOOLONG:
        return ReadError(path, "the path is too long for the operating system", "unreadable")
    detail = os.strerror(code) if code else "unknown error"
    return ReadError(path, f"cannot read the file ({detail})", "unreadable")


def _mb(size: int) -> str:
    if size < _MB:
        return f"{size:,} bytes"
    if size >= 1024 * _MB:
        return f"{size / (1024 * _MB):,.1f} GB"
    if size % _MB == 0 or size >= 10 * _MB:
        return f"{size / _MB:,.0f} MB"
    return f"{size / _MB:.1f} MB"


# -- plain text ----------------------------------------------------------------


def _decode(raw: bytes, path: Path) -> tuple[str, str]:
    """Decode a text file's bytes as the score tool does; return (text, encoding)."""
    if raw.startswith(_UTF8_BOM):
        reason = "not valid UTF-8 although it starts with a UTF-8 mark"
        text = _strict(raw, "utf-8", path, reason, skip=len(_UTF8_BOM))
        encoding = "utf-8-sig"
    elif raw.startswith(_UTF16_BOMS):
        text = _strict(raw, "utf-16", path, "not valid UTF-16 although it starts with a UTF-16 mark")
        encoding = "utf-16"
    else:
        # NUL never occurs in UTF-8 or GB18030 text; UTF-16 without a mark is
        # full of it, and its byte order cannot be told reliably.
        if b"\x00" in raw:
            reason = "not a text file (it contains NUL bytes; a UTF-16 file needs a byte-order mark)"
            raise ReadError(path, reason, "binary")
        try:
            text, encoding = raw.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            text = _strict(raw, "gb18030", path, "the text is neither UTF-8 nor GB18030/GBK")
            encoding = "gb18030"
    # Control characters are single bytes in UTF-8 and GB18030, so counting
    # them in the bytes (fast) is counting them in the text.
    encoded = text.encode("utf-8") if encoding == "utf-16" else raw
    controls = len(encoded.translate(None, _NOT_CONTROL_BYTES))
    if controls > _MAX_CONTROL_SHARE * len(text):
        raise ReadError(path, f"not a text file ({controls} control characters in {len(text)})", "binary")
    if encoding == "gb18030":
        _check_chinese(raw, text, path)
    return text, encoding


def _check_chinese(raw: bytes, text: str, path: Path) -> None:
    """Refuse a GB18030 reading that is not Chinese, naming the encoding when it can be told."""
    if _looks_like_shift_jis(raw[:_PLAUSIBILITY_SAMPLE]):
        raise ReadError(path, _foreign_reason("Japanese text in Shift-JIS"), "undecodable")
    sample = text[:_PLAUSIBILITY_SAMPLE]
    unlikely = len(_UNLIKELY_IN_CHINESE.findall(sample))
    if unlikely <= _MAX_UNLIKELY_SHARE * len(sample):
        return
    # GB2312 and EUC-JP share their kana rows, so EUC-JP comes out as kana.
    if len(_KANA.findall(sample)) > _MAX_UNLIKELY_SHARE * len(sample):
        raise ReadError(path, _foreign_reason("Japanese text in EUC-JP"), "undecodable")
    if _decodes_as(raw[:_PLAUSIBILITY_SAMPLE], "big5"):
        raise ReadError(path, _foreign_reason("Traditional Chinese in Big5"), "undecodable")
    reason = (
        "cannot tell the encoding: read as GB18030 it gives many characters Chinese text does not use "
        "(Big5 and Japanese encodings are not supported; save the file as UTF-8)"
    )
    raise ReadError(path, reason, "undecodable")


def _looks_like_shift_jis(sample: bytes) -> bool:
    japanese = sample.decode("cp932", "replace")
    # One replacement character is allowed: the sample may end inside a character.
    if japanese.count("\ufffd") > 1:
        return False
    non_ascii = len(japanese) - len(japanese.encode("ascii", "ignore"))
    return non_ascii > 0 and len(_KANA.findall(japanese)) >= _MIN_JAPANESE_KANA_SHARE * non_ascii


def _decodes_as(sample: bytes, codec: str) -> bool:
    return sample.decode(codec, "replace").count("\ufffd") <= 1


def _foreign_reason(what: str) -> str:
    return (
        f"the file looks like {what}; FactDesk reads Chinese text in UTF-8, UTF-16 or GB18030/GBK "
        "(save it as UTF-8)"
    )


def _strict(raw: bytes, codec: str, path: Path, reason: str, skip: int = 0) -> str:
    try:
        return raw[skip:].decode(codec)
    except UnicodeDecodeError as err:
        where = skip + err.start
        raise ReadError(path, f"cannot decode: {reason} (first bad byte at {where})", "undecodable") from None


# -- .docx -----------------------------------------------------------------------


def _docx_text(raw: bytes, path: Path) -> str:
    if raw.startswith(_OLE_MAGIC):
        reason = "not a .docx package: a password-protected Word file, or an old .doc renamed; save an unprotected .docx"
        raise ReadError(path, reason, "corrupt")
    package = io.BytesIO(raw)
    # python-docx says only "Package not found" for anything that is not a
    # zip; check first so the editor learns what is actually wrong.
    if not zipfile.is_zipfile(package):
        if raw.startswith(b"PK\x03\x04"):  # a zip's first part, but no end: a copy cut short
            raise ReadError(path, "the .docx is damaged: the file is cut short", "corrupt")
        raise ReadError(path, "not a Word document: the file is not a .docx (zip) package", "corrupt")
    _check_directory_size(raw, path)
    try:
        with zipfile.ZipFile(package) as archive:
            _check_docx_package(archive, path)
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        zlib.error,
        struct.error,
        EOFError,
        OSError,
        ValueError,
    ):
        raise ReadError(path, "the .docx is damaged: its zip data is broken", "corrupt") from None
    except (NotImplementedError, RuntimeError):
        # zipfile's words for an unsupported compression method and for an
        # encrypted entry.
        reason = "the .docx is encrypted or compressed in a way Word does not use"
        raise ReadError(path, reason, "corrupt") from None
    # python-docx (and lxml under it) is imported for the first .docx only:
    # it costs the window's start about 80 ms that a text file never needs.
    import docx

    try:
        document = docx.Document(io.BytesIO(raw))
        return "\n".join(_block_texts(document.iter_inner_content(), set()))
    except SyntaxError:  # lxml's XMLSyntaxError is one
        raise ReadError(path, "the .docx is damaged: its text is not well-formed XML", "corrupt") from None
    except Exception:
        # python-docx is not written for hostile packages and can fail in
        # many ways on one (KeyError, ValueError, OpcError, AttributeError,
        # ...); none of its messages helps an editor, and no package it
        # cannot read is worth stopping an import for.
        reason = "the .docx is damaged: its parts do not fit together as a Word document"
        raise ReadError(path, reason, "corrupt") from None


def _check_directory_size(raw: bytes, path: Path) -> None:
    """Refuse a zip whose table of contents is too big, before zipfile reads it.

    zipfile makes an object for every record of the central directory as it
    opens an archive, trusting the directory size in the end record: 50 MB of
    records is a million objects.  A docx has a few dozen.
    """
    end = raw.rfind(b"PK\x05\x06", max(0, len(raw) - 22 - 0xFFFF))
    if end < 0 or end + 22 > len(raw):
        return  # zipfile will say it is broken
    entries, size = struct.unpack_from("<2xH L", raw, end + 8)
    if entries == 0xFFFF or size == 0xFFFFFFFF:
        # Zip64: the real figures are in the zip64 end record its locator points at.
        locator = end - 20
        if locator >= 0 and raw.startswith(b"PK\x06\x07", locator):
            (record,) = struct.unpack_from("<Q", raw, locator + 8)
            if 0 <= record <= len(raw) - 56 and raw.startswith(b"PK\x06\x06", record):
                entries, size = struct.unpack_from("<2Q", raw, record + 32)
    if entries > MAX_DOCX_PARTS:
        reason = f"too large for an article (the .docx lists {entries:,} parts, limit {MAX_DOCX_PARTS:,})"
        raise ReadError(path, reason, "too_large")
    if size > MAX_DOCX_DIRECTORY_BYTES:
        reason = (
            f"too large for an article (the .docx's table of contents is {_mb(size)}, "
            f"limit {_mb(MAX_DOCX_DIRECTORY_BYTES)})"
        )
        raise ReadError(path, reason, "too_large")


def _check_docx_package(archive: zipfile.ZipFile, path: Path) -> None:
    """Refuse what a .docx unpacks to if it is too much, before python-docx unpacks it.

    The declared sizes are checked first, for free; then every part is
    inflated once, a chunk at a time and counted, because the sizes a zip
    declares are whatever its maker wrote.
    """
    parts = archive.infolist()
    if len(parts) > MAX_DOCX_PARTS:
        reason = f"too large for an article (the .docx holds {len(parts):,} parts, limit {MAX_DOCX_PARTS:,})"
        raise ReadError(path, reason, "too_large")
    names = {part.filename for part in parts}
    if "word/document.xml" not in names:
        raise ReadError(path, _not_word_reason(names), "corrupt")
    for part in parts:
        # Word writes deflate or nothing.  zipfile inflates bzip2 and LZMA in
        # one unbounded step per read, so a small chunk could become gigabytes.
        if part.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            reason = f"the .docx is compressed in a way Word does not use ({part.filename})"
            raise ReadError(path, reason, "corrupt")
    _check_unpacked_sizes(path, [(p.filename, p.file_size) for p in parts])
    actual = []
    for part in parts:
        with archive.open(part) as stream:
            size = 0
            # zipfile stops at the declared size; reading one byte past it
            # proves the data ends where the zip says it does.
            while chunk := stream.read(min(_READ_CHUNK, part.file_size - size + 1)):
                size += len(chunk)
                if size > part.file_size:
                    break
        actual.append((part.filename, size))
        if size != part.file_size:
            raise ReadError(path, "the .docx is damaged: a part is not the size the zip says", "corrupt")
    _check_unpacked_sizes(path, actual)


def _check_unpacked_sizes(path: Path, sizes: list[tuple[str, int]]) -> None:
    xml_total = 0
    for name, size in sizes:
        if not name.endswith((".xml", ".rels")):
            continue
        xml_total += size
        if size > MAX_DOCX_XML_PART_BYTES:
            reason = (
                f"too large for an article ({name.rsplit('/', 1)[-1]} is {_mb(size)} uncompressed, "
                f"limit {_mb(MAX_DOCX_XML_PART_BYTES)})"
            )
            raise ReadError(path, reason, "too_large")
    if xml_total > MAX_DOCX_XML_BYTES:
        reason = (
            f"too large for an article (its XML parts are {_mb(xml_total)} uncompressed, "
            f"limit {_mb(MAX_DOCX_XML_BYTES)})"
        )
        raise ReadError(path, reason, "too_large")
    total = sum(size for _name, size in sizes)
    if total > MAX_DOCX_UNPACKED_BYTES:
        reason = f"too large for an article (the .docx unpacks to {_mb(total)}, limit {_mb(MAX_DOCX_UNPACKED_BYTES)})"
        raise ReadError(path, reason, "too_large")


def _not_word_reason(names: set[str]) -> str:
    if "xl/workbook.xml" in names:
        return "not a Word document: it is an Excel workbook renamed to .docx"
    if "ppt/presentation.xml" in names:
        return "not a Word document: it is a PowerPoint presentation renamed to .docx"
    if "content.xml" in names and "mimetype" in names:
        return "not a Word document: it is an OpenDocument file; save it as .docx"
    return "not a Word document: the zip holds no Word text (word/document.xml)"


def _block_texts(blocks: Iterator[Paragraph | Table], seen_cells: set[object]) -> Iterator[str]:
    from docx.text.paragraph import Paragraph  # loaded by _docx_text already

    for block in blocks:
        if isinstance(block, Paragraph):
            yield block.text
            continue
        for row in block.rows:
            for cell in row.cells:
                # A merged cell is returned once per grid position it covers;
                # its text belongs in the output once.
                if cell._tc in seen_cells:
                    continue
                seen_cells.add(cell._tc)
                yield from _block_texts(cell.iter_inner_content(), seen_cells)


def _unsupported_reason(suffix: str) -> str:
    supported = ", ".join(sorted(SUPPORTED_SUFFIXES))
    if not suffix:
        return f"unsupported file type (no extension); FactDesk reads {supported}"
    if suffix == ".doc":
        return f"old Word format '.doc' is not supported; save it as .docx (FactDesk reads {supported})"
    return f"unsupported file type '{display_path(suffix)}'; FactDesk reads {supported}"
