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
    Quantity,
    check_bounds,
    parse_number,
    parse_quantity,
    read_quantity,
    read_subunits,
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
    # --- every style in docs/numeric-claims.md, "Other genres and numeral styles"
    # digit by digit, with 〇, 零 or the look-alike ○ as zero
    ("二九〇〇億", "290000000000"),
    ("二九〇〇亿", "290000000000"),
    ("三〇五", "305"),
    ("三○五", "305"),
    ("一〇五", "105"),
    # decimals inside Chinese numerals: 点, 點, the full-width point
    ("三点二", "3.2"),
    ("二点五", "2.5"),
    ("四点八", "4.8"),
    ("零点五", "0.5"),
    ("十五點七", "15.7"),
    ("四十二．七", "42.7"),
    ("一．三", "1.3"),
    ("两千三点一", "2300.1"),
    ("两千万点五五四四", "20000000.5544"),
    ("三点二万", "32000"),
    ("一點五億", "150000000"),
    ("两千点零", "2000"),
    # spoken abbreviations: a digit after a magnitude takes the next lower place
    ("一百五", "150"),
    ("两万三", "23000"),
    ("兩萬三", "23000"),
    ("千三", "1300"),
    ("百三", "130"),
    ("九百九", "990"),
    ("一千陆", "1600"),
    ("九十二万四", "924000"),
    # 万万 is 亿, 兆 is 10**12 (Taiwan, Hong Kong), 廿 卅 are twenty and thirty
    ("四万万", "400000000"),
    ("四萬萬", "400000000"),
    ("10万万", "1000000000"),
    ("3.2兆", "3200000000000"),
    ("五兆六十二亿四万五千二", "5006200045200"),
    ("廿三", "23"),
    ("卅", "30"),
    ("倆千两百贰拾二", "2222"),
    # Arabic digits with 千 and 百 as magnitudes, and 零
    ("1千零5", "1005"),
    ("1千零20", "1020"),
    ("1千2百", "1200"),
    ("5万4千6百", "54600"),
    ("5亿1万4千6百", "500014600"),
    ("2千零30万", "20300000"),
    ("25万6千", "256000"),
    ("3万4000", "34000"),
    ("1萬1,632", "11632"),
    ("48億6,000萬", "4860000000"),
    # a tail of two or three digits after 万 fills its low places
    ("81万437", "810437"),
    ("81萬437", "810437"),
    ("9万45", "90045"),
    ("81万0437", "810437"),
    # zeros that mark empty places, as papers write them
    ("四千万零六千", "40006000"),
    ("一万二百五十", "10250"),
    ("一百零十万", "1100000"),
    ("一万零十二", "10012"),
    # full-width grouping between full-width digits
    ("１，２３４", "1234"),
    ("１１１，１１１", "111111"),
    # layout spaces between the parts of a numeral
    ("三千 八百 九十六 万 四千 九百 六十五", "38964965"),
    ("7 万5 千4 百", "75400"),
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
        "1，234",  # the full-width comma is punctuation between ASCII digits
        "１，２３",  # and between full-width digits unless three follow
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
        "1萬3",
        "3亿4500",  # 3亿4500万 with 万 left out? refused
        "3億45",
        "81万43700",  # more digits than 万's four places
        "1萬37800",
        "3.4万5000",
        "一亿二亿",
        "一万二万",
        "3.三",
        "三.5",
        "1千5",  # 1005 or 1500?
        "1千零200",  # 零 leaves the hundreds empty
        "3.三",
        "三.5",
        "一二点五",
        "三点",
        "三点二点五",
        "千",
        "百万",  # a vague "million", or a lone magnitude
        "千万",
        "万万",
        "一万千三",
        "零点77",
        "-3",  # signs belong to parse_quantity
        "廿廿",
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
    # an SI prefix after Arabic digits is the unit's (5千米 is five kilometres)
    ("5千克", "5", "千克"),
    ("1.5兆瓦", "1.5", "兆瓦"),
    ("1.2万千瓦", "12000", "千瓦"),
    ("三千米", "3000", "米"),  # in Chinese numerals 千 is a magnitude
    # the styles of the other desks
    ("百分之百", "100", "%"),
    ("百分之二点五", "2.5", "%"),
    ("百分之1,250", "1250", "%"),
    ("百分之１，１２３", "1123", "%"),
    ("萬分之三", "3", "‱"),
    ("四十二．七％", "42.7", "%"),
    ("一．三倍", "1.3", "倍"),
    ("四点八个百分点", "4.8", "个百分点"),
    ("四點八個百分點", "4.8", "個百分點"),
    ("12元5角", "12.5", "元"),
    ("50元6角三分", "50.63", "元"),
    ("五元三毛", "5.3", "元"),
    ("3元零5分", "3.05", "元"),
    ("32.6億港元", "3260000000", "港元"),
    ("二九〇〇億美元", "290000000000", "美元"),
    ("负3.9%", "-3.9", "%"),
    ("負三十二", "-32", ""),
    # approximation words and rank prefixes are read past
    ("约3.4万名", "34000", "名"),
    ("1300余名", "1300", "名"),
    ("500余万", "5000000", ""),
    ("十余万人", "100000", "人"),
    ("一千多万", "10000000", ""),
    ("7000元左右", "7000", "元"),
    ("80分上下", "80", "分"),
    ("第3位", "3", "位"),
    ("前三名", "3", "名"),
]


@pytest.mark.parametrize(("text", "value", "unit"), QUANTITY_CASES)
def test_parse_quantity(text: str, value: str, unit: str) -> None:
    got_value, got_unit = parse_quantity(text)
    assert (str(got_value), got_unit) == (value, unit)


@pytest.mark.parametrize(
    "text", ["", "abc", "元", "万三", "1.2.3", "1,23元", "百分之", "百分之五元", "-", "%", "约", "第"]
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


# --- format -> parse round trips for every style ------------------------------

CN_DIGIT = "零一二三四五六七八九"
TRADITIONAL = str.maketrans("万亿两", "萬億兩")
FINANCIAL = str.maketrans("一二三四五六七八九十百千", "壹貳參肆伍陸柒捌玖拾佰仟")


@given(st.integers(min_value=0, max_value=10**16 - 1))
def test_traditional_and_financial_forms_round_trip(n: int) -> None:
    written = to_chinese(Decimal(n))
    assert parse_number(written.translate(TRADITIONAL)) == n
    assert parse_number(written.translate(FINANCIAL).translate(TRADITIONAL)) == n


@given(
    st.integers(min_value=0, max_value=10**12),
    st.text(alphabet="0123456789", min_size=1, max_size=6),
    st.sampled_from(["点", "點", "．"]),
)
def test_chinese_decimals_round_trip(whole: int, digits: str, point: str) -> None:
    # 三点二, 四十二．七, 一千零五點零六: the digits after the point are read one by one.
    written = to_chinese(Decimal(whole)) + point + "".join(CN_DIGIT[int(d)] for d in digits)
    assert parse_number(written) == Decimal(f"{whole}.{digits}")


@given(st.integers(min_value=1, max_value=9999), st.integers(min_value=1, max_value=9))
def test_a_chinese_decimal_takes_the_magnitude_after_it(whole: int, digit: int) -> None:
    written = to_chinese(Decimal(whole)) + "点" + CN_DIGIT[digit]
    assert parse_number(written + "万") == (whole + Decimal(digit) / 10) * 10**4
    assert parse_number(written + "亿") == (whole + Decimal(digit) / 10) * 10**8


@given(
    st.integers(min_value=1, max_value=9),
    st.integers(min_value=1, max_value=9),
    st.sampled_from([(2, "百"), (3, "千"), (4, "万"), (8, "亿")]),
)
def test_spoken_abbreviations_round_trip(head: int, tail: int, place: tuple[int, str]) -> None:
    # 一百五 = 150, 两千三 = 2300, 两万三 = 23000, 三亿五 = 350000000.
    power, word = place
    value = head * 10**power + tail * 10 ** (power - 1)
    assert parse_number(CN_DIGIT[head] + word + CN_DIGIT[tail]) == value
    if head == 2:
        assert parse_number("两" + word + CN_DIGIT[tail]) == value
    if head == 1 and power in (2, 3):
        assert parse_number(word + CN_DIGIT[tail]) == value  # 千三, 百五


@given(st.integers(min_value=1, max_value=9), st.integers(min_value=1, max_value=99))
def test_arabic_with_qian_and_ling_round_trips(thousands: int, rest: int) -> None:
    # 1千零5, 2千零30: 零 says the hundreds are empty.
    assert parse_number(f"{thousands}千零{rest}") == thousands * 1000 + rest
    assert parse_number(f"{thousands}千零{rest}万") == (thousands * 1000 + rest) * 10**4


@given(
    st.integers(min_value=0, max_value=9999),
    st.integers(min_value=0, max_value=9),
    st.integers(min_value=0, max_value=9),
    st.integers(min_value=0, max_value=9),
)
def test_arabic_parts_across_magnitudes_round_trip(wan: int, qian: int, bai: int, ge: int) -> None:
    # 5万4千6百, 7万5千4百: each Arabic part scaled by the word after it.
    parts = [(wan, "万"), (qian, "千"), (bai, "百")]
    written = "".join(f"{n}{w}" for n, w in parts if n)
    if not written:
        return
    value = wan * 10**4 + qian * 1000 + bai * 100
    assert parse_number(written) == value


@given(st.integers(min_value=100, max_value=10**12).filter(lambda n: "0" in str(n)))
def test_digit_by_digit_round_trips(n: int) -> None:
    # 二〇二三, 三〇五, 二九〇〇: one numeral per digit, 〇 (or ○, 零) for zero.
    for zero in "〇○零":
        assert parse_number("".join(zero if d == "0" else CN_DIGIT[int(d)] for d in str(n))) == n


@given(st.integers(min_value=1, max_value=9999))
def test_wan_wan_is_yi(n: int) -> None:
    assert parse_number(to_chinese(Decimal(n)) + "万万") == n * 10**8
    assert parse_number(f"{n}萬萬") == n * 10**8


@given(st.integers(min_value=1, max_value=10**9), st.sampled_from(["百分之", "千分之", "万分之"]))
def test_fraction_words_round_trip(n: int, word: str) -> None:
    unit = {"百分之": "%", "千分之": "‰", "万分之": "‱"}[word]
    assert parse_quantity(word + to_chinese(Decimal(n))) == (n, unit)
    assert parse_quantity(word + format(n, ",")) == (n, unit)


@given(st.integers(min_value=0, max_value=10**9), st.integers(min_value=0, max_value=9), st.integers(0, 9))
def test_yuan_jiao_fen_round_trip(yuan: int, jiao: int, fen: int) -> None:
    written = f"{yuan}元" + (f"{jiao}角" if jiao else "") + (f"{fen}分" if fen else "")
    assert parse_quantity(written) == (yuan + Decimal(jiao) / 10 + Decimal(fen) / 100, "元")


@given(st.text(max_size=60))
def test_no_string_raises_anything_but_a_number_error(text: str) -> None:
    # Whatever an editor types or a page holds: a value or a NumberError, never a crash.
    for call in (parse_number, parse_quantity, read_quantity):
        try:
            call(text)
        except NumberError as error:
            assert error.code in REFUSAL_CODES


@given(st.text(alphabet=DIGIT_CHARS + "点點．，,.元角分毛%百分之万亿余多来约第前负- ", max_size=40))
def test_no_numeral_soup_raises_anything_but_a_number_error(text: str) -> None:
    for call in (parse_number, parse_quantity, read_quantity):
        try:
            value = call(text)
        except NumberError as error:
            assert error.code in REFUSAL_CODES
            continue
        number = (
            value if isinstance(value, Decimal) else value[0] if isinstance(value, tuple) else value.value
        )
        assert number.is_finite()


def test_read_quantity_keeps_the_words_around_the_number() -> None:
    assert read_quantity("约3.4万名") == Quantity(Decimal(34000), "名", "约")
    assert read_quantity("9800余万元") == Quantity(Decimal(98000000), "元", "余")
    assert read_quantity("90%以上") == Quantity(Decimal(90), "%", "以上")
    assert read_quantity("第一名") == Quantity(Decimal(1), "名", "", "第")
    assert read_quantity("四十二．七％") == Quantity(Decimal("42.7"), "％")


def test_read_subunits() -> None:
    assert read_subunits("5角", 0) == (Decimal("0.5"), 2)
    assert read_subunits("5角3分，", 0) == (Decimal("0.53"), 4)
    assert read_subunits("零5分", 0) == (Decimal("0.05"), 3)
    assert read_subunits("三毛", 0) == (Decimal("0.3"), 2)
    # minutes, fractions and anything else after 元 are not 角 and 分
    for text in ("5分钟", "3分之一", "50分", "，5角", "角"):
        assert read_subunits(text, 0) is None


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
