"""Records for export tests, built directly: the export takes plain records, not a store.

A plain module rather than conftest.py, so tests import the factories by a
name no other test folder uses.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import Any

from desktop.store.records import ArticleSummary, ClaimView, ExportRow

SENTENCE = "全市二级以上公立医院实现65.04%的党支部书记和院长分设，比上年提高12.5个百分点。"

BASE_CLAIM = ClaimView(
    id="0f3a9c2e5b7d1e44",
    article_id=1,
    document_id=1,
    start=10,
    end=16,
    source_start=12,
    source_end=18,
    text="65.04%",
    value=Decimal("65.04"),
    value_low=None,
    unit="%",
    kind="percent",
    approx="",
    subject="公立医院",
    time="2023年",
    place="北京",
    sentence=SENTENCE,
    detector_version="1",
    orphaned=False,
    manual=False,
    status="pending",
    reason="",
    corrected_value=None,
    corrected_unit="",
    sources=(),
    note="",
    editor="",
    decided_at="",
    seconds_spent=None,
    version=1,
)


def make_row(
    index: int = 0,
    *,
    headline: str = "北京市卫健委通报2023年公立医院改革进展",
    date: str = "2024-03-05",
    file_name: str = "bj_health.txt",
    **claim: Any,
) -> ExportRow:
    """An ExportRow whose claim id is unique per index; any ClaimView field can be overridden."""
    fields: dict[str, Any] = {"id": f"{index:016x}"}
    fields.update(claim)
    return ExportRow(claim=replace(BASE_CLAIM, **fields), headline=headline, date=date, file_name=file_name)


def make_article(index: int = 1, **fields: Any) -> ArticleSummary:
    values: dict[str, Any] = {
        "id": index,
        "document_id": 1,
        "file_name": "bj_health.txt",
        "index": index - 1,
        "headline": f"第{index}篇：北京市卫健委通报公立医院改革进展",
        "byline": "",
        "date": "2024-03-05",
        "claims": 10,
        "pending": 4,
        "confirmed": 3,
        "corrected": 2,
        "rejected": 1,
    }
    values.update(fields)
    return ArticleSummary(**values)
