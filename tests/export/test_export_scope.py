"""The scope of an export, named on the 说明 sheet in the workbook's words."""

from __future__ import annotations

from desktop.export.scope import ExportScope


def test_everything_is_named_as_such() -> None:
    assert ExportScope().is_everything and ExportScope().description() == "全部"


def test_articles_statuses_and_kinds_are_named_in_chinese() -> None:
    scope = ExportScope(
        statuses=("corrected",), kinds=("money", "percent"), article_ids=(3, 7), headlines=("标题",)
    )
    assert not scope.is_everything
    assert scope.description() == "文章: 《标题》、ID 7；状态: 已更正；类型: 金额、比例"
