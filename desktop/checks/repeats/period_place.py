"""When and where two figures are: the same period, another year, the same place, another city.

A figure's period and place are what most often make two like statements
two figures (上半年 and 1—8月, 2022年 and 2023年, 全省 and 全市).  Periods
and places are compared as stated; what is left unstated is filled in only
where a reader would fill it in too: a headline leaves out the period and
the 全市 its body states, a paragraph states its place and period once
(`find`), a report's headline or holiday (国庆假期) is its body's period,
and papers a few days apart (dated by file name or dateline) report one
event with one 今年.  A place is compared by name where the papers name
their cities and provinces: 全市 of a paper naming only 东港 is 东港市.
"""

from __future__ import annotations

from datetime import date

from desktop.checks.repeats.key import LOCAL as _LOCAL
from desktop.checks.repeats.key import MetricKey

# Papers this many days apart report one event (a holiday's figures on the
# 8th and the 9th, a line opening tomorrow and today): their 今年, their
# 国庆假期 and their unstated period are the same.
NEAR_DAYS = 3


def near_days(a: MetricKey, b: MetricKey) -> bool:
    """Whether both papers' dates are known, of one year and within `NEAR_DAYS` of each other.

    Of one year: the 今年 and 上半年 of a paper of 31 December are not those of 2 January's.
    """
    first, second = _day(a.file_date), _day(b.file_date)
    if first is None or second is None or first.year != second.year:
        return False
    return abs((first - second).days) <= NEAR_DAYS


def _day(digits: str) -> date | None:
    if len(digits) != 8:
        return None
    try:
        return date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
    except ValueError:
        return None


def same_period(a: MetricKey, b: MetricKey) -> bool:
    """The same period stated in both; or, in one article (or files of one day), a period stated in neither.

    Files may be of different years, so between files only a period with
    its year (2023年, 2023年上半年) is the same period: 上半年 in this
    year's paper and 上半年 in last year's are not.  Files whose names carry
    the same date (two papers of 2024-10-08) speak of the same 今年 and the
    same 国庆假期, and so do papers a few days apart (`NEAR_DAYS`): the next
    day's paper reports the same event.  Papers weeks apart may carry an
    updated figure, or another month's.
    """
    same_day = near_days(a, b)
    if a.located.name != b.located.name and not (a.years and b.years) and not same_day:
        return False
    if a.period and b.period:
        return a.period == b.period
    if a.located.document == b.located.document and (a.period or b.period):
        # A headline leaves out the period its body states (全市5G基站总数达1.25万个).
        return (a.paragraph if not a.period else b.paragraph) == 0
    together = a.located.document == b.located.document or a.located.name != b.located.name and same_day
    return not a.period and not b.period and together


def other_year(a: MetricKey, b: MetricKey) -> bool:
    """Both periods name a year, or a month, and not the same one (2022年 and 2023年 figures are two figures)."""
    relative = a.relative_year is not None and b.relative_year is not None
    if relative and a.relative_year != b.relative_year and a.located.name == b.located.name:
        return True  # 去年 and 今年 of one paper
    return bool(a.years and b.years and not a.years & b.years) or bool(
        a.month and b.month and a.month != b.month
    )


# Places that mean the paper's own province.
_PROVINCE = frozenset({"省", "全省", "我省", "本省"})


def same_place(a: MetricKey, b: MetricKey) -> bool:
    """The same place, or none in either; a headline may leave out the 全市 its body states.

    Between files, 全市 (or no place at all) is the same city only when the
    files name the same cities, or none (滨州日报's 全市 is not 聊城日报's, nor
    that of a paper that names no city: a conflict needs to be sure); 全省
    and 全国 are wider than the cities a paper names.  A city by its name
    (东港市, the 青川 heading 青川接待游客) is the 全市 of a paper that names
    that city alone.
    """
    first, second = city(a), city(b)
    if first and second:
        return first == second
    if first or second:
        named, unnamed = (a, b) if first else (b, a)
        if unnamed.place not in _LOCAL:
            return False
        headline = a.located.document == b.located.document and min(a.paragraph, b.paragraph) == 0
        return headline or unnamed.located.places == {city(named)}
    if a.place == b.place:
        local = a.place in _LOCAL
        if a.located.name == b.located.name:
            return True
        if a.place in _PROVINCE:
            return a.located.provinces == b.located.provinces  # 海澄日报's 全省 is not another paper's
        return not local or a.located.places == b.located.places
    if a.located.document == b.located.document and not (a.place and b.place):
        return (a.paragraph if not a.place else b.paragraph) == 0
    return False


def city(key: MetricKey) -> str:
    """The city a figure is of, by name (`MetricKey.city`)."""
    return key.city


def _names_only(key: MetricKey, name: str) -> bool:
    """Whether the cities `key`'s document names are `name` alone, or none."""
    return key.located.places <= {name}


def _other_cities(a: MetricKey, b: MetricKey) -> bool:
    first, second = a.located.places, b.located.places
    return bool(first and second and not first & second)


def other_place(a: MetricKey, b: MetricKey) -> bool:
    """Both figures name a place, and not the same one (全省 against 全市, 东港 against 青川)."""
    first, second = city(a), city(b)
    if first and second:
        return first != second
    if first or second:
        named, unnamed = (a, b) if first else (b, a)
        if unnamed.place in _LOCAL:
            # 东港 against an unnamed 全市 (or no place): another city only
            # where the other paper names cities and not this one.
            return not _names_only(unnamed, city(named)) and city(named) not in unnamed.located.places
    return bool(a.place and b.place and a.place != b.place)
