from __future__ import annotations

import os
import pickle
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.claims.numerals import (
    ARABIC_CHARS,
    CHINESE_NUMERAL_CHARS,
    DIGIT_CHARS,
    MAGNITUDE_CHARS,
    MAX_FRACTION_DIGITS,
    MAX_INTEGER_DIGITS,
    MAX_NUMBER_CHARS,
    REFUSAL_CODES,
    NumberError,
    check_bounds,
    parse_number,
    parse_quantity,
    to_chinese,
)
from desktop.ingest.reflow import LAYOUT_MARKS

PARSE_CASES = [
    # Arabic, as the claim standard lists them
    ("65.04", "65.04"),
    ("1272", "1272"),
    ("1,234", "1234"),
    ("12,345,678.5", "12345678.5"),
    ("0.5", "0.5"),
    ("0012", "12"),
    ("65.10", "65.1"),
    ("3.00", "3"),
    # full-width
    ("１２", "12"),
    ("１２．５", "12.5"),
    ("３．４万", "34000"),
    # layout whitespace from PDFs
    ("1 272", "1272"),
    ("3.\n4万", "34000"),
    ("一 千\u3000零 五", "1005"),
    # Chinese reading form
    ("零", "0"),
    ("三", "3"),
    ("两", "2"),
    ("十", "10"),
    ("十一", "11"),
    ("二十", "20"),
    ("一百二十", "120"),
    ("一百一十", "110"),
    ("一千零五", "1005"),
    ("一千零五十", "1050"),
    ("两千", "2000"),
    ("三千五百万", "35000000"),
    ("十二万三千", "123000"),
    ("一万零三", "10003"),
    ("十万", "100000"),
    ("一亿零一万", "100010000"),
    ("一万亿", "1000000000000"),
    ("一千二百三十四万五千六百七十八亿九千零一十二万三千四百五十六", "1234567890123456"),
    # spoken shorthand
    ("一千五", "1500"),
    ("三百五", "350"),
    ("一万五", "15000"),
    ("两万五", "25000"),
    ("一亿二", "120000000"),
    # digit-by-digit
    ("二〇二三", "2023"),
    ("二零二三", "2023"),
    ("一二三", "123"),
    ("〇五", "5"),
    # Arabic with magnitudes
    ("3.4万", "34000"),
    ("140.05亿", "14005000000"),
    ("1272万", "12720000"),
    ("12,345万", "123450000"),
    ("1.2万亿", "1200000000000"),
    ("2.5千万", "25000000"),
    ("3千", "3000"),
    ("1亿2345万6789", "123456789"),
    ("1萬3780", "13780"),
    ("1萬0300", "10300"),
    ("467萬3155", "4673155"),
    ("0.00万", "0"),
    # Traditional and financial forms
    ("兩千", "2000"),
    ("三萬", "30000"),
    ("五億", "500000000"),
    ("壹佰贰拾叁", "123"),
    ("貳仟零伍拾", "2050"),
    ("參拾陸", "36"),
    ("壹拾", "10"),
    ("肆萬柒仟捌佰玖拾", "47890"),
    ("陸億", "600000000"),
]


@pytest.mark.parametrize(("text", "expected"), PARSE_CASES)
def test_parse_number(text: str, expected: str) -> None:
    value = parse_number(text)
    assert value == Decimal(expected)
    # The documented canonical form, not just an equal value: 3.4万 must not
    # come back as Decimal('3.40E+4') or 65.10 with its trailing zero.
    assert str(value) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "1.2.3",
        ".5",
        "5.",
        "1,23",
        "1,2345",
        ",123",
        "１，２３４",  # the full-width comma is punctuation
        "万三",
        "百",
        "千",
        "万",
        "亿",
        "abc",
        "3a",
        "七八",  # a range, "seven or eight"
        "三五",
        "两〇二三",
        "一百一千",  # units out of order
        "一千零",
        "一千零零五",
        "一千零百",
        "一百十二",  # 百 then bare 十 is not a standard form
        "三三百",
        "1万3",  # 10003 or 13000? refused
        "1萬37800",
        "3.4万5000",
        "一亿二亿",
        "一万二万",
        "3.三",
        "三.5",
        "1千2百",
        "-3",  # signs belong to parse_quantity
        "廿",
    ],
)
def test_parse_number_rejects(text: str) -> None:
    with pytest.raises(ValueError, match="not a number"):
        parse_number(text)


QUANTITY_CASES = [
    ("1.3万", "13000", ""),
    ("1.3万元", "13000", "元"),
    ("140.05亿元", "14005000000", "元"),
    ("12%", "12", "%"),
    ("12％", "12", "%"),
    ("一百二十", "120", ""),
    ("120人", "120", "人"),
    (" 5000 元 ", "5000", "元"),
    ("-3.5", "-3.5", ""),
    ("−3.5%", "-3.5", "%"),
    ("+7", "7", ""),
    ("-0", "0", ""),
    ("百分之五", "5", "%"),
    ("百分之三十五", "35", "%"),
    ("千分之三", "3", "‰"),
    ("3个百分点", "3", "个百分点"),
    ("6.39 个 百分点", "6.39", "个百分点"),
    ("2.4‰", "2.4", "‰"),
    ("15.1/10万", "15.1", "/10万"),
    ("1272万件", "12720000", "件"),
    ("三个", "3", "个"),
    ("两种", "2", "种"),
    ("1,234元", "1234", "元"),
    ("１２．５万人", "125000", "人"),
    ("5千克", "5000", "克"),  # documented: 千 is read as a magnitude
]


@pytest.mark.parametrize(("text", "value", "unit"), QUANTITY_CASES)
def test_parse_quantity(text: str, value: str, unit: str) -> None:
    got_value, got_unit = parse_quantity(text)
    assert (str(got_value), got_unit) == (value, unit)


@pytest.mark.parametrize(
    "text", ["", "abc", "元", "万三", "1.2.3", "1,23元", "百分之", "百分之五元", "-", "%"]
)
def test_parse_quantity_rejects(text: str) -> None:
    with pytest.raises(ValueError, match="not a"):
        parse_quantity(text)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (0, "零"),
        (7, "七"),
        (10, "十"),
        (12, "十二"),
        (20, "二十"),
        (110, "一百一十"),
        (120, "一百二十"),
        (1005, "一千零五"),
        (1050, "一千零五十"),
        (10010, "一万零一十"),
        (20003, "二万零三"),
        (100000, "十万"),
        (100010, "十万零一十"),
        (123000, "十二万三千"),
        (35000000, "三千五百万"),
        (100000000, "一亿"),
        (100010000, "一亿零一万"),
        (105000000, "一亿零五百万"),
        (1000000000000, "一万亿"),
        (10**16 - 1, "九千九百九十九万九千九百九十九亿九千九百九十九万九千九百九十九"),
    ],
)
def test_to_chinese(value: int, expected: str) -> None:
    assert to_chinese(Decimal(value)) == expected


@pytest.mark.parametrize(
    "value", [Decimal(-1), Decimal(10**16), Decimal("1.5"), Decimal("NaN"), Decimal("Infinity")]
)
def test_to_chinese_rejects(value: Decimal) -> None:
    with pytest.raises(ValueError):
        to_chinese(value)


def test_to_chinese_accepts_integral_decimal_with_exponent() -> None:
    assert to_chinese(Decimal("1.2E+3")) == "一千二百"


@given(st.integers(min_value=0, max_value=10**16 - 1))
def test_to_chinese_round_trips(n: int) -> None:
    assert parse_number(to_chinese(Decimal(n))) == n


@given(st.integers(min_value=0, max_value=10**MAX_INTEGER_DIGITS - 1))
def test_grouped_arabic_round_trips(n: int) -> None:
    value = parse_number(format(n, ","))
    assert value == n
    # Beyond the default 28-digit context: the parse must stay exact.
    assert str(value) == str(n)


@given(st.decimals(min_value=0, max_value=10**12, places=2, allow_nan=False, allow_infinity=False))
def test_magnitude_applies_exactly(d: Decimal) -> None:
    assert parse_number(f"{d}万") == d * 10**4
    assert parse_number(f"{d}亿") == d * 10**8
    assert parse_number(f"{d}万亿") == d * 10**12
    assert "E" not in str(parse_number(f"{d}万"))


@given(st.integers(min_value=1, max_value=9999), st.integers(min_value=0, max_value=9999))
def test_table_form_matches_reading_form(high: int, low: int) -> None:
    # 467萬3155 in a statistics table is the same number as the words.
    assert parse_number(f"{high}萬{low:04d}") == parse_number(to_chinese(Decimal(high * 10**4 + low)))


@given(st.integers(min_value=0, max_value=10**9), st.data())
def test_layout_whitespace_is_ignored(n: int, data: st.DataObject) -> None:
    text = to_chinese(Decimal(n))
    cut = data.draw(st.integers(min_value=0, max_value=len(text)))
    assert parse_number(text[:cut] + " \n" + text[cut:]) == n


@given(st.text(alphabet=DIGIT_CHARS + " x-", max_size=12))
def test_parse_number_only_raises_value_error(text: str) -> None:
    # Junk from a PDF must come back as ValueError, never as a crash.
    try:
        value = parse_number(text)
    except ValueError:
        return
    assert value.is_finite()
    assert value >= 0


@given(
    st.integers(min_value=0, max_value=10**12), st.sampled_from(["元", "人", "%", "个百分点", "/10万", ""])
)
def test_quantity_splits_number_and_unit(n: int, unit: str) -> None:
    assert parse_quantity(f"{n}{unit}") == (Decimal(n), unit)
    assert parse_quantity(f"{to_chinese(Decimal(n))}{unit}") == (Decimal(n), unit)


def test_character_sets() -> None:
    assert "，" not in DIGIT_CHARS
    assert "," in ARABIC_CHARS
    assert set(MAGNITUDE_CHARS) <= set(CHINESE_NUMERAL_CHARS)
    assert set(DIGIT_CHARS) == set(ARABIC_CHARS) | set(CHINESE_NUMERAL_CHARS)
    # Every character we advertise must be readable in some token.
    for ch in DIGIT_CHARS:
        if ch in ".．,":
            continue
        token = ch if ch not in MAGNITUDE_CHARS else "三" + ch
        parse_number(token)


def test_core_does_not_import_qt() -> None:
    root = Path(__file__).resolve().parents[2]
    code = "import sys, desktop.claims.numerals; sys.exit('PySide6' in sys.modules)"
    env = {**os.environ, "PYTHONPATH": str(root)}
    assert subprocess.run([sys.executable, "-c", code], cwd=root, env=env, check=False).returncode == 0


CN2AN_CASES = [
    "十一",
    "一百二十",
    "一千零五",
    "两千",
    "三千五百万",
    "十二万三千",
    "一万零三",
    "一亿零一万",
    "一万亿",
    "十万零一十",
    "一千零十",
    "一万五",
    "两万五",
    "一千五",
    "二〇二三",
    "一二三",
    "壹佰贰拾叁",
    "3.4万",
    "1272万",
    "140.05亿",
    "一千二百三十四万五千六百七十八",
]


@pytest.mark.parametrize("text", CN2AN_CASES)
def test_agrees_with_cn2an(text: str) -> None:
    cn2an = pytest.importorskip("cn2an")
    assert parse_number(text) == Decimal(str(cn2an.cn2an(text, "smart")))


@given(st.integers(min_value=0, max_value=10**12))
def test_to_chinese_agrees_with_cn2an(n: int) -> None:
    cn2an = pytest.importorskip("cn2an")
    assert cn2an.cn2an(to_chinese(Decimal(n)), "strict") == n


# --- what a figure may be ---------------------------------------------------


def refusal(call: object, text: str) -> NumberError:
    assert callable(call)
    with pytest.raises(NumberError) as caught:
        call(text)
    assert caught.value.code in REFUSAL_CODES
    return caught.value


def test_the_largest_figure_is_read_and_one_digit_more_is_refused() -> None:
    largest = "9" * MAX_INTEGER_DIGITS
    assert parse_number(largest) == Decimal(largest)
    assert parse_quantity(largest + "元") == (Decimal(largest), "元")
    for text in ("1" + "0" * MAX_INTEGER_DIGITS, format(10**MAX_INTEGER_DIGITS, ","), "1" + "0" * 22 + "亿"):
        error = refusal(parse_number, text)
        assert error.code == "too_large"
        assert f"more than {MAX_INTEGER_DIGITS} digits" in error.reason
        assert str(error).startswith("not a number: ")


def test_magnitudes_count_towards_the_bound() -> None:
    # 22 digits times 亿 is 30 digits: still a figure; 23 digits times 亿 is not.
    assert parse_number("1" * 22 + "亿") == Decimal("1" * 22 + "0" * 8)
    assert refusal(parse_number, "1" * 23 + "亿").code == "too_large"
    assert refusal(parse_number, "1" * 23 + "万亿").code == "too_large"


def test_too_many_decimal_places_are_refused() -> None:
    assert parse_number("0." + "1" * MAX_FRACTION_DIGITS) == Decimal("0." + "1" * MAX_FRACTION_DIGITS)
    # Trailing zeros are not precision.
    assert parse_number("1.5" + "0" * MAX_FRACTION_DIGITS) == Decimal("1.5")
    error = refusal(parse_number, "0." + "1" * (MAX_FRACTION_DIGITS + 1))
    assert error.code == "too_precise"
    assert f"more than {MAX_FRACTION_DIGITS} digits after" in error.reason


def test_a_run_of_digits_longer_than_any_figure_is_refused_without_reading_it() -> None:
    for text in ("1" * 10_000, "一" * 10_000, "0" * (MAX_NUMBER_CHARS + 1), "1 2 " * 10_000):
        error = refusal(parse_number, text)
        assert error.code == "too_long"
        assert str(MAX_NUMBER_CHARS) in error.reason
        # The message quotes the start of the run, not all of it.
        assert len(str(error)) < 200
    assert refusal(parse_quantity, "1" * 10_000 + "元").code == "too_long"


@pytest.mark.parametrize("text", ["1e5000", "1E5", "2.5e+3", "3e-2%", "1 e 10", "１ｅ５", "百分之1e5"])
def test_scientific_notation_is_refused_not_read_as_a_unit(text: str) -> None:
    # 1e5000 used to come back as (1, "e5000").
    error = refusal(parse_quantity, text)
    assert error.code in ("scientific_notation", "unexpected_text")
    assert str(error).startswith("not a quantity: ")


def test_scientific_notation_has_its_own_code() -> None:
    for call in (parse_quantity, parse_number):
        error = refusal(call, "1e5000")
        assert error.code == "scientific_notation"
        assert "scientific notation" in error.reason
    assert refusal(parse_number, "2.5E+3").code == "scientific_notation"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "no_number"),
        ("元", "no_number"),
        ("百分之五元", "unexpected_text"),
        ("1万3", "malformed"),
        ("1.2.3", "malformed"),
        ("1" + "0" * 40, "too_large"),
    ],
)
def test_every_quantity_refusal_has_a_stable_code(text: str, code: str) -> None:
    assert refusal(parse_quantity, text).code == code


def test_refusals_stay_value_errors_and_survive_pickling() -> None:
    # The store and the window catch ValueError around parse_quantity; a
    # worker process hands errors back pickled.
    with pytest.raises(ValueError, match="not a quantity"):
        parse_quantity("1e5000")
    error = refusal(parse_number, "1" * 31)
    copy = pickle.loads(pickle.dumps(error))
    assert (copy.text, copy.code, copy.reason, str(copy)) == (
        error.text,
        error.code,
        error.reason,
        str(error),
    )


def test_check_bounds() -> None:
    assert check_bounds(Decimal("-" + "9" * MAX_INTEGER_DIGITS), "x") == Decimal(
        "-" + "9" * MAX_INTEGER_DIGITS
    )
    assert check_bounds(Decimal(0), "0") == 0
    assert refusal(lambda text: check_bounds(Decimal("1E+30"), text), "1E+30").code == "too_large"
    assert refusal(lambda text: check_bounds(Decimal("1E-21"), text), "1E-21").code == "too_precise"


@given(st.text(alphabet=DIGIT_CHARS + " eE+-%元万", min_size=1, max_size=400))
def test_no_value_out_of_bounds_ever_comes_back(text: str) -> None:
    try:
        value, _ = parse_quantity(text)
    except NumberError as error:
        assert error.code in REFUSAL_CODES
        return
    assert value.copy_abs() < 10**MAX_INTEGER_DIGITS  # copy_abs: abs() rounds to 28 digits
    assert fraction_digits(value) <= MAX_FRACTION_DIGITS


def fraction_digits(value: Decimal) -> int:
    """Digits after the point, trailing zeros not counted."""
    _, digits, exponent = value.as_tuple()
    assert isinstance(exponent, int)
    trailing = len(digits) - len("".join(map(str, digits)).rstrip("0"))
    return max(0, -exponent - trailing)


# --- invisible marks ---------------------------------------------------------


@pytest.mark.parametrize("mark", sorted(LAYOUT_MARKS))
def test_invisible_marks_inside_a_typed_value_are_layout(mark: str) -> None:
    # A value pasted from a web page: 1\u200b000万元 used to read as 1 with the unit "\u200b000万元".
    assert parse_quantity(f"1{mark}000万元") == (Decimal(10_000_000), "元")
    assert parse_quantity(f"{mark}1{mark}2.5{mark}%{mark}") == (Decimal("12.5"), "%")
    assert parse_quantity(f"{mark}-{mark}3") == (Decimal(-3), "")
    assert parse_number(f"三{mark}千") == 3000
