"""Read and write numbers as Chinese newsrooms print them: the one home of number reading.

`parse_number` turns one number token into an exact `Decimal`, whatever style
a paper printed it in:

* Arabic figures, ASCII or full-width, with grouping commas (``1,234``,
  ``１，２３４`` between full-width digits), scaled by magnitudes (``3.4万``,
  ``140.05亿``, ``1.2万亿``, ``3.2兆``), across magnitudes as statistical tables
  print them (``1萬3780``, ``467萬3155``, ``48億6,000萬``) and with 千/百 and 零
  as people write them (``1千零5``, ``5万4千6百``, ``2千零30万``);
* Chinese numerals in reading form (``一千零五``, ``十二万三千``), Traditional
  and financial characters (``貳仟零伍拾``), ``万万`` for 亿 (``四万万``);
* the digit-by-digit form with ``〇``, ``零`` or the look-alike ``○`` as zero
  (``二九〇〇``, ``三〇五``);
* decimals inside Chinese numerals, written ``点``/``點`` or with a full-width
  ``．`` (``三点二``, ``四十二．七``, ``三点二万`` = 32000);
* spoken abbreviations: a digit after a magnitude takes the next lower place
  (``一百五`` = 150, ``两万三`` = 23000, ``千三`` = 1300).

`read_quantity` reads a whole quantity the way a claim's span is written
(approximation words, a rank prefix, ``百分之…``, a magnitude after an
approximation word as in ``500余万``, amounts in 元角分, the unit) and
`parse_quantity` is what an editor's typed correction goes through.  The
detector reads every number through these functions; `to_chinese` writes an
integer in the standard reading form.

Returned values follow one rule so that equal numbers print the same: an
integral value has exponent 0 (``3.4万`` -> ``Decimal('34000')``, never
``Decimal('3.40E+4')``), any other value is reduced (``65.10`` ->
``Decimal('65.1')``). Both print without an exponent for any figure an article
can hold (str() of a Decimal only switches to exponent form below 1e-6).

The converter is our own rather than cn2an: we need exact Decimals, the
Traditional and financial forms, the mixed ``467萬3155`` form of statistical
tables and strictness about what is too vague to be a figure (a bare ``万``,
``七八``, ``1万3``), none of which cn2an offers together.

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
from dataclasses import dataclass
from decimal import MAX_EMAX, MAX_PREC, MIN_EMIN, Context, Decimal, Inexact, InvalidOperation, Overflow

from desktop.claims import lexicon as lx
from desktop.ingest.reflow import LAYOUT_MARKS

__all__ = [
    "APPROX_PREFIXES",
    "APPROX_SUFFIXES",
    "ARABIC_CHARS",
    "CHINESE_NUMERAL_CHARS",
    "DIGIT_CHARS",
    "EXACT",
    "FRACTION_WORDS",
    "MAGNITUDE_CHARS",
    "MAX_FRACTION_DIGITS",
    "MAX_INTEGER_DIGITS",
    "MAX_NUMBER_CHARS",
    "REFUSAL_CODES",
    "NumberError",
    "Quantity",
    "check_bounds",
    "parse_fraction_number",
    "parse_number",
    "parse_quantity",
    "read_quantity",
    "read_subunits",
    "to_chinese",
]

# The full-width comma is left out on purpose: in Chinese text '，' is the
# clause separator, so "3，4" is two numbers, never "34".  Only between
# full-width digits, three at a time, is it a grouping comma (see _FW_GROUPING).
ARABIC_CHARS = "0123456789０１２３４５６７８９.．,"
# 〇 and its look-alike ○ (U+25CB, which many papers' fonts print for zero),
# 兩/俩/倆 for two, 廿 卅 卌 for twenty, thirty, forty, 兆 for 10**12 (Taiwan and
# Hong Kong money: 新臺幣3.2兆元).
CHINESE_NUMERAL_CHARS = "〇○零一二三四五六七八九十百千万亿兆两萬億兩俩倆壹貳贰叁參肆伍陸陆柒捌玖拾佰仟廿卅卌"
MAGNITUDE_CHARS = "十百千万亿兆萬億拾佰仟"
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

# Approximation words around a number (docs/numeric-claims.md, "The span"):
# before it, between it and its magnitude or unit, and after the unit.
APPROX_PREFIXES = lx.APPROX_PREFIXES
APPROX_SUFFIXES = lx.APPROX_SUFFIXES_AFTER_UNIT
_APPROX_INFIXES = "余餘多来來"

# 百分之五 (%), 千分之三 (‰), 万分之二 (‱): the word, then the number.
FRACTION_WORDS = (
    ("百分之", "%"),
    ("佰分之", "%"),
    ("千分之", "‰"),
    ("仟分之", "‰"),
    ("万分之", "‱"),
    ("萬分之", "‱"),
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
# numerals) so the grammar below only has to know one spelling of each.  A
# point between two Arabic digits is an Arabic decimal point; anywhere else
# it is the point of a Chinese decimal (四十二．七), whose two sides must then
# both be Chinese (三.5 is refused).
_FOLD = str.maketrans(
    "０１２３４５６７８９．萬億兩俩倆壹貳贰叁參肆伍陸陆柒捌玖拾佰仟點○",
    "0123456789.万亿两两两一二二三三四五六六七八九十百千点〇",
)
# 廿三 is 二十三: written out before the grammar sees it.
_TENS_WORDS = (("廿", "二十"), ("卅", "三十"), ("卌", "四十"))

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
# The levels of a long number, highest first: each is read as head × level + tail.
_LEVELS = (("兆", 12), ("亿", 8), ("万", 4))
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
# Full-width copy (Big5-era Hong Kong and Taiwan releases) groups full-width
# digits with the full-width comma: １，２３４.  Only there is '，' a grouping comma.
_FW_GROUPING = re.compile(r"(?<=[０-９])，(?=[０-９]{3}(?![０-９]))")
# Second fast path: a plain figure times 万/亿/万亿 (3.4万, 140.05亿) is the
# most common form in Chinese reports after the bare figure.
_SCALED_RE = re.compile(r"([0-9]+(?:\.[0-9]+)?)(万亿|万|亿|兆)", re.ASCII)
_SCALE_POWER = {"万": 4, "亿": 8, "万亿": 12, "兆": 12}
# After a Chinese decimal (三点二万, 一点五亿): the magnitudes that scale it.
_DECIMAL_SCALE = {"十": 1, "百": 2, "千": 3, "万": 4, "十万": 5, "百万": 6, "千万": 7, "亿": 8}
_DECIMAL_SCALE |= {"十亿": 9, "百亿": 10, "千亿": 11, "万亿": 12, "兆": 12}

# Magnitudes are applied with scaleb/add in this context so that a 20-digit
# figure times 亿 is never rounded to the default 28 significant digits; the
# traps turn any loss of exactness into an error instead of a wrong value.
EXACT = Context(prec=MAX_PREC, Emax=MAX_EMAX, Emin=MIN_EMIN, traps=[InvalidOperation, Overflow, Inexact])
_ZERO = Decimal(0)

_SIGNS = {"-": -1, "−": -1, "－": -1, "+": 1, "＋": 1, "负": -1, "負": -1}
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


def _fold(text: str) -> str:
    """`text` without layout, in the one alphabet the grammar reads."""
    s = _SPACE_RE.sub("", text)
    if "，" in s:
        s = _FW_GROUPING.sub(",", s)
    s = s.translate(_FOLD)
    for word, tens in _TENS_WORDS:
        if word in s:
            s = s.replace(word, tens)
    if "万万" in s:
        s = s.replace("万万", "亿")  # 四万万 is four hundred million
    return s


def parse_number(text: str) -> Decimal:
    """Parse one number token into an exact Decimal.

    Accepts every form listed in the module's docstring.  Whitespace anywhere
    is ignored, because PDF text breaks lines and spaces characters inside
    numbers.

    Raises NumberError (a ValueError) for anything else, including forms that
    are too vague to be a figure: a bare magnitude (万, 百), 万 or 亿 with
    nothing before it (万三), two adjacent digits without a zero (七八, usually
    "seven or eight"), a one-digit tail after a magnitude in Arabic digits
    (1万3: 10003 or 13000?), a leading or trailing '.' and misplaced grouping
    commas; and for what no article prints as a figure (see `check_bounds` and
    `MAX_NUMBER_CHARS`).
    """
    # Fast path, which is what almost every candidate the detector sees is.
    # Twenty characters cannot pass either bound, so they are not checked.
    if len(text) <= MAX_NUMBER_CHARS and _PLAIN_RE.fullmatch(text):
        value = Decimal(text) if "." not in text else _canonical(Decimal(text))
        return value if len(text) <= MAX_FRACTION_DIGITS else check_bounds(value, text)
    s = _fold(text)
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
        elif "点" in s or ("." in s and not _arabic_point(s)):
            value = _parse_chinese_decimal(s, text)
        elif all(ch in _CN_PLAIN_DIGITS for ch in s):
            value = _parse_digit_by_digit(s, text)
        else:
            value = _parse_level(s, 0, text)
        return check_bounds(_canonical(value), text)
    except (InvalidOperation, Overflow, Inexact) as exc:  # pragma: no cover - bounded input cannot overflow
        raise _fail(text, "out of range", "too_large") from exc


def _arabic_point(s: str) -> bool:
    """Does every '.' in `s` stand between two Arabic digits (3.4万, 1萬3.5)?"""
    at = s.find(".")
    while at >= 0:
        if not (0 < at < len(s) - 1 and s[at - 1] in _ASCII_DIGITS and s[at + 1] in _ASCII_DIGITS):
            return False
        at = s.find(".", at + 1)
    return True


def _parse_digit_by_digit(s: str, text: str) -> Decimal:
    if len(s) == 1:
        return Decimal(_CN_DIGITS[s])
    # "三五天", "七八个人" are ranges (three to five, seven or eight), not 35 or
    # 78; real digit-by-digit figures are years and codes, which are longer or
    # contain a zero.
    if len(s) == 2 and not (_CN_ZEROS & set(s)):
        raise _fail(text, "two adjacent digits read as a range, not a figure")
    return Decimal("".join(str(_CN_DIGITS[ch]) for ch in s))


def _parse_chinese_decimal(s: str, text: str) -> Decimal:
    """三点二, 四十二．七, 两千三点一, 三点二万, 两千万点五五四四: Chinese numerals with a point.

    The digits after the point are read one by one; a magnitude after them
    scales the whole decimal (三点二万 = 32000).  Both sides of the point are
    Chinese: a point between an Arabic and a Chinese digit (3.三, 三.5) is
    refused, not guessed.
    """
    marks = [i for i, ch in enumerate(s) if ch in "点."]
    if len(marks) != 1:
        raise _fail(text, "more than one decimal point" if marks else "malformed decimal")
    at = marks[0]
    whole, rest = s[:at], s[at + 1 :]
    if (
        not whole
        or whole[-1] not in _CN_DIGITS
        and whole[-1] not in _SMALL_UNITS
        and whole[-1] not in "万亿兆"
    ):
        raise _fail(text, "a Chinese decimal needs a Chinese numeral before its point")
    end = 0
    while end < len(rest) and rest[end] in _CN_PLAIN_DIGITS:
        end += 1
    if end == 0:
        raise _fail(text, "no digits after the decimal point")
    fraction, scale_word = rest[:end], rest[end:]
    if any(ch in _ASCII_ARABIC for ch in whole):
        raise _fail(text, "Arabic and Chinese digits on the two sides of a point")
    value = _parse_level(whole, 0, text) if not all(ch in _CN_PLAIN_DIGITS for ch in whole) else None
    if value is None and s[at] == "." and len(whole) == 2:
        # 三二．一五 (a Taiwan exchange rate): the printed point is the
        # digit-by-digit style of tables and prices, where two digits before
        # it are a figure; no one prints a range "three or two" with a point.
        value = Decimal(_CN_DIGITS[whole[0]] * 10 + _CN_DIGITS[whole[1]])
    if value is None:
        # 三点二; a longer digit-by-digit run before the point follows the rule
        # of the integers (一二点五, said aloud, is a range; 二〇二三点五 a figure).
        value = _parse_digit_by_digit(whole, text)
    digits = "".join(str(_CN_DIGITS[ch]) for ch in fraction)
    value = EXACT.add(value, Decimal(f"0.{digits}"))
    if scale_word:
        power = _DECIMAL_SCALE.get(scale_word)
        if power is None:
            raise _fail(text, f"unexpected {scale_word!r} after a decimal")
        if any(ch in "万亿兆" for ch in whole):
            raise _fail(text, "magnitudes on both sides of a decimal point")
        value = EXACT.scaleb(value, power)
    return value


def _parse_level(s: str, level: int, text: str, leading: bool = True) -> Decimal:
    """Read `s` as head × 兆/亿/万 + tail, from the highest level present down to a section.

    `leading`: `s` starts the whole number (see `_parse_section`).
    """
    while level < len(_LEVELS) and _LEVELS[level][0] not in s:
        level += 1
    if level == len(_LEVELS):
        return _parse_section(s, text, leading)
    char, width = _LEVELS[level]
    if s.count(char) > 1:
        raise _fail(text, f"more than one {char}")
    head, _, tail = s.partition(char)
    if not head:
        raise _fail(text, f"{char} with no number before it")
    coef = _parse_level(head, level + 1, text, leading)  # 万 inside the head of 亿 makes 万亿 (10**12)
    return EXACT.add(EXACT.scaleb(coef, width), _parse_tail(tail, width, level, coef, text))


# The magnitude (万, four places) whose tail may be written short, and the fewest digits it needs.
_TAIL_SHORTENS = 4
_MIN_SHORT_TAIL = 2


def _parse_tail(tail: str, width: int, level: int, coef: Decimal, text: str) -> Decimal:
    """The part after 万 (width 4), 亿 (8) or 兆 (12): must stay below 10**width."""
    if not tail:
        return _ZERO
    if coef != coef.to_integral_value():
        raise _fail(text, "a decimal before a magnitude cannot be followed by more digits")
    zero = tail[0] in _CN_ZEROS
    rest = tail[1:] if zero else tail
    if not rest:
        raise _fail(text, "zero with nothing after it")
    if not zero and len(rest) == 1 and rest in _CN_DIGITS:
        # Spoken shorthand: 一万五 is 15000, 一亿二 is 120000000.
        return Decimal(_CN_DIGITS[rest] * 10 ** (width - 1))
    if all(ch in _ASCII_ARABIC for ch in rest):
        figure = rest.replace(",", "")
        if not zero:
            # Table form 467萬3155: the figure fills the whole slot.  After 万 a
            # tail of two or three digits fills its low places (81万437 is
            # 810437, as 81万0437): no one writes 81万4370 that way, shorthand
            # stops at one digit.  A one-digit tail (1万3) cannot tell 10003
            # from 13000, and after 亿 a short tail may be 万 left out
            # (3亿4500 for 3亿4500万): both are refused.
            short = width == _TAIL_SHORTENS and _MIN_SHORT_TAIL <= len(figure) < width
            if (len(figure) != width and not short) or not _ARABIC_RE.fullmatch(rest) or "." in rest:
                raise _fail(text, f"digits after a magnitude must be exactly {width} plain digits")
            return Decimal(figure)
        if not _ARABIC_RE.fullmatch(rest) or "." in rest or rest[0] == "0":
            raise _fail(text, f"malformed figure {rest!r} after a zero")
        value = Decimal(figure)
    else:
        value = _parse_level(rest, level + 1, text, leading=False)
    # 零 marks places left empty (一万零三), and papers also write it after a
    # head that ends in zeros (四千万零六千): either way the tail is below the level.
    if value >= 10**width:
        raise _fail(text, "magnitudes out of order")
    return value


def _section_tokens(s: str, text: str) -> list[tuple[str, Decimal]]:
    """Split a section into ("n", figure), ("d", Chinese digit), ("0", zero) and ("u", power) tokens."""
    tokens: list[tuple[str, Decimal]] = []
    i = 0
    while i < len(s):
        ch = s[i]
        if ch in _ASCII_ARABIC:
            end = i
            while end < len(s) and s[end] in _ASCII_ARABIC:
                end += 1
            figure = s[i:end]
            if not _ARABIC_RE.fullmatch(figure):
                raise _fail(text, f"malformed figure {figure!r}")
            tokens.append(("n", Decimal(figure.replace(",", ""))))
            i = end
            continue
        if ch in _CN_ZEROS:
            tokens.append(("0", _ZERO))
        elif ch in _CN_DIGITS:
            tokens.append(("d", Decimal(_CN_DIGITS[ch])))
        elif ch in _SMALL_UNITS:
            tokens.append(("u", Decimal(_SMALL_UNITS[ch])))
        else:
            raise _fail(text, f"unexpected character {ch!r}")
        i += 1
    return tokens


def _parse_section(s: str, text: str, leading: bool) -> Decimal:
    """A number below the next 万, in Chinese numerals, Arabic digits or both (1千零5, 4千6百).

    `leading`: the section starts the whole number, so its first figure may
    be any Arabic figure (12,345万, 2.5千) and a leading 百/千 may stand for
    一百/一千 (千三 = 1300).
    """
    if not s:
        raise _fail(text, "missing number")
    if leading and len(s) > 1 and all(ch in _CN_PLAIN_DIGITS for ch in s):
        return _parse_digit_by_digit(s, text)  # 二九〇〇億: digit by digit before a magnitude
    tokens = _section_tokens(s, text)
    if len(tokens) == 1 and tokens[0][0] == "n":
        return tokens[0][1]
    total = _ZERO
    pending: Decimal | None = None
    pending_arabic = pending_first = False
    last_power = 4  # units must fall strictly: 千 > 百 > 十
    zero = False  # a 零 is waiting for the digit it announces
    first = True
    implied = False  # 千三: the 一 of a leading 千 or 百 was left out
    for kind, number in tokens:
        if kind in ("n", "d"):
            if pending is not None:
                raise _fail(text, "two digits with no unit between them")
            if kind == "n" and not first and (number != number.to_integral_value() or zero and number == 0):
                raise _fail(text, "a decimal inside a number")
            pending, pending_arabic, pending_first = number, kind == "n", first
        elif kind == "0":
            if pending is not None:
                raise _fail(text, "two digits with no unit between them")
            if zero:
                raise _fail(text, "repeated zero")
            zero = True
        else:
            power = int(number)
            # After 零 a place is empty (一千零五十); 一百零十 is how people say 110.
            if (
                power >= last_power
                or zero
                and power >= last_power - 1
                and not (power == 1 and pending is None)
            ):
                raise _fail(text, "units out of order")
            if pending is None:
                # 十 alone means 一十 (十二, 十万, 一千零十); 百 and 千 need a
                # digit, except at the very start (千三 = 1300, 百二十 = 120).
                if power == 1 and (total == 0 or zero):
                    pending = Decimal(1)
                elif first and leading:
                    pending, implied = Decimal(1), True
                else:
                    raise _fail(text, f"{'十百千'[power - 1]} with no digit before it")
            elif not pending_first and (pending >= 10 or pending != pending.to_integral_value()):
                raise _fail(text, "only one digit can stand before 十, 百 or 千 inside a number")
            elif pending_first and pending != pending.to_integral_value() and len(tokens) > 2:
                raise _fail(text, "a decimal before a magnitude cannot be followed by more digits")
            total = EXACT.add(total, EXACT.scaleb(pending, power))
            pending, zero, last_power = None, False, power
        first = False
    if pending is not None:
        if last_power == 4:
            # Only a zero came before (〇五): the figure is the number.
            if pending_arabic:
                raise _fail(text, "a zero before a figure")
            return EXACT.add(total, pending)
        if zero:
            if pending >= 10 ** (last_power - 1):
                raise _fail(text, "a figure after 零 must fit the places left")
            total = EXACT.add(total, pending)
        elif last_power == 1:
            if pending >= 10:
                raise _fail(text, "more than one digit after 十")
            total = EXACT.add(total, pending)
        elif pending_arabic:
            # 1千5: 1005 or 1500?  The spoken shorthand is a Chinese habit;
            # in Arabic digits it is ambiguous and refused.
            raise _fail(
                text, "a digit after 百 or 千 in Arabic digits is ambiguous (write 零 or the full number)"
            )
        else:
            # Spoken shorthand: 一千五 is 1500, 三百五 is 350.
            total = EXACT.add(total, EXACT.scaleb(pending, last_power - 1))
    elif zero:
        raise _fail(text, "zero with nothing after it")
    elif last_power == 4:
        raise _fail(text, "missing number")
    elif implied and len(tokens) == 1:
        raise _fail(text, "a lone 百 or 千 is a word, not a figure")  # 千万, 百万: vague or "by all means"
    return total


def parse_fraction_number(number: str) -> Decimal:
    """The number after 百分之/千分之/万分之: 五, 二点五, 1,250, and 百分之百's 百.

    Raises NumberError like `parse_number`.
    """
    if _SPACE_RE.sub("", number) in ("百", "佰"):
        return Decimal(100)
    return parse_number(number)


# 元角分: 12元5角 is 12.5 元, 50元6角三分 is 50.63 元, 五元三毛 is 5.3 元.
_SUBUNITS = (("角", 1), ("毛", 1), ("分", 2))
_SUBUNIT_DIGIT = re.compile(r"[0-9０-９〇零一二三四五六七八九两兩]")


def _is_fraction_of(text: str, pos: int) -> bool:
    """After 分之 at `pos`: a numeral makes it a fraction (三分之一), 间 or 内 a place (5分之间)."""
    return text[pos : pos + 1] in _FRACTION_DIGITS


_FRACTION_DIGITS = frozenset(DIGIT_CHARS) - {".", ",", "．"}


def read_subunits(text: str, pos: int) -> tuple[Decimal, int] | None:
    """The 角 and 分 after an amount in 元 at `pos`: (the fraction of a 元, where it ends), or None.

    ``5角``, ``5角3分``, ``三毛``, ``零5分`` (after 元: 3元零5分 = 3.05).  Each
    part is one digit, so 12元50分 (not an amount anyone writes) is refused
    rather than read as 12.5.  Reads at most seven characters.
    """
    value = _ZERO
    at = pos
    if text.startswith(("零", "〇"), at):
        at += 1
    place = 0
    for _ in range(2):
        digit = text[at : at + 1]
        if not digit or not _SUBUNIT_DIGIT.fullmatch(digit):
            break
        word = text[at + 1 : at + 2]
        step = next((p for w, p in _SUBUNITS if w == word), 0)
        # 5分钟 is minutes, 三分之一 a fraction (not 5分之间), 5角度 an angle
        after = text[at + 2 : at + 3]
        if step <= place or after in ("钟", "鐘", "度") or after == "之" and _is_fraction_of(text, at + 3):
            break
        amount = _CN_DIGITS.get(digit.translate(_FOLD))
        if amount is None:
            amount = int(digit.translate(_FOLD))
        value = EXACT.add(value, EXACT.scaleb(Decimal(amount), -step))
        place = step
        at += 2
    if place == 0:
        return None
    return value, at


@dataclass(frozen=True)
class Quantity:
    """A quantity as written: its value (magnitude applied, sign included), its unit as written and its words."""

    value: Decimal
    unit: str
    approx: str = ""  # 近, 约, 余, 左右, …
    rank: str = ""  # 第 or 前 before a rank (第3位, 前三名)


def read_quantity(text: str) -> Quantity:
    """Read one quantity as a claim's span writes it.

    ``约3.4万名``, ``1300余名``, ``500余万``, ``第3位``, ``前三名``,
    ``百分之二点五``, ``百分之百``, ``6.39个百分点``, ``12元5角``, ``5千克``
    (an SI prefix with Arabic digits is the unit's), ``7000元左右``, ``-3.5%``,
    ``负3.9%``.  The unit is what follows the number and its magnitude, as
    written (``％`` stays ``％``).

    Raises NumberError: the codes are those of `parse_number` plus
    ``no_number``, ``unexpected_text`` and ``scientific_notation``.
    """
    s = _SPACE_RE.sub("", text)
    sign = 1
    if s and s[0] in _SIGNS:
        sign = _SIGNS[s[0]]
        s = s[1:]
    approx = ""
    for word in APPROX_PREFIXES:
        if s.startswith(word) and s[len(word) : len(word) + 1] and s[len(word)] in _DIGIT_CHAR_SET:
            approx, s = word, s[len(word) :]
            break
    rank = ""
    if s[:1] in ("第", "前") and s[1:2] and s[1] in _DIGIT_CHAR_SET:
        rank, s = s[0], s[1:]
    for word, unit in FRACTION_WORDS:
        if s.startswith(word):
            rest = s[len(word) :]
            end = _number_run(rest, text)
            if not end:
                raise NumberError(text, "no_number", f"no number after {word}", "quantity")
            value = _read(lambda n: parse_fraction_number(n), rest[:end], text)
            tail = rest[end:]
            suffix = next((w for w in APPROX_SUFFIXES if tail == w), "")
            if tail and not suffix:
                raise NumberError(
                    text, "unexpected_text", f"unexpected {tail!r} after the number", "quantity"
                )
            return Quantity(_signed(sign, value), unit, approx or suffix, rank)
    end = _number_run(s, text)
    if not end:
        raise NumberError(text, "no_number", "no number at the start", "quantity")
    number, rest = s[:end], s[end:]
    if _SCIENTIFIC.match(rest):
        raise NumberError(text, "scientific_notation", _SCIENTIFIC_REASON, "quantity")
    # 500余万, 十余万, 一千多万: an approximation word before the magnitude.
    if rest[:1] and rest[0] in _APPROX_INFIXES:
        magnitude = 0
        while magnitude < len(rest) - 1 and rest[1 + magnitude] in "万萬亿億兆千百":
            magnitude += 1
        if magnitude and rest[1 : 1 + magnitude] in (
            "万",
            "萬",
            "亿",
            "億",
            "万亿",
            "萬億",
            "千万",
            "千萬",
            "百万",
            "百萬",
        ):
            approx = approx or rest[0]
            number, rest = number + rest[1 : 1 + magnitude], rest[1 + magnitude :]
    number, rest = _prefixed_unit(number, rest)
    value = _read(parse_number, number, text)
    if rest[:1] and rest[0] in _APPROX_INFIXES and not approx:
        approx, rest = rest[0], rest[1:]
    if rest.startswith(("元", "块")):
        subunits = read_subunits(rest, 1)
        if subunits is not None and value == value.to_integral_value():
            cents, at = subunits
            value = EXACT.add(value, cents)
            rest = rest[:1] + rest[at:]
    for word in APPROX_SUFFIXES:
        if rest.endswith(word):
            approx = approx or word
            rest = rest[: -len(word)]
            break
    if rest[:1] == "倍" and rest[1:] in lx.APPROX_AFTER_MULTIPLE:
        approx, rest = approx or rest[1:], rest[:1]  # 一倍多, 3倍余: over a multiple
    return Quantity(_signed(sign, value), rest, approx, rank)


def _read(parse: object, number: str, text: str) -> Decimal:
    assert callable(parse)
    try:
        value = parse(number)
    except NumberError as error:
        raise NumberError(text, error.code, error.reason, "quantity") from None
    assert isinstance(value, Decimal)
    return value


# Units that begin with a magnitude character (5千克, 1.5兆瓦, 3百分点): after
# Arabic digits the character is the unit's SI prefix, never a magnitude
# (GB/T 15835-2011 lets only 万 and 亿 scale Arabic digits); 兆 before an SI
# unit is always the prefix (五兆瓦 is five megawatts).
_PREFIXED_UNITS = tuple(
    unit
    for unit in lx.MEASURE_UNITS + lx.CHANGE_UNITS + lx.PERCENT_UNITS
    if unit[0] in "千兆百" and len(unit) > 1
)


def _prefixed_unit(number: str, rest: str) -> tuple[str, str]:
    """Move an SI prefix from the end of a number to its unit: ("5千", "克") -> ("5", "千克")."""
    for cut in range(len(number) - 1, 0, -1):
        if number[cut] not in "千兆百":
            break
        joined = number[cut:] + rest
        # After a magnitude a 千 cannot be a magnitude either (1.2万千瓦, 一百千瓦).
        if joined.startswith(_PREFIXED_UNITS) and (
            number[cut - 1] in "0123456789０１２３４５６７８９十百千万萬亿億拾佰仟" or number[cut] == "兆"
        ):
            return number[:cut], joined
    return number, rest


def _number_run(s: str, text: str) -> int:
    """How many characters at the start of `s` (no layout left in it) form the number.

    Numeral characters, a point between digits (1.5, 三点二, 四十二．七) and a
    full-width comma between full-width digits.  The run is read whole: a
    shorter reading would leave a digit at the start of the unit ("1.2.3",
    "1,23"), which shows the whole was meant as one malformed number.
    """
    end = 0
    while end < len(s):
        ch = s[end]
        if ch in _DIGIT_CHAR_SET:
            end += 1
        elif ch in "点點" and end and s[end + 1 : end + 2].translate(_FOLD) in _CN_PLAIN_DIGITS:
            end += 1  # 三点二; not 3点 (index points) or 三点 (o'clock)
        elif ch == "，" and _FW_GROUPING.match(s, end):
            end += 1
        else:
            break
        if end > MAX_NUMBER_CHARS:
            # Stop scanning: whatever follows, this is no figure.
            reason = f"the number is longer than {MAX_NUMBER_CHARS} characters"
            raise NumberError(text, "too_long", reason, "quantity")
    return end


def parse_quantity(text: str) -> tuple[Decimal, str]:
    """Parse a typed quantity: an optionally signed number and a unit.

    Read by `read_quantity`, so a magnitude goes into the value (``1.3万元`` ->
    ``(13000, '元')``, as the claim standard keeps money in 元) and an
    approximation word or rank prefix is read past (``约3万元``, ``第3位``).
    ``百分之五``, ``千分之三`` and ``万分之二`` give the units ``%``, ``‰`` and
    ``‱``; a full-width ``％`` is written as ``%`` so corrections compare equal.
    An SI prefix after Arabic digits belongs to the unit: ``5千克`` gives
    ``(5, '千克')``, as the detector reads it.

    Raises NumberError (a ValueError): the codes are those of `parse_number`
    plus ``no_number``, ``unexpected_text`` and ``scientific_notation``
    (``1e5000`` is refused, not read as 1 with the unit ``e5000``).
    """
    quantity = read_quantity(text)
    return quantity.value, "%" if quantity.unit == "％" else quantity.unit


def _signed(sign: int, value: Decimal) -> Decimal:
    # Keep "-0" from becoming Decimal('-0'), which prints differently from 0.
    return -value if sign < 0 and value else value


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
