"""Precision and approximation words (checks.figures)."""

from __future__ import annotations

from decimal import Decimal

from desktop.checks.figures import ABOUT, EXACT, OVER, UNDER, figure_of, plain
from desktop.claims.detector import detect
from desktop.claims.model import Claim


def figure(text: str, index: int = 0):  # type: ignore[no-untyped-def]
    claims = detect(text)
    return figure_of(claims[index], text)


def test_rounding_to_the_stated_precision() -> None:
    f = figure("降幅达51%")
    assert f.agrees(Decimal("51.236"))
    assert not f.agrees(Decimal("51.5"))
    assert figure("降幅达51.2%").agrees(Decimal("51.236"))
    assert not figure("降幅达51.3%").agrees(Decimal("51.236"))


def test_magnitudes_set_the_step() -> None:
    f = figure("增加3.5万元")
    assert f.step == Decimal(1000)
    assert f.agrees(Decimal(34960))
    assert not f.agrees(Decimal(34400))


def test_jin_is_just_under() -> None:
    f = figure("减轻负担近10亿元")
    assert f.approx == UNDER
    assert f.agrees(Decimal("9.6e8"))
    assert not f.agrees(Decimal("1.02e9"))
    assert not f.agrees(Decimal("5e8"))


def test_over_words_are_over() -> None:
    for text in ("参与市民逾15万人次", "参与市民超过15万人次", "用电量突破15万千瓦时"):
        f = figure(text)
        assert f.approx == OVER, text
        assert f.agrees(Decimal(151000)), text
        assert not f.agrees(Decimal(149000)), text


def test_yue_and_zuoyou_are_either_side() -> None:
    for text in ("约300人", "300人左右"):
        f = figure(text)
        assert f.approx == ABOUT, text
        assert f.agrees(Decimal(290)) and f.agrees(Decimal(310)), text


def test_yu_and_duo_reach_one_unit_of_the_last_digit() -> None:
    f = figure("住院总费用8.77亿多元")
    assert f.approx == OVER
    assert f.interval.low >= Decimal("8.765e8")
    assert f.interval.high <= Decimal("8.78e8")


def test_exact_counts_are_exact() -> None:
    f = figure("办案269件")
    assert f.approx == EXACT
    assert f.interval.low == f.interval.high == 269


def test_a_figure_against_the_standard_is_not_used() -> None:
    # Built by hand: the detector may refuse such a span itself.
    claim = Claim(start=2, end=10, text="3万5000千人", value=Decimal(5030000), unit="人", kind="count")
    assert figure_of(claim).irregular
    assert not figure("增加3.5万元").irregular


def test_plain_numbers() -> None:
    assert plain(Decimal("-51.236"), 1) == "−51.2"
    assert plain(Decimal("1E+3")) == "1000"
    assert plain(Decimal("2.50")) == "2.5"
