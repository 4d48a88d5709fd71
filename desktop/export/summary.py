"""The 文章汇总 sheet: one row per article, a totals row and a progress chart."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from openpyxl.chart import BarChart, Reference
from openpyxl.chart.data_source import AxDataSource, StrRef
from openpyxl.utils import get_column_letter

from desktop.export.cells import (
    SHARE_FORMAT,
    STATUS_COLOURS,
    CellMaker,
    bold_cell,
    clean_text,
    has_illegal,
    header_cells,
)
from desktop.export.columns import display_width
from desktop.export.labels import STATUS_LABELS
from desktop.store.records import STATUSES, ArticleSummary

SUMMARY_HEADERS = (
    "文章ID",
    "标题",
    "日期",
    "来源文件",
    "数字总数",
    *(STATUS_LABELS[status] for status in STATUSES),
    "已核比例",
)
_WIDTH_LIMITS = ((8, 10), (16, 50), (10, 16), (10, 30), (8, 10), (6, 8), (6, 8), (6, 8), (6, 8), (8, 10))
# The share's cell for an article without claims: the window's label for that state.
NO_CLAIMS = "无数字"
_FIRST_STATUS_COLUMN = 6  # 待核; the four status counts follow in STATUS_COLOURS order
_SHARE_COLUMN = 10


def write_summary(sheet: Any, articles: Sequence[ArticleSummary]) -> None:
    _set_widths(sheet, articles)
    sheet.freeze_panes = "A2"
    sheet.append(header_cells(sheet, SUMMARY_HEADERS))
    maker = CellMaker(sheet)
    text = maker.text
    for article in articles:
        article = _cleaned(article)
        sheet.append(
            [
                article.id,
                text(article.headline),
                text(article.date),
                text(article.file_name),
                article.claims,
                article.pending,
                article.confirmed,
                article.corrected,
                article.rejected,
                _share(maker, article.reviewed, article.claims),
            ]
        )
    last_row = len(articles) + 1
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(SUMMARY_HEADERS))}{max(last_row, 2)}"
    _append_totals(sheet, maker, articles)
    if articles:
        sheet.add_chart(_progress_chart(sheet, len(articles)), "L2")


def _cleaned(article: ArticleSummary) -> ArticleSummary:
    texts = (article.headline, article.date, article.file_name)
    if not any(has_illegal(value) for value in texts):
        return article
    return replace(
        article,
        headline=clean_text(article.headline),
        date=clean_text(article.date),
        file_name=clean_text(article.file_name),
    )


def _append_totals(sheet: Any, maker: CellMaker, articles: Sequence[ArticleSummary]) -> None:
    # Plain numbers rather than SUM formulas: openpyxl stores no cached
    # results, so formulas would read back empty until a spreadsheet
    # recalculates them.
    claims = sum(a.claims for a in articles)
    reviewed = sum(a.reviewed for a in articles)
    sheet.append(
        [
            bold_cell(sheet, "合计"),
            None,
            None,
            None,
            claims,
            sum(a.pending for a in articles),
            sum(a.confirmed for a in articles),
            sum(a.corrected for a in articles),
            sum(a.rejected for a in articles),
            _share(maker, reviewed, claims),
        ]
    )


def _share(maker: CellMaker, reviewed: int, claims: int) -> object:
    """The share reviewed; an article in which nothing was detected says so, as the window does.

    100 % would claim a review that never happened (and 0 % a backlog that
    does not exist), so the cell holds the window's word for it instead.
    """
    if not claims:
        return NO_CLAIMS
    return maker.formatted(reviewed / claims, _SHARE_COLUMN, SHARE_FORMAT)


def _progress_chart(sheet: Any, count: int) -> BarChart:
    """Horizontal stacked bars: each article's claims split by status."""
    chart = BarChart()
    chart.type = "bar"
    chart.grouping = "stacked"
    chart.overlap = 100
    chart.title = "各文章核查进度"
    chart.y_axis.title = "数字个数"
    chart.x_axis.title = "文章"
    # openpyxl 3.1 marks axes deleted unless told otherwise; Excel then hides them.
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    # Bar charts draw the first category at the bottom; flip to match the table.
    chart.x_axis.scaling.orientation = "maxMin"
    last = count + 1
    data = Reference(
        sheet, min_col=_FIRST_STATUS_COLUMN, max_col=_FIRST_STATUS_COLUMN + 3, min_row=1, max_row=last
    )
    chart.add_data(data, titles_from_data=True)
    # set_categories() would make a numeric reference; the headlines are text.
    headlines = AxDataSource(strRef=StrRef(f=str(Reference(sheet, min_col=2, min_row=2, max_row=last))))
    for series, (_fill, _font, bar) in zip(chart.series, STATUS_COLOURS.values(), strict=True):
        series.cat = headlines
        # DrawingML colours are RRGGBB; the cell styles' AARRGGBB would make Excel repair the file.
        series.graphicalProperties.solidFill = bar[-6:]
        series.graphicalProperties.line.solidFill = bar[-6:]
    chart.width = 24
    # Enough height for every bar to keep its label, within what a screen can scroll.
    chart.height = min(max(7.5, 0.6 * count + 3), 150)
    return chart


def _set_widths(sheet: Any, articles: Sequence[ArticleSummary]) -> None:
    widest = [display_width(header) + 2 for header in SUMMARY_HEADERS]
    for article in articles[:200]:
        widest[1] = max(widest[1], display_width(article.headline))
        widest[2] = max(widest[2], display_width(article.date))
        widest[3] = max(widest[3], display_width(article.file_name))
    for index, (width, (low, high)) in enumerate(zip(widest, _WIDTH_LIMITS, strict=True), start=1):
        sheet.column_dimensions[get_column_letter(index)].width = float(min(max(width + 2, low), high))
