"""A page that opens on a news-agency tag (【本報訊】, 〔記者…／…報導〕, 本報記者…) prints its headlines after their bodies."""

from __future__ import annotations

from pathlib import Path

from desktop.ingest.model import Page, SourceText
from desktop.ingest.segment import segment


def page_of(text: str) -> Page:
    return segment(SourceText(Path("page.txt"), text, "utf-8"))


def furniture(page: Page) -> list[str]:
    return [record.text for record in page.furniture]


SOURCE_TAG_SIMPLIFIED = """\
【本报讯】今年以来，全市新改建农村公路312公里，完成年度任务的
64.5%，惠及沿线群众12万人。

全市交通系统累计投入资金3.6亿元，实施了一批道路提升工程。

全市新改建农村公路312公里
"""


def test_a_page_opening_on_a_bracketed_source_tag_keeps_its_closing_headline() -> None:
    page = page_of(SOURCE_TAG_SIMPLIFIED)
    (article,) = page.articles
    assert article.headline == "全市新改建农村公路312公里"
    assert furniture(page) == []
    byline = [article.text[p.start : p.end] for p in article.parts if p.role == "byline"]
    assert byline == ["【本报讯】"]
    assert article.byline == ""  # a source, not a person


CREDIT_TAGS_TRADITIONAL = """\
經濟日報　一一四年十一月十日　星期一　財經要聞

〔記者林庭瑋／台北報導〕財政部昨日公布十月海關進出口貿易統計，出口值達四百八十五．二億美元，年增四十二．七％。

十月出口年增四十二．七％

〔記者李宜臻／台北報導〕台股昨日震盪走低，外資昨賣超台股１２４．６億元，投信則買超１８．２億元。

外資賣超台股１２４．６億元
"""


def test_traditional_credit_tags_under_a_masthead_read_headlines_after_bodies() -> None:
    page = page_of(CREDIT_TAGS_TRADITIONAL)
    first, second = page.articles
    assert first.headline == "十月出口年增四十二．七％"
    assert first.byline == "記者林庭瑋／台北報導"
    assert second.headline == "外資賣超台股１２４．６億元"
    assert second.byline == "記者李宜臻／台北報導"
    # The masthead line is page furniture, not an article's headline.
    assert furniture(page) == ["經濟日報　一一四年十一月十日　星期一　財經要聞"]


def test_staff_reporter_and_round_bracket_leads_in_both_scripts() -> None:
    for lead in (
        "本報記者林庭瑋台北報導　",
        "本报记者 张三 报道 ",
        "（記者 王大明 報導）",
        "（记者 王大明 报道）",
    ):
        page = page_of(f"{lead}全市去年接待游客1200万人次，同比增长8.5%。\n\n全市接待游客1200万人次\n")
        (article,) = page.articles
        assert article.headline == "全市接待游客1200万人次", lead
        assert article.byline.replace(" ", "") == lead.strip("（）　 ").replace(" ", ""), lead


def test_brackets_quoted_inside_a_paragraph_or_other_tags_are_no_dateline() -> None:
    quoted = """\
全市接待游客1200万人次

市民在【本报讯】栏目看到，全市去年接待游客1200万人次，同比增长8.5%。

另据统计，旅游收入达95亿元。
"""
    (article,) = page_of(quoted).articles
    assert article.headline == "全市接待游客1200万人次"  # a headline above its body, as before
    assert article.byline == ""
    for opening in ("【编者按】", "本报记者了解到，", "［图］"):
        page = page_of(f"旅游收入达95亿元\n\n{opening}全市去年旅游收入达95亿元，同比增长8.5%。\n")
        (article,) = page.articles
        assert article.headline == "旅游收入达95亿元", opening
        assert article.byline == "", opening
        assert [p.role for p in article.parts] == ["headline", "body"], opening
