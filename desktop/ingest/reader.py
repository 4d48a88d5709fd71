"""Read an article file from disk into a SourceText, or say plainly why not.

Plain-text files are decoded exactly as ``decode()`` in the shared score tool
(``shared/tools/score_claims.py``) decodes them, so for a file with ``\\n`` line
endings every offset into ``SourceText.text`` is also an offset into the
scorer's text:

* a UTF-8 byte-order mark means UTF-8 (``utf-8-sig``), the mark removed;
* a UTF-16 byte-order mark (either order) means UTF-16 (``utf-16``);
* otherwise UTF-8 when the bytes are valid UTF-8, else GB18030 (which also
  reads GBK and GB2312 files).

Line endings are then normalised to ``\\n``.  A lone ``\\r`` becomes ``\\n``
and keeps every offset; ``\\r\\n`` becomes one character, so in a file with
CRLF endings offsets refer to the normalised text and run ahead of the
scorer's by one for every CRLF before them.

``.docx`` files are read through python-docx: the body's paragraphs, and the
paragraphs of its tables in document order, joined by ``\\n``.  Headers,
footers and text boxes are page furniture and are left out.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path

import docx
from docx.opc.exceptions import OpcError
from docx.table import Table
from docx.text.paragraph import Paragraph

from desktop.ingest.model import SourceText

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown"})
DOCX_SUFFIX = ".docx"
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | {DOCX_SUFFIX}

# Articles are a few tens of kilobytes (a .docx with photos a few MB);
# anything this big is not an article, and reading it whole would stall the import.
MAX_FILE_BYTES = 64 * 1024 * 1024

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
# A wrong encoding garbles a file from its first line on, so the start of the
# text is evidence enough; scanning all of a 1 MB file would double the time.
_PLAUSIBILITY_SAMPLE = 100_000

_UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


class ReadError(Exception):
    """A file that cannot be read as an article.

    `reason` is a sentence for the editor; `kind` is a stable keyword for code
    (and for translating the reason later): missing, directory, unsupported,
    unreadable, too_large, empty, binary, undecodable or corrupt.
    """

    def __init__(self, path: Path, reason: str, kind: str) -> None:
        # All three go to Exception so the error pickles (a worker process
        # can hand it back to the window).
        super().__init__(path, reason, kind)
        self.path = path
        self.reason = reason
        self.kind = kind

    def __str__(self) -> str:
        return f"{self.path.name}: {self.reason}"


def read_file(path: Path) -> SourceText:
    """Read one .txt/.md/.docx file; raise ReadError when it is not a usable article."""
    path = Path(path)
    if not path.exists():
        raise ReadError(path, "file not found", "missing")
    if path.is_dir():
        raise ReadError(path, "is a folder, not a file", "directory")
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise ReadError(path, _unsupported_reason(suffix), "unsupported")
    raw = _read_bytes(path)
    if suffix == DOCX_SUFFIX:
        text, encoding = _docx_text(raw, path), "docx"
    else:
        text, encoding = _decode(raw, path)
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


def _read_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            limit = MAX_FILE_BYTES // (1024 * 1024)
            raise ReadError(
                path,
                f"too large for an article ({size / (1024 * 1024):.0f} MB, limit {limit} MB)",
                "too_large",
            )
        raw = path.read_bytes()
    except OSError as err:
        raise ReadError(path, f"cannot read the file ({err.strerror or err})", "unreadable") from err
    if not raw:
        raise ReadError(path, "the file is empty", "empty")
    return raw


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
        sample = text[:_PLAUSIBILITY_SAMPLE]
        unlikely = len(_UNLIKELY_IN_CHINESE.findall(sample))
        if unlikely > _MAX_UNLIKELY_SHARE * len(sample):
            reason = (
                "cannot tell the encoding: read as GB18030 it gives many characters Chinese text does not use "
                "(Big5 and Japanese encodings are not supported; save the file as UTF-8)"
            )
            raise ReadError(path, reason, "undecodable")
    return text, encoding


def _strict(raw: bytes, codec: str, path: Path, reason: str, skip: int = 0) -> str:
    try:
        return raw[skip:].decode(codec)
    except UnicodeDecodeError as err:
        where = skip + err.start
        raise ReadError(path, f"cannot decode: {reason} (first bad byte at {where})", "undecodable") from None


def _docx_text(raw: bytes, path: Path) -> str:
    package = io.BytesIO(raw)
    # python-docx says only "Package not found" for anything that is not a
    # zip; check first so the editor learns what is actually wrong.
    if not zipfile.is_zipfile(package):
        raise ReadError(path, "not a Word document: the file is not a .docx (zip) package", "corrupt")
    try:
        document = docx.Document(package)
        return "\n".join(_block_texts(document.iter_inner_content(), set()))
    except (OpcError, KeyError, ValueError, zipfile.BadZipFile, SyntaxError) as err:
        # KeyError: a zip without Word's parts; ValueError: another Office
        # type (say .xlsx) renamed; SyntaxError: lxml on broken XML.
        raise ReadError(path, f"not a Word document, or a damaged one ({err})", "corrupt") from None


def _block_texts(blocks: Iterator[Paragraph | Table], seen_cells: set[object]) -> Iterator[str]:
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
    return f"unsupported file type '{suffix}'; FactDesk reads {supported}"
