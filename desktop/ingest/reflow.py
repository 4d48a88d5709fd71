"""Layout repair: page text as a PDF extractor left it -> paragraphs.

The text we get is a newspaper page flattened to lines: every column line ends
in a hard break, justified lines come out as ``9 月 13 日``, and a paragraph
that runs on into the next column often has a blank line in its middle.
`reflow` undoes that damage and returns the page's paragraphs, each with an
exact map from every character back to the decoded source.

How the layout is read
----------------------

* Width.  A line's width is measured in ems the way the page set it: a CJK
  character is 1, ASCII and CJK punctuation are 1/2 (Chinese typesetting
  compresses punctuation).  A line that reaches the width of its column is
  "full"; a paragraph's first line is indented by two ems.
* Wrapped pages (most lines sit in multi-line blocks, the Binzhou Daily pages)
  are read column by column: inside a block a line break is a wrap unless the
  line ends a sentence short of the column, or the next line is much wider (a
  headline over its deck).  A blank line is a real break unless the line
  before it is full and does not end a sentence and the next block does not
  start a new (indented) paragraph or look like a title.
* Unwrapped pages (one paragraph per line, the Liaocheng and Zaozhuang pages)
  only break a line in the middle of a sentence when it ran into the next
  column; such a line is joined to the next one when it does not end a
  sentence and neither side is a short, punctuation-free title line.
* Either way a few cues always join: a line ending in a comma, an enumeration
  comma or an opening bracket; a quote or bracket left open; a Latin word or
  address broken across the break; a next line that starts with a sentence
  fragment (``结合的服务方式。``).  Nothing is ever joined into a markdown
  heading, a dateline or a byline line.
* Spaces.  Whitespace at the ends of a line is layout.  A space between two
  Latin words (ASCII letters and digits, or any spaced script) is kept, as is
  a single space between two runs of CJK characters (``相约七夕 情定锦秋``,
  ``记者 丁春贵 李默``, a headline's two halves); every other space is layout:
  next to a digit or CJK punctuation, or in a justified run where single
  characters are spaced out (``分 别 完 成``).  A line break between two
  alphanumerics that are not both digits becomes one space, mapped to the
  newline it replaces; any other break simply disappears.

Invisible marks (see `LAYOUT_MARKS`: zero-width space, bidi marks, word
joiner, soft hyphen, a byte-order mark inside the text) are layout too: they
are taken out before the page is read, so they neither cut a number in two
(``1\u200b000万元`` reads ``1000万元``) nor count in a line's width, and the
offset map skips them the way it skips layout spaces.  The one exception is a
zero-width joiner or non-joiner between two characters of a script that
shapes with it (an emoji sequence, Devanagari, Persian), where it is content.

Markdown heading markers (the ``#`` run and an optional closing run) are page
syntax, not text: they are left out of `Paragraph.text`, the heading level is
kept in `Paragraph.heading`, and their source offsets are listed in
`Paragraph.markup` so that every source character stays accounted for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = [
    "BYLINE",
    "CREDIT_ROLE",
    "DATELINE",
    "LAYOUT_MARKS",
    "Paragraph",
    "display_width",
    "is_byline",
    "reflow",
]

# Format characters that draw nothing: soft hyphen, Arabic letter mark,
# zero-width space, non-joiner and joiner, left-to-right and right-to-left
# marks, bidi embeddings and overrides, word joiner and the invisible
# operators, bidi isolates, and the byte-order mark (inside a text it is a
# zero-width no-break space).  Copy pasted from web pages and word processors
# carries them anywhere, digits included; the claims parser ignores them too.
LAYOUT_MARKS = (
    "\u00ad\u061c\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\ufeff"
)
_LAYOUT_MARK = re.compile(f"[{LAYOUT_MARKS}]")
_JOINERS = "\u200c\u200d"


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph of a page after layout repair.

    `offsets[i]` is the index in the source text of ``text[i]``; offsets grow
    strictly.  A space that replaced a line break maps to that ``\\n``.
    `lines` counts the source lines the paragraph was built from and `width`
    is the widest of them in ems (see `display_width`); the segmenter reads
    both to tell titles from body text.  `heading` is the markdown heading
    level (0 when the paragraph is not a heading) and `markup` the source
    offsets of the heading's ``#`` markers, which are not part of `text`.
    """

    text: str
    offsets: tuple[int, ...]
    lines: int
    width: float
    heading: int = 0
    markup: tuple[int, ...] = ()


@dataclass(slots=True)
class _Line:
    text: str  # the content: whitespace at both ends and heading markers stripped
    start: int  # source offset of text[0]
    end: int  # source offset one past the content
    newline: int  # index of the "\n" that ends the line (len(source) for the last line)
    width: float
    heading: int
    markup: tuple[int, ...]
    block: int = 0  # number of the block (run of lines between blank lines)
    column: float = 0.0  # width of the widest line of that block


# Characters set at half an em: ASCII and the Latin/Greek/Cyrillic range, and
# the CJK punctuation that Chinese typesetting compresses.
_HALF_WIDTH = re.compile(r"[\x00-\u1fff“”‘’，。、；：！？（）《》「」『』【】〔〕]")
_WHITESPACE = re.compile(r"\s+")
_HEADING = re.compile(r"(#{1,6})[ \t\u3000]+(?=\S)")
# The optional closing run of a heading ("### 标题 ###") is found by
# `_closing_hashes`, from the end of the line: a pattern anchored at the end
# and searched from the start retried the spaces before it at every one of
# them (a heading line with 40,000 spaces took 12 s).
_HEADING_SPACE = " \t\u3000"

# A sentence (or a clause that introduces a list) ends here; closing quotes and
# brackets may follow the stop.
_TERMINAL_END = re.compile(r"[。！？!?；;：:…][”’」』）)》〕】\"']*$")
# Characters a figure is made of, so a spaced-out figure can be closed up.
_NUMBER_PART = re.compile(r"[0-9０-９.,．，]")
# A number cut from its unit by a blank line (达到356 / 项，): a paragraph
# never ends on a bare figure, so this is one sentence.
_NUMBER_TAIL = re.compile(r"(?<![0-9０-９])[0-9０-９]{1,6}(?:[.．][0-9０-９]*)?$")
_UNIT_HEAD = re.compile(r"[\u4e00-\u9fff%％‰]")
# The sentence goes on past the line break.
_OPEN_END = re.compile(r"[，、,（(“‘《「『【〔—]$")
_SENTENCE_PUNCT = re.compile(r"[。！？!?；;，,：:]")
# A next line that opens with a short sentence tail ("结合的服务方式。") is the
# end of a sentence begun above it, not a paragraph of its own; enumerations
# ("一是限病种。") are real paragraph starts.
_FRAGMENT_START = re.compile(
    r"(?![一二三四五六七八九十]是|首先|其次|最后|第[一二三四五六七八九十\d])"
    r"[^\s，。！？!?；;：:,、]{1,8}[。！？!?]"
)
_ASCII_TAIL = re.compile(r"[A-Za-z0-9@._/\-]$")
_ASCII_HEAD = re.compile(r"[A-Za-z0-9]")
_MARKS = re.compile(r"[“”（）《》()「」【】]")
_OPENERS_CLOSERS = (("“", "”"), ("（", "）"), ("《", "》"), ("(", ")"), ("「", "」"), ("【", "】"))

# Credits.  The segmenter reads these too: reflow never joins a line into a
# dateline or a byline, so both must agree on what one looks like.
CREDIT_ROLE = r"(?:本报|特约|见习|实习|首席)?(?:记者|通讯员|实习生|摄影记者|摄影)"
_NAME = r"[\u3400-\u9fff·]{2,4}"
# "滨州日报/滨州网讯（记者 … 报道）", "新华社北京9月13日电（记者 …）", "（通讯员 …）".
DATELINE = re.compile(
    rf"(?P<source>[^\s，。；：！？、,;:!?（）()]{{1,30}}?[讯电])?\s*"
    rf"[（(]\s*(?P<credit>{CREDIT_ROLE}[^（）()]{{0,60}}?)\s*[）)]"
)
# A credit on a line of its own: "(通讯员 孙泽龙)", "记者 陶春燕", "陶春燕 聊城报道".
BYLINE = re.compile(
    rf"[（(]\s*(?P<bracketed>{CREDIT_ROLE}[^（）()]{{1,40}}?)\s*[）)]"
    rf"|(?:{CREDIT_ROLE}[\s:：]+{_NAME}(?:[\s、，,]+{_NAME}){{0,5}}[\s、，,]*){{1,3}}"
    rf"|{_NAME}(?:[\s、]+{_NAME}){{0,3}}\s+[\u3400-\u9fff]{{1,8}}报道"
)
_CREDIT_HINT = re.compile(r"记者|通讯员|实习生|摄影|报道")
# A line that opens a dateline whose bracket closes on a later line.
_DATELINE_START = re.compile(rf"(?:[^\s，。；：！？、,;:!?（）()]{{1,30}}?[讯电])?\s*[（(]\s*{CREDIT_ROLE}")

# Wrapped-page tolerances, in ems: how far short of its column a line may end
# and still count as full, the indent of a paragraph's first line, and how much
# wider a next line must be to mark a headline sitting on its deck.
_FULL_TOLERANCE = 1.5
_INDENT = 2.0
_WIDER_LINE = 6.0
# Titles are short: no longer than this many ems.
_TITLE_WIDTH = 45.0


def display_width(text: str) -> float:
    """Width of `text` in ems: CJK characters 1, ASCII and CJK punctuation 1/2."""
    return len(text) - 0.5 * len(_HALF_WIDTH.findall(text))


def reflow(text: str) -> list[Paragraph]:
    """Split `text` into paragraphs, joining wrapped lines and dropping layout spaces."""
    visible, origin = _without_marks(text)
    paragraphs = _reflow(visible)
    if origin is None:
        return paragraphs
    return [
        Paragraph(
            paragraph.text,
            tuple(origin[offset] for offset in paragraph.offsets),
            paragraph.lines,
            paragraph.width,
            paragraph.heading,
            tuple(origin[offset] for offset in paragraph.markup),
        )
        for paragraph in paragraphs
    ]


def _without_marks(text: str) -> tuple[str, list[int] | None]:
    """`text` without its layout marks, and where each remaining character was (None: no marks).

    The map has one more entry than the text, for the end of the text.
    """
    if _LAYOUT_MARK.search(text) is None:  # the usual case: nothing to copy
        return text, None
    pieces: list[str] = []
    origin: list[int] = []
    position = 0
    for mark in _LAYOUT_MARK.finditer(text):
        at = mark.start()
        if text[at] in _JOINERS and _shaping(text[at - 1 : at]) and _shaping(text[at + 1 : at + 2]):
            continue  # 👨\u200d👩: the joiner is part of what is drawn; stays in the next piece
        pieces.append(text[position:at])
        origin.extend(range(position, at))
        position = at + 1
    pieces.append(text[position:])
    origin.extend(range(position, len(text) + 1))
    return "".join(pieces), origin


def _shaping(char: str) -> bool:
    """Can a joiner next to `char` mean something?  Not next to CJK, digits, ASCII, space or a mark."""
    return (
        bool(char)
        and char >= "\x80"
        and not char.isspace()
        and not char.isdigit()
        and char not in LAYOUT_MARKS
        and _kind(char) != 0
    )


def _reflow(text: str) -> list[Paragraph]:
    lines = _scan_lines(text)
    blocks = _blocks(lines)
    if not blocks:
        return []
    wrapped = _is_wrapped(blocks)
    pieces: list[list[_Line]] = []
    for block in blocks:
        if wrapped:
            pieces.extend(_split_block(block))
        else:
            pieces.extend([line] for line in block)

    paragraphs: list[list[_Line]] = [list(pieces[0])]
    # Quotes and brackets the current paragraph has opened and not closed,
    # kept as a running count so that a long paragraph is not rescanned.
    balance = _balance(pieces[0])
    for previous, piece in zip(pieces, pieces[1:], strict=False):
        current = paragraphs[-1]
        same_block = previous[-1].block == piece[0].block
        if (not wrapped or not same_block) and _joins(current, previous, piece, wrapped, balance):
            current.extend(piece)
            balance = [a + b for a, b in zip(balance, _balance(piece), strict=True)]
        else:
            paragraphs.append(list(piece))
            balance = _balance(piece)
    return [_render(text, paragraph) for paragraph in paragraphs]


def _balance(piece: list[_Line]) -> list[int]:
    marks = [mark for line in piece for mark in _MARKS.findall(line.text)]
    if not marks:
        return [0] * len(_OPENERS_CLOSERS)
    return [marks.count(opener) - marks.count(closer) for opener, closer in _OPENERS_CLOSERS]


def _scan_lines(text: str) -> list[_Line | None]:
    """One record per source line; None for a blank line."""
    lines: list[_Line | None] = []
    pos = 0
    for raw in text.split("\n"):
        newline = pos + len(raw)
        content = raw.strip()
        if not content:
            lines.append(None)
        else:
            start = pos if content[0] == raw[0] else pos + len(raw) - len(raw.lstrip())
            end = start + len(content)
            heading = 0
            markup: tuple[int, ...] = ()
            marker = _HEADING.match(text, start, end) if content[0] == "#" else None
            if marker is not None:
                heading = len(marker.group(1))
                hashes = list(range(marker.start(1), marker.end(1)))
                start = marker.end()
                closing = _closing_hashes(text, start, end)
                if closing is not None:
                    hashes.extend(range(closing, end))
                    end = closing - _spaces_before(text, start, closing)
                markup = tuple(hashes)
                content = text[start:end]
            lines.append(_Line(content, start, end, newline, display_width(content), heading, markup))
        pos = newline + 1
    return lines


def _closing_hashes(text: str, start: int, end: int) -> int | None:
    """Where the closing ``#`` run of the heading text[start:end] begins, if it has one.

    The run must stand at the end after a space, with text before the space.
    """
    hashes = end
    while hashes > start and text[hashes - 1] == "#":
        hashes -= 1
    if hashes == end:
        return None
    spaces = _spaces_before(text, start, hashes)
    return hashes if spaces and hashes - spaces > start else None


def _spaces_before(text: str, start: int, position: int) -> int:
    """How many heading spaces (space, tab, ideographic space) stand just before `position`."""
    before = position
    while before > start and text[before - 1] in _HEADING_SPACE:
        before -= 1
    return position - before


def _blocks(lines: list[_Line | None]) -> list[list[_Line]]:
    """Runs of consecutive text lines; a heading is a block of its own.

    Every line learns its block's number and the width of its widest line, the
    column the block was set in.
    """
    blocks: list[list[_Line]] = []
    current: list[_Line] = []
    for line in [*lines, None]:
        if line is None or line.heading:
            if current:
                blocks.append(current)
                current = []
            if line is not None:
                blocks.append([line])
        else:
            current.append(line)
    for number, block in enumerate(blocks):
        column = max(line.width for line in block)
        for line in block:
            line.block = number
            line.column = column
    return blocks


def _is_wrapped(blocks: list[list[_Line]]) -> bool:
    """True when most text lines sit in multi-line blocks: a hard-wrapped page."""
    text_blocks = [len(block) for block in blocks if not block[0].heading]
    total = sum(text_blocks)
    return total > 0 and 2 * sum(size for size in text_blocks if size > 1) >= total


def _split_block(block: list[_Line]) -> list[list[_Line]]:
    """Cut a block of a wrapped page where a line break inside it is real."""
    pieces: list[list[_Line]] = []
    piece = [block[0]]
    for before, after in zip(block, block[1:], strict=False):
        if _breaks_inside_block(before, after):
            pieces.append(piece)
            piece = []
        piece.append(after)
    pieces.append(piece)
    return pieces


def _breaks_inside_block(before: _Line, after: _Line) -> bool:
    """Is the line break between two lines of one block a paragraph break?"""
    first = before.text
    if before.width < before.column - _FULL_TOLERANCE and _TERMINAL_END.search(first):
        return True
    if after.width >= before.width + _WIDER_LINE and not _OPEN_END.search(first):
        return True
    return bool(_DATELINE_START.match(after.text)) or is_byline(first) or is_byline(after.text)


def is_byline(line: str) -> bool:
    """Is `line` a credit standing alone (see `BYLINE`)?"""
    return len(line) <= 40 and _CREDIT_HINT.search(line) is not None and BYLINE.fullmatch(line) is not None


def _title_like(plain: str) -> bool:
    """Short and free of sentence punctuation: a headline, deck or signature line."""
    return not _SENTENCE_PUNCT.search(plain) and display_width(plain) <= _TITLE_WIDTH


def _joins(
    paragraph: list[_Line], last_piece: list[_Line], after: list[_Line], wrapped: bool, balance: list[int]
) -> bool:
    """Does `paragraph` (ending in `last_piece`, with `balance` marks open) run on into `after`?"""
    last, first = paragraph[-1], after[0]
    if last.heading or first.heading:
        return False
    tail, head = last.text, first.text
    if _TERMINAL_END.search(tail):
        return False
    if _DATELINE_START.match(head) or is_byline(head) or is_byline(tail):
        return False
    if (
        _OPEN_END.search(tail)
        or (_ASCII_TAIL.search(tail) and _ASCII_HEAD.match(head))
        or _FRAGMENT_START.match(head)
        or any(count > 0 for count in balance)
    ):
        return True
    if _title_like("".join(line.text for line in after)):
        return False
    if _NUMBER_TAIL.search(tail) and _UNIT_HEAD.match(head):
        return True
    if not wrapped:
        return not _title_like("".join(line.text for line in last_piece))
    # A wrapped column: the line above must reach the column's edge and the
    # line below must not be indented like the start of a new paragraph.
    column = max(last.column, first.column)
    indent = _INDENT if len(last_piece) == 1 else 0.0
    if last.width < column - _FULL_TOLERANCE - indent:
        return False
    ends_paragraph = len(after) == 1 or bool(_TERMINAL_END.search(head))
    return ends_paragraph or first.width >= column - _FULL_TOLERANCE


def _kind(char: str) -> int:
    """0: CJK (no spaces between words); 1: a spaced script (Latin, digits); 2: other."""
    code = ord(char)
    if 0x3040 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF or 0x20000 <= code <= 0x3FFFF:
        return 0
    if char.isalnum() or (code < 0x80 and char.isprintable()):
        return 1
    return 2


def _keeps_space(text: str, left: int, right: int, left_spaced: bool, right_spaced: bool) -> bool:
    """Is the whitespace between text[left] and text[right] a real word space?"""
    kind_left, kind_right = _kind(text[left]), _kind(text[right])
    if (left_spaced or right_spaced) and _NUMBER_PART.match(text[left]) and _NUMBER_PART.match(text[right]):
        return False  # a figure spaced out with its line: 1 2 6 0, 10 , 000, 52 . 6
    if kind_left == 1 and kind_right == 1:
        return True
    # Between two CJK words a lone space separates (titles, names); in a
    # justified run, where single characters stand between spaces, it is layout.
    return kind_left == 0 and kind_right == 0 and not left_spaced and not right_spaced


def _render(text: str, lines: list[_Line]) -> Paragraph:
    parts: list[str] = []
    offsets: list[int] = []
    markup: list[int] = []
    previous: _Line | None = None
    for line in lines:
        markup.extend(line.markup)
        if previous is not None:
            # A line break between two words of a spaced script (not two
            # digits: that is a number cut in two) becomes a space.
            left, right = previous.text[-1], line.text[0]
            if (
                left < "\u3040"
                and right < "\u3040"
                and left.isalnum()
                and right.isalnum()
                and not (left.isdigit() and right.isdigit())
            ):
                parts.append(" ")
                offsets.append(previous.newline)
        runs = [match.span() for match in _WHITESPACE.finditer(text, line.start, line.end)]
        if not runs:
            parts.append(line.text)
            offsets.extend(range(line.start, line.end))
            previous = line
            continue
        position = line.start
        for number, (run_start, run_end) in enumerate(runs):
            parts.append(text[position:run_start])
            offsets.extend(range(position, run_start))
            left_spaced = number > 0 and runs[number - 1][1] == run_start - 1
            right_spaced = number + 1 < len(runs) and runs[number + 1][0] == run_end + 1
            if _keeps_space(text, run_start - 1, run_end, left_spaced, right_spaced):
                space = text.find(" ", run_start, run_end)
                keep = space if space >= 0 else run_start
                parts.append(text[keep])
                offsets.append(keep)
            position = run_end
        parts.append(text[position : line.end])
        offsets.extend(range(position, line.end))
        previous = line
    heading = next((line.heading for line in lines if line.heading), 0)
    return Paragraph(
        "".join(parts), tuple(offsets), len(lines), max(line.width for line in lines), heading, tuple(markup)
    )
