"""Article segmentation: one reflowed page -> its articles.

`segment` reflows the page (see `reflow`) and sorts its paragraphs into
articles.  Each paragraph is first given a kind:

* heading   a markdown heading (``#``, ``##`` ...);
* dateline  a paragraph that opens with a news-agency credit or tag:
            ``滨州日报/滨州网讯（记者 … 报道）9月13日，…``, ``新华社北京9月13日电
            （记者 …）``, ``（通讯员 … 报道）…``, ``【本報訊】``, ``〔記者…／…報導〕``,
            ``本報記者…報導`` (Simplified or Traditional; only at its start);
* byline    a credit standing alone: ``记者 陶春燕``, ``陶春燕 聊城报道``,
            ``(通讯员 孙泽龙)``;
* title     short and with no sentence-final punctuation: a headline, deck,
            kicker or section subhead;
* body      everything else.

The page is then read in one of three ways:

* Markdown pages: the top heading level present starts articles; a lower
  heading straight under the headline whose level does not come back in that
  article is its deck; other headings are subheads.
* Dateline pages whose first paragraph is a dateline (under a masthead line
  of paper, date and weekday, if any: it becomes furniture) and whose last is
  a title print each headline after its body (Binzhou Daily, Hong Kong and
  Taiwan papers' 【本報訊】 and 〔記者…〕 leads): the run of titles
  just before a dateline, and the one ending the page, belong to the article
  above.  Their order there is not fixed, so the headline is the first title
  without a comma; the others are decks.
* Other pages print titles above the body.  A run of titles starts an article
  when it heads a dateline, carries a byline, holds a kicker and a headline, or
  is a single title that is not shaped like a subhead (no comma, no inner
  space, no enumerator).  The headline is the last title without a comma: a
  kicker sits above a headline.  On a page that has datelines only datelines
  start articles, so titles inside a body stay subheads.

A dateline paragraph is split in two parts: its credit (role "byline") and
the rest (role "body"); `Article.date` is the date written after the credit.
Bylines that follow a body belong to the article above.  Text before the
first article that holds no body, and titles left over at the end of a page,
become furniture.  Every source character outside markdown markers ends up in
exactly one part of one article or furniture record.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum

from desktop.ingest.model import SYNTHETIC, Article, Page, Part, SourceText
from desktop.ingest.reflow import BYLINE, CREDIT_ROLE, DATELINE, Paragraph, display_width, is_byline, reflow

__all__ = ["segment", "segment_paragraphs"]


class _Kind(Enum):
    HEADING = "heading"
    DATELINE = "dateline"
    BYLINE = "byline"
    TITLE = "title"
    BODY = "body"


_CREDIT_ROLE = re.compile(CREDIT_ROLE)
_CREDIT_ROLE_GLUED = re.compile(rf"({CREDIT_ROLE})(?=[\u3400-\u9fff]{{2}})")
_REPORTED_GLUED = re.compile(r"(?<=[\u3400-\u9fff])报道$")
_DATE = re.compile(r"(?:\d{4}年)?\d{1,2}月\d{1,2}日")
# Sentence punctuation: a paragraph with any of it is not a title, and one
# ending in a pause ("，", "：") runs on.
_SENTENCE_STOP = re.compile(r"[。！？!?；;]")
_PAUSE_END = re.compile(r"[，,、：:]$")
_COMMA = re.compile(r"[，,；;]")
_SUBHEAD_SHAPE = re.compile(
    r"[，,；;]|[\u3400-\u9fff]\s+[\u3400-\u9fff]"
    r"|^(?:[一二三四五六七八九十]+[、．.]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、．.]|第[一二三四五六七八九十\d]+[，,、\s])"
)
_TITLE_WIDTH = 80.0
_TITLE_LINES = 6
# A credit's role in Simplified or Traditional characters.
_ROLE = (
    r"(?:本[报報]|特[约約]|[见見][习習]|[实實][习習]|首席)?"
    r"(?:[摄攝]影[记記]者|[记記]者|通[讯訊][员員]|[实實][习習]生|[摄攝]影)"
)
# A news-agency tag opening a paragraph, besides DATELINE's "…讯（记者 …）":
# a bracketed source "【本報訊】", "〔中央社台北10日電〕"; a bracketed credit
# "〔記者林庭瑋／台北報導〕", "（記者 … 報導）"; a staff credit "本報記者林庭瑋台北報導"
# (with its 报道 or a space after the name, so "本报记者了解到，" is a sentence).
_AGENCY_LEAD = re.compile(
    r"[【〔［\[]\s*(?P<source>[^\s【】〔〕［］\[\]，。；：！？、,;:!?]{1,20}?[讯訊电電])\s*[】〕］\]]"
    rf"|[【〔［\[（(]\s*(?P<credit>{_ROLE}[^【】〔〕［］\[\]（）()\n]{{0,40}}?)\s*[】〕］\]）)]"
    rf"|(?P<staff>本[报報][记記]者\s*[\u3400-\u9fff·]{{2,4}}"
    r"(?:\s*[\u3400-\u9fff]{0,6}[报報][道導]|(?=[ \u3000])))"
)
# A page's masthead line: paper, date, weekday, section ("經濟日報　一一四年十一月十日　星期一　財經要聞").
_WEEKDAY = re.compile(r"星期[一二三四五六日天]|[週周][一二三四五六日]|[礼禮]拜[一二三四五六日天]")


@dataclass
class _Segment:
    role: str
    text: str
    offsets: tuple[int, ...]


@dataclass
class _Draft:
    """An article while its paragraphs are being collected."""

    headline: _Segment | None = None
    decks: list[_Segment] = field(default_factory=list)
    bylines: list[_Segment] = field(default_factory=list)
    credits: list[str] = field(default_factory=list)
    body: list[_Segment] = field(default_factory=list)
    date: str = ""

    def add_byline(self, paragraph: Paragraph) -> None:
        self.bylines.append(_whole("byline", paragraph))
        match = BYLINE.fullmatch(paragraph.text)
        bracketed = match.group("bracketed") if match is not None else None
        self.credits.append(_credit(bracketed if bracketed else paragraph.text))

    def add_dateline(self, paragraph: Paragraph) -> None:
        lead = _lead(paragraph.text)
        assert lead is not None  # only called on paragraphs classified as datelines
        cut, credit, source = lead
        self.bylines.append(_Segment("byline", paragraph.text[:cut], paragraph.offsets[:cut]))
        if credit:
            self.credits.append(_credit(credit))
        body = len(paragraph.text) - len(paragraph.text[cut:].lstrip())
        if body < len(paragraph.text):
            self.body.append(_Segment("body", paragraph.text[body:], paragraph.offsets[body:]))
        if not self.date:
            date = _DATE.match(paragraph.text, body)
            if date is None and source:
                date = _DATE.search(source)
            self.date = date.group() if date is not None else ""


def _lead(text: str) -> tuple[int, str, str] | None:
    """Where a dateline's lead ends, its credit and its source ("" when none), or None."""
    match = DATELINE.match(text)
    if match is not None:
        return match.end(), match.group("credit"), match.group("source") or ""
    tag = _AGENCY_LEAD.match(text)
    if tag is not None:
        return tag.end(), tag.group("credit") or tag.group("staff") or "", tag.group("source") or ""
    return None


def _credit(text: str) -> str:
    """The byline as an editor reads it.

    A line break inside a credit leaves no space (a break between "记者" and
    "丁春贵" reflows to "记者丁春贵 报道"), so the conventional spaces after
    the role and before a closing "报道" are put back.
    """
    text = text.strip()
    if _CREDIT_ROLE.match(text):
        text = _REPORTED_GLUED.sub(" 报道", _CREDIT_ROLE_GLUED.sub(r"\1 ", text))
    return text


def segment(source: SourceText) -> Page:
    """Split a decoded page into its articles (and any page furniture)."""
    return segment_paragraphs(source, reflow(source.text))


def segment_paragraphs(source: SourceText, paragraphs: list[Paragraph]) -> Page:
    """`segment` for paragraphs already produced by `reflow(source.text)`."""
    kinds = [_kind(paragraph) for paragraph in paragraphs]
    if _Kind.HEADING in kinds:
        drafts, furniture = _markdown_page(paragraphs, kinds)
    elif _Kind.DATELINE in kinds and _headlines_follow_bodies(paragraphs, kinds):
        drafts, furniture = _headline_after_page(paragraphs, kinds)
    else:
        drafts, furniture = _headline_before_page(paragraphs, kinds)
    articles = tuple(_article(index, draft) for index, draft in enumerate(drafts))
    furniture_records = tuple(_furniture(index, run) for index, run in enumerate(furniture))
    return Page(source, articles, furniture_records)


def _kind(paragraph: Paragraph) -> _Kind:
    text = paragraph.text
    if paragraph.heading:
        return _Kind.HEADING
    # A credit standing alone is a byline even when it looks like a dateline's.
    if is_byline(text):
        return _Kind.BYLINE
    if _lead(text) is not None:
        return _Kind.DATELINE
    if (
        not _SENTENCE_STOP.search(text)
        and not _PAUSE_END.search(text)
        and paragraph.lines <= _TITLE_LINES
        and display_width(text) <= _TITLE_WIDTH
    ):
        return _Kind.TITLE
    return _Kind.BODY


def _headlines_follow_bodies(paragraphs: list[Paragraph], kinds: list[_Kind]) -> bool:
    """Binzhou layout: the page opens on a dateline (under its masthead, if any) and closes on a title."""
    first = kinds.index(_Kind.DATELINE)
    if any(
        kind == _Kind.TITLE and not _WEEKDAY.search(paragraphs[index].text)
        for index, kind in enumerate(kinds[:first])
    ):
        return False
    for kind in reversed(kinds):
        if kind != _Kind.BYLINE:
            return kind == _Kind.TITLE
    return False


def _whole(role: str, paragraph: Paragraph) -> _Segment:
    return _Segment(role, paragraph.text, paragraph.offsets)


def _pick_headline(titles: list[Paragraph], after_body: bool) -> int:
    """Index of the headline among a run of titles (the rest are decks)."""
    plain = [index for index, title in enumerate(titles) if not _COMMA.search(title.text)]
    if plain:
        return plain[0] if after_body else plain[-1]
    return min(range(len(titles)), key=lambda index: len(titles[index].text))


def _take_titles(
    draft: _Draft, paragraphs: list[Paragraph], kinds: list[_Kind], run: range, after_body: bool
) -> None:
    """Give `draft` the headline, decks and bylines of a run of titles."""
    titles = [paragraphs[index] for index in run if kinds[index] == _Kind.TITLE]
    if titles:
        chosen = _pick_headline(titles, after_body)
        draft.headline = _whole("headline", titles[chosen])
        draft.decks.extend(_whole("deck", title) for number, title in enumerate(titles) if number != chosen)
    for index in run:
        if kinds[index] == _Kind.BYLINE:
            draft.add_byline(paragraphs[index])


def _take_body(draft: _Draft, paragraph: Paragraph, kind: _Kind) -> None:
    if kind == _Kind.DATELINE:
        draft.add_dateline(paragraph)
    elif kind == _Kind.BYLINE:
        draft.add_byline(paragraph)
    elif kind in (_Kind.TITLE, _Kind.HEADING):
        draft.body.append(_whole("subhead", paragraph))
    else:
        draft.body.append(_whole("body", paragraph))


def _markdown_page(
    paragraphs: list[Paragraph], kinds: list[_Kind]
) -> tuple[list[_Draft], list[list[Paragraph]]]:
    top = min(paragraph.heading for paragraph in paragraphs if paragraph.heading)
    starts = [index for index, paragraph in enumerate(paragraphs) if paragraph.heading == top]
    drafts: list[_Draft] = []
    furniture: list[list[Paragraph]] = []
    lead = range(0, starts[0])
    if lead:
        _lead_in(paragraphs, kinds, lead, drafts, furniture)
    for number, start in enumerate(starts):
        end = starts[number + 1] if number + 1 < len(starts) else len(paragraphs)
        draft = _Draft(headline=_whole("headline", paragraphs[start]))
        following = start + 1
        if following < end and paragraphs[following].heading > top:
            level = paragraphs[following].heading
            if all(paragraphs[index].heading != level for index in range(following + 1, end)):
                draft.decks.append(_whole("deck", paragraphs[following]))
                following += 1
        for index in range(following, end):
            kind = kinds[index]
            if kind == _Kind.TITLE:
                # A markdown page marks its subheads; a short line is body text.
                kind = _Kind.BODY
            _take_body(draft, paragraphs[index], kind)
        drafts.append(draft)
    return drafts, furniture


def _lead_in(
    paragraphs: list[Paragraph],
    kinds: list[_Kind],
    run: range,
    drafts: list[_Draft],
    furniture: list[list[Paragraph]],
) -> None:
    """Text before the first article: furniture, unless it has a body of its own."""
    if any(kinds[index] in (_Kind.BODY, _Kind.DATELINE) for index in run):
        draft = _Draft()
        for index in run:
            _take_body(draft, paragraphs[index], kinds[index])
        drafts.append(draft)
    else:
        furniture.append([paragraphs[index] for index in run])


def _headline_after_page(
    paragraphs: list[Paragraph], kinds: list[_Kind]
) -> tuple[list[_Draft], list[list[Paragraph]]]:
    datelines = [index for index, kind in enumerate(kinds) if kind == _Kind.DATELINE]
    drafts: list[_Draft] = []
    furniture: list[list[Paragraph]] = []
    if datelines[0] > 0:
        _lead_in(paragraphs, kinds, range(0, datelines[0]), drafts, furniture)
    for number, start in enumerate(datelines):
        end = datelines[number + 1] if number + 1 < len(datelines) else len(paragraphs)
        tail = end
        while tail - 1 > start and kinds[tail - 1] in (_Kind.TITLE, _Kind.BYLINE):
            tail -= 1
        draft = _Draft()
        _take_titles(draft, paragraphs, kinds, range(tail, end), after_body=True)
        for index in range(start, tail):
            _take_body(draft, paragraphs[index], kinds[index])
        drafts.append(draft)
    return drafts, furniture


def _starts_article(
    paragraphs: list[Paragraph],
    kinds: list[_Kind],
    run: range,
    next_kind: _Kind,
    has_body: bool,
    page_has_datelines: bool,
) -> bool:
    if not has_body or next_kind == _Kind.DATELINE:
        return True
    if page_has_datelines:
        return False
    titles = [index for index in run if kinds[index] == _Kind.TITLE]
    if len(titles) != 1 or any(kinds[index] == _Kind.BYLINE for index in run):
        return True
    return not _SUBHEAD_SHAPE.search(paragraphs[titles[0]].text)


def _headline_before_page(
    paragraphs: list[Paragraph], kinds: list[_Kind]
) -> tuple[list[_Draft], list[list[Paragraph]]]:
    page_has_datelines = _Kind.DATELINE in kinds
    drafts: list[_Draft] = []
    furniture: list[list[Paragraph]] = []
    current: _Draft | None = None
    index = 0
    count = len(paragraphs)
    while index < count:
        kind = kinds[index]
        if kind in (_Kind.TITLE, _Kind.BYLINE):
            end = index
            while end < count and kinds[end] in (_Kind.TITLE, _Kind.BYLINE):
                end += 1
            start = index
            # Credits straight after a body close the article above.
            if current is not None and current.body:
                while start < end and kinds[start] == _Kind.BYLINE:
                    current.add_byline(paragraphs[start])
                    start += 1
            run = range(start, end)
            if run:
                has_body = current is not None and bool(current.body)
                if end == count and has_body:
                    furniture.append([paragraphs[number] for number in run])
                elif current is None or _starts_article(
                    paragraphs,
                    kinds,
                    run,
                    kinds[end] if end < count else _Kind.BODY,
                    has_body,
                    page_has_datelines,
                ):
                    current = _Draft()
                    drafts.append(current)
                    _take_titles(current, paragraphs, kinds, run, after_body=False)
                else:
                    for number in run:
                        _take_body(current, paragraphs[number], kinds[number])
            index = end
            continue
        if current is None or (kind == _Kind.DATELINE and (current.body or current.date)):
            current = _Draft()
            drafts.append(current)
        _take_body(current, paragraphs[index], kind)
        index += 1
    return drafts, furniture


def _assemble(segments: list[_Segment]) -> tuple[str, tuple[int, ...], tuple[Part, ...]]:
    texts: list[str] = []
    offsets: list[int] = []
    parts: list[Part] = []
    position = 0
    for number, piece in enumerate(segments):
        if number:
            # The line break between two paragraphs is ours, not the source's.
            texts.append("\n")
            offsets.append(SYNTHETIC)
            position += 1
        texts.append(piece.text)
        offsets.extend(piece.offsets)
        parts.append(Part(piece.role, position, position + len(piece.text)))
        position += len(piece.text)
    return "".join(texts), tuple(offsets), tuple(parts)


def _article(index: int, draft: _Draft) -> Article:
    segments = [draft.headline] if draft.headline is not None else []
    segments += draft.decks + draft.bylines + draft.body
    text, offsets, parts = _assemble(segments)
    return Article(
        index=index,
        headline=draft.headline.text if draft.headline is not None else "",
        deck="\n".join(deck.text for deck in draft.decks),
        byline="；".join(draft.credits),
        date=draft.date,
        text=text,
        offsets=offsets,
        parts=parts,
    )


def _furniture(index: int, run: list[Paragraph]) -> Article:
    text, offsets, parts = _assemble([_whole("furniture", paragraph) for paragraph in run])
    return Article(
        index=index, headline="", deck="", byline="", date="", text=text, offsets=offsets, parts=parts
    )
