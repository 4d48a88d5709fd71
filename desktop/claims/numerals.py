"""Read and write numbers as Chinese newsrooms print them.

`parse_number` turns one number token (``65.04``, ``1,234``, ``１２``, ``3.4万``,
``1萬3780``, ``一千零五``, ``二〇二三``) into an exact `Decimal`;
`parse_quantity` reads what an editor types as a correction (``1.3万元``,
``百分之五``); `to_chinese` writes an integer in the standard reading form.

Returned values follow one rule so that equal numbers print the same: an
integral value has exponent 0 (``3.4万`` -> ``Decimal('34000')``, never
``Decimal('3.40E+4')``), any other value is reduced (``65.10`` ->
``Decimal('65.1')``). Both print without an exponent for any figure an article
can hold (str() of a Decimal only switches to exponent form below 1e-6).

The converter is our own rather than cn2an: we need exact Decimals, the
Traditional and financial forms, the mixed ``467萬3155`` form of statistical
tables and strictness about what is too vague to be a figure (a bare ``万``,
``七八``), none of which cn2an offers together.

Refusals are `NumberError`s, a `ValueError` with a stable `code` (one of
`REFUSAL_CODES`) beside the English `reason`, so the window can word them in
the editor's language.  Besides text that is not a number at all, the parser
refuses what no article prints as a figure: more than `MAX_INTEGER_DIGITS`
digits before the point (``too_large``), more than `MAX_FRACTION_DIGITS`
after it (``too_precise``), a token longer than `MAX_NUMBER_CHARS`
(``too_long``: a line of digits glued together by the layout, not a figure)
and scientific notation (``1e5000``).  Invisible layout marks (zero-width
space, bidi marks, word joiner, soft hyphen; see `LAYOUT_MARKS`) are ignored
like whitespace, so a value pasted from a web page reads as it looks.
"""

from __future__ import annotations

import re
from decimal import MAX_EMAX, MAX_PREC, MIN_EMIN, Context, Decimal, Inexact, InvalidOperation, Overflow

from desktop.ingest.reflow import LAYOUT_MARKS

__all__ = [
    "ARABIC_CHARS",
    "CHINESE_NUMERAL_CHARS",
    "DIGIT_CHARS",
    "EXACT",
    "MAGNITUDE_CHARS",
    "MAX_FRACTION_DIGITS",
    "MAX_INTEGER_DIGITS",
    "MAX_NUMBER_CHARS",
    "REFUSAL_CODES",
    "NumberError",
    "check_bounds",
    "parse_number",
    "parse_quantity",
    "to_chinese",
]

# The full-width comma is left out on purpose: in Chinese text '，' is the
# clause separator, so "3，4" is two numbers, never "34".
ARABIC_CHARS = "0123456789０１２３４５６７８９.．,"
CHINESE_NUMERAL_CHARS = "〇零一二三四五六七八九十百千万亿两萬億兩壹貳贰叁參肆伍陸陆柒捌玖拾佰仟"
MAGNITUDE_CHARS = "十百千万亿萬億拾佰仟"
DIGIT_CHARS = ARABIC_CHARS + CHINESE_NUMERAL_CHARS

# What a figure may be.  The largest amounts in the news have 15 or 16 digits
# (a national GDP in 元, a national debt in 日元); 30 digits before the point
# leaves room for any of them and still prints, stores and exports as a
# number.  Past that a "figure" is digits the layout ran together (table
# columns, a barcode, an identifier) or a slip of the keyboard, and a value of
# hundreds of digits breaks the export.  No rate or measure in copy has 20
# decimal places.
MAX_INTEGER_DIGITS = 30
MAX_FRACTION_DIGITS = 20
# No form the grammar reads is longer (30 digits with grouping commas and 20
# decimals is 61 characters; the longest reading form, of a 16-digit number,
# about 40).  Refusing longer text before reading it keeps parsing linear when
# a caller hands over a whole line of digits.
MAX_NUMBER_CHARS = 100

# Why a text was refused, for code and for the window to word in Chinese.
REFUSAL_CODES = (
    "empty",  # nothing but whitespace
    "malformed",  # not a figure as Chinese copy writes one (the reason says what is wrong)
    "too_long",  # longer than MAX_NUMBER_CHARS characters
    "too_large",  # more than MAX_INTEGER_DIGITS digits before the point
    "too_precise",  # more than MAX_FRACTION_DIGITS digits after the point
    "scientific_notation",  # 1e5000, 1.2E+3: no newspaper prints a figure so
    "no_number",  # a quantity that does not start with a number
    "unexpected_text",  # text after a number that allows none (百分之五元)
)


class NumberError(ValueError):
    """Text the parser refuses: a stable `code` (see REFUSAL_CODES) and an English `reason`.

    A ValueError, so every caller that catches ValueError keeps working; str()
    reads ``not a number: '1e5000' (reason)`` as before.
    """

    def __init__(self, text: str, code: str, reason: str, noun: str = "number") -> None:
        # Every field goes to Exception so the error pickles and copies whole.
        super().__init__(text, code, reason, noun)
        self.text = text
        self.code = code
        self.reason = reason
        self.noun = noun

    def __str__(self) -> str:
        # A refused token can be a whole line of digits: quote only its start.
        shown = self.text if len(self.text) <= 40 else self.text[:40] + "…"
        return f"not a {self.noun}: {shown!r} ({self.reason})"


# Everything is mapped onto one alphabet first (ASCII digits, simplified
# numerals) so the grammar below only has to know one spelling of each.
_FOLD = str.maketrans(
    "０１２３４５６７８９．萬億兩壹貳贰叁參肆伍陸陆柒捌玖拾佰仟",
    "0123456789.万亿两一二二三三四五六六七八九十百千",
)

_CN_DIGITS = {
    "〇": 0,
    "零": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
# 两 never appears in the digit-by-digit form (二〇二三), only before a unit.
_CN_PLAIN_DIGITS = frozenset(_CN_DIGITS) - {"两"}
_CN_ZEROS = frozenset("〇零")
_SMALL_UNITS = {"十": 1, "百": 2, "千": 3}
_ASCII_ARABIC = frozenset("0123456789.,")
_ASCII_DIGITS = frozenset("0123456789")

# Compiled once: the detector calls parse_number on every candidate token.
_PLAIN_RE = re.compile(r"[0-9]+(?:\.[0-9]+)?", re.ASCII)
# Grouping commas must sit every three digits; "1,23" is more likely two
# numbers run together by layout than a typo for 123, so it is rejected.
_ARABIC_RE = re.compile(r"(?:[0-9]+|[0-9]{1,3}(?:,[0-9]{3})+)(?:\.[0-9]+)?", re.ASCII)
# Layout, not content: whitespace (PDF line breaks, spaced-out digits) and the
# invisible marks web and word-processor copy carries (1\u200b000万元).
_SPACE_RE = re.compile(rf"[\s{LAYOUT_MARKS}]+")
# Second fast path: a plain figure times 万/亿/万亿 (3.4万, 140.05亿) is the
# most common form in Chinese reports after the bare figure.
_SCALED_RE = re.compile(r"([0-9]+(?:\.[0-9]+)?)(万亿|万|亿)", re.ASCII)
_SCALE_POWER = {"万": 4, "亿": 8, "万亿": 12}

# Magnitudes are applied with scaleb/add in this context so that a 20-digit
# figure times 亿 is never rounded to the default 28 significant digits; the
# traps turn any loss of exactness into an error instead of a wrong value.
# The detector does its own arithmetic on parsed parts (48億6,000萬) in it too.
EXACT = Context(prec=MAX_PREC, Emax=MAX_EMAX, Emin=MIN_EMIN, traps=[InvalidOperation, Overflow, Inexact])
_ZERO = Decimal(0)

_SIGNS = {"-": -1, "−": -1, "－": -1, "+": 1, "＋": 1}
_FRACTION_WORDS = (("百分之", "%"), ("千分之", "‰"), ("万分之", "‱"), ("萬分之", "‱"))
_DIGIT_CHAR_SET = frozenset(DIGIT_CHARS)
_LAYOUT_MARK_SET = frozenset(LAYOUT_MARKS)
# 1e5000, 2.5E+3 (also in full-width letters and signs): the exponent after
# a number, and a whole number written so (after folding to ASCII digits).
_SCIENTIFIC = re.compile(r"[eEｅＥ][+\-−－＋]?[0-9０-９]")
_SCIENTIFIC_NUMBER = re.compile(r"[0-9][0-9.,]*[eEｅＥ][+\-−－＋]?[0-9]+")
_SCIENTIFIC_REASON = "scientific notation is not how an article prints a figure; write the number out"


def _fail(text: str, reason: str, code: str = "malformed") -> NumberError:
    return NumberError(text, code, reason)


def _is_layout(ch: str) -> bool:
    return ch.isspace() or ch in _LAYOUT_MARK_SET


def check_bounds(value: Decimal, text: str) -> Decimal:
    """`value` if it is a figure an article can print, else NumberError (too_large, too_precise).

    `text` is what the value was read from, for the message.
    """
    if value.is_finite() and value:
        if value.adjusted() >= MAX_INTEGER_DIGITS:
            reason = f"more than {MAX_INTEGER_DIGITS} digits before the decimal point"
            raise _fail(text, reason, "too_large")
        exponent = value.as_tuple().exponent
        # Trailing zeros (1.50) are not precision; normalising costs, so only when it matters.
        if isinstance(exponent, int) and -exponent > MAX_FRACTION_DIGITS:
            exponent = value.normalize(EXACT).as_tuple().exponent
            if isinstance(exponent, int) and -exponent > MAX_FRACTION_DIGITS:
                reason = f"more than {MAX_FRACTION_DIGITS} digits after the decimal point"
                raise _fail(text, reason, "too_precise")
    return value


def _canonical(value: Decimal) -> Decimal:
    if value == value.to_integral_value():
        return Decimal(int(value))
    return value.normalize(EXACT)


def parse_number(text: str) -> Decimal:
    """Parse one number token into an exact Decimal.

    Accepts Arabic figures (optionally with ',' grouping every three digits, in
    ASCII or full-width digits), Chinese numerals in reading form (一千零五,
    十二万三千, 两千, 一千五 = 1500), the digit-by-digit form (二〇二三), Arabic
    figures scaled by magnitudes (3.4万, 1.2万亿, 2.5千万) and the mixed table
    form (1萬3780, 467萬3155), in Simplified, Traditional or financial
    characters. Whitespace anywhere is ignored, because PDF text breaks lines
    and spaces characters inside numbers.

    Raises NumberError (a ValueError) for anything else, including forms that
    are too vague to be a figure: a bare magnitude (万, 百), a magnitude with
    nothing before it (万三), two adjacent digits without a zero (七八, usually
    "seven or eight"), a leading or trailing '.' and misplaced grouping commas;
    and for what no article prints as a figure (see `check_bounds` and
    `MAX_NUMBER_CHARS`).
    """
    # Fast path, which is what almost every candidate the detector sees is.
    if len(text) <= MAX_NUMBER_CHARS and _PLAIN_RE.fullmatch(text):
        return check_bounds(Decimal(text) if "." not in text else _canonical(Decimal(text)), text)
    s = _SPACE_RE.sub("", text).translate(_FOLD)
    if not s:
        raise _fail(text, "empty", "empty")
    if len(s) > MAX_NUMBER_CHARS:
        reason = f"{len(s)} characters long; no figure is longer than {MAX_NUMBER_CHARS}"
        raise _fail(text, reason, "too_long")
    if _SCIENTIFIC_NUMBER.fullmatch(s):
        raise _fail(text, _SCIENTIFIC_REASON, "scientific_notation")
    try:
        scaled = _SCALED_RE.fullmatch(s)
        if scaled:
            value = EXACT.scaleb(Decimal(scaled[1]), _SCALE_POWER[scaled[2]])
        elif _ARABIC_RE.fullmatch(s):
            value = Decimal(s.replace(",", ""))
        elif all(ch in _CN_PLAIN_DIGITS for ch in s):
            value = _parse_digit_by_digit(s, text)
        else:
            value = _parse_yi(s, text)
        return check_bounds(_canonical(value), text)
    except (InvalidOperation, Overflow, Inexact) as exc:  # pragma: no cover - bounded input cannot overflow
        raise _fail(text, "out of range", "too_large") from exc


def _parse_digit_by_digit(s: str, text: str) -> Decimal:
    if len(s) == 1:
        return Decimal(_CN_DIGITS[s])
    # "三五天", "七八个人" are ranges (three to five, seven or eight), not 35 or
    # 78; real digit-by-digit figures are years and codes, which are longer or
    # contain a zero.
    if len(s) == 2 and not (_CN_ZEROS & set(s)):
        raise _fail(text, "two adjacent digits read as a range, not a figure")
    return Decimal("".join(str(_CN_DIGITS[ch]) for ch in s))


def _parse_yi(s: str, text: str) -> Decimal:
    count = s.count("亿")
    if count == 0:
        return _parse_wan(s, text)
    if count > 1:
        raise _fail(text, "more than one 亿")
    head, _, tail = s.partition("亿")
    if not head:
        raise _fail(text, "亿 with no number before it")
    coef = _parse_wan(head, text)  # 万 inside the head makes 万亿 (10**12)
    return EXACT.add(EXACT.scaleb(coef, 8), _parse_tail(tail, 8, coef, text))


def _parse_wan(s: str, text: str) -> Decimal:
    count = s.count("万")
    if count == 0:
        return _parse_section(s, text)
    if count > 1:
        raise _fail(text, "more than one 万")
    head, _, tail = s.partition("万")
    if not head:
        raise _fail(text, "万 with no number before it")
    coef = _parse_section(head, text)
    return EXACT.add(EXACT.scaleb(coef, 4), _parse_tail(tail, 4, coef, text))


def _parse_tail(tail: str, width: int, coef: Decimal, text: str) -> Decimal:
    """The part after 万 (width 4) or 亿 (width 8): must stay below 10**width."""
    if not tail:
        return _ZERO
    if coef != coef.to_integral_value():
        raise _fail(text, "a decimal before a magnitude cannot be followed by more digits")
    if len(tail) == 1 and tail in _CN_DIGITS and tail not in _CN_ZEROS:
        # Spoken shorthand: 一万五 is 15000, 一亿二 is 120000000.
        return Decimal(_CN_DIGITS[tail] * 10 ** (width - 1))
    if all(ch in _ASCII_ARABIC for ch in tail):
        # Table form 467萬3155: the figure fills the whole slot, so a short
        # one (1万3) cannot tell 10003 from 13000 and is refused.
        if len(tail) != width or not all(ch in _ASCII_DIGITS for ch in tail):
            raise _fail(text, f"digits after a magnitude must be exactly {width} plain digits")
        return Decimal(tail)
    value = _parse_wan(tail, text) if width == 8 else _parse_section(tail, text)
    if value >= 10**width:
        raise _fail(text, "magnitudes out of order")
    return value


def _parse_section(s: str, text: str) -> Decimal:
    """A number below the next 万: Arabic (with an optional 十/百/千) or Chinese."""
    if not s:
        raise _fail(text, "missing number")
    if s[0] in _ASCII_ARABIC:
        end = 0
        while end < len(s) and s[end] in _ASCII_ARABIC:
            end += 1
        figure, rest = s[:end], s[end:]
        if not _ARABIC_RE.fullmatch(figure):
            raise _fail(text, f"malformed figure {figure!r}")
        value = Decimal(figure.replace(",", ""))
        if not rest:
            return value
        if rest in _SMALL_UNITS:  # 3千, 2.5千(万)
            return EXACT.scaleb(value, _SMALL_UNITS[rest])
        raise _fail(text, f"cannot mix a figure with {rest!r}")

    total = 0
    pending: int | None = None
    last_power = 4  # units must fall strictly: 千 > 百 > 十
    zero = False  # a 零 is waiting for the digit it announces
    for ch in s:
        digit = _CN_DIGITS.get(ch)
        if digit is not None:
            if pending is not None:
                raise _fail(text, "two digits with no unit between them")
            if digit == 0:
                if zero:
                    raise _fail(text, "repeated zero")
                zero = True
            else:
                pending = digit
            continue
        power = _SMALL_UNITS.get(ch)
        if power is None:
            raise _fail(text, f"unexpected character {ch!r}")
        if power >= last_power:
            raise _fail(text, "units out of order")
        if pending is None:
            # 十 alone means 一十 (十二, 十万, 一千零十); 百 and 千 need a digit.
            if power == 1 and (total == 0 or zero):
                pending = 1
            else:
                raise _fail(text, f"{ch} with no digit before it")
        total += pending * 10**power
        pending, zero, last_power = None, False, power
    if pending is not None:
        if zero or last_power in (1, 4):
            total += pending
        else:
            # Spoken shorthand: 一千五 is 1500, 三百五 is 350.
            total += pending * 10 ** (last_power - 1)
    elif zero:
        raise _fail(text, "zero with nothing after it")
    return Decimal(total)


def parse_quantity(text: str) -> tuple[Decimal, str]:
    """Parse a typed quantity: an optionally signed number and a unit.

    The number is the run of numeral characters at the start, read by
    `parse_number`, and the unit is the rest with whitespace removed, so a
    magnitude goes into the value (``1.3万元`` -> ``(13000, '元')``, as the
    claim standard keeps money in 元).
    ``百分之五``, ``千分之三`` and ``万分之二`` give the units ``%``, ``‰`` and
    ``‱``; a full-width ``％`` is written as ``%`` so corrections compare equal.

    A magnitude character that is really an SI prefix is still read as a
    magnitude: ``5千克`` gives ``(5000, '克')``, the same mass but not the unit as
    written.

    Raises NumberError (a ValueError): the codes are those of `parse_number`
    plus ``no_number``, ``unexpected_text`` and ``scientific_notation``
    (``1e5000`` is refused, not read as 1 with the unit ``e5000``).
    """
    s = _strip_layout(text)
    sign = 1
    if s and s[0] in _SIGNS:
        sign = _SIGNS[s[0]]
        s = _strip_layout(s[1:])
    for word, unit in _FRACTION_WORDS:
        if s.startswith(word):
            value, rest = _longest_number(s[len(word) :], text)
            if rest:
                reason = f"unexpected {rest!r} after the number"
                raise NumberError(text, "unexpected_text", reason, "quantity")
            return _signed(sign, value), unit
    value, rest = _longest_number(s, text)
    return _signed(sign, value), "%" if rest == "％" else rest


def _strip_layout(s: str) -> str:
    """`s` without whitespace or layout marks at either end (str.strip misses the marks)."""
    start, end = 0, len(s)
    while start < end and _is_layout(s[start]):
        start += 1
    while end > start and _is_layout(s[end - 1]):
        end -= 1
    return s[start:end]


def _signed(sign: int, value: Decimal) -> Decimal:
    # Keep "-0" from becoming Decimal('-0'), which prints differently from 0.
    return -value if sign < 0 and value else value


def _longest_number(s: str, text: str) -> tuple[Decimal, str]:
    """The number at the start of `s` (the run of numeral characters) and the unit after it.

    The run is read whole: a shorter reading would leave a digit at the start
    of the unit ("1.2.3", "1,23"), which shows the whole was meant as one
    malformed number, so the refusal names what is wrong with the run.
    """
    end = 0
    visible = 0
    while end < len(s) and (s[end] in _DIGIT_CHAR_SET or _is_layout(s[end])):
        if s[end] in _DIGIT_CHAR_SET:
            visible += 1
            if visible > MAX_NUMBER_CHARS:
                # Stop scanning: whatever follows, this is no figure.
                reason = f"the number is longer than {MAX_NUMBER_CHARS} characters"
                raise NumberError(text, "too_long", reason, "quantity")
        end += 1
    if not visible:
        raise NumberError(text, "no_number", "no number at the start", "quantity")
    try:
        value = parse_number(s[:end])
    except NumberError as error:
        raise NumberError(text, error.code, error.reason, "quantity") from None
    rest = _SPACE_RE.sub("", s[end:])
    if _SCIENTIFIC.match(rest):
        raise NumberError(text, "scientific_notation", _SCIENTIFIC_REASON, "quantity")
    return value, rest


_CN_WRITE = "零一二三四五六七八九"
_CN_SMALL_WRITE = ("", "十", "百", "千")
_LIMIT = 10**16


def to_chinese(value: Decimal | int) -> str:
    """Write a non-negative integer below 10**16 as a Chinese numeral.

    Standard reading form with 二 throughout (never 两): 12 -> 十二,
    110 -> 一百一十, 1005 -> 一千零五, 100000 -> 十万, 20003 -> 二万零三,
    10**12 -> 一万亿. One 零 stands for each run of missing places inside the
    number. `parse_number` reads the result back to the same value.
    """
    if isinstance(value, Decimal) and (not value.is_finite() or value != value.to_integral_value()):
        raise ValueError(f"not a whole number: {value}")
    n = int(value)
    if not 0 <= n < _LIMIT:
        raise ValueError(f"out of range 0..10**16-1: {value}")
    if n == 0:
        return "零"
    return _write_below(n, 8, leading=True)


def _write_below(n: int, width: int, leading: bool) -> str:
    """Write 0 < n < 10**(2*width) split at 10**width (亿 for 8, 万 for 4)."""
    if width == 2:
        return _write_section(n, leading)
    split = 10**width
    high, low = divmod(n, split)
    if high == 0:
        return _write_below(low, width // 2, leading)
    out = _write_below(high, width // 2, leading) + ("亿" if width == 8 else "万")
    if low:
        # A gap before the low part (一万零三, 一亿零五百万) is read as 零.
        out += ("零" if low < split // 10 else "") + _write_below(low, width // 2, False)
    return out


def _write_section(n: int, leading: bool) -> str:
    parts: list[str] = []
    gap = False
    for power in (3, 2, 1, 0):
        digit = n // 10**power % 10
        if digit == 0:
            gap = gap or bool(parts)
            continue
        if gap:
            parts.append("零")
            gap = False
        # 十二 at the start of the whole number, but 一百一十 and 十万零一十.
        if power == 1 and digit == 1 and leading and not parts:
            parts.append("十")
        else:
            parts.append(_CN_WRITE[digit] + _CN_SMALL_WRITE[power])
    return "".join(parts)
