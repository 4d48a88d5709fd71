"""The time phrase of a claim keeps its month: 2023年9月底, not 2023年9."""

from __future__ import annotations

import pytest

from desktop.claims.context import contexts
from desktop.claims.detector import detect


@pytest.mark.parametrize(
    ("sentence", "time"),
    [
        ("截至2023年6月底，全市共有志愿者8325人。", "截至2023年6月底"),
        ("2023年9月底，全省新增病例120例。", "2023年9月底"),
        ("2023年1—8月，出口额增长12.5%。", "2023年1—8月"),
        ("今年1-10月份，客运量达3.2亿人次。", "今年1-10月份"),
    ],
)
def test_the_time_phrase_keeps_its_month(sentence: str, time: str) -> None:
    claims = detect(sentence)
    assert claims
    assert contexts(sentence, claims)[-1].time == time
