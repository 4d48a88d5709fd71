"""The kind of a claim in its context, beyond what its unit says.

A unit fixes a kind (lexicon.UNIT_KINDS); the words around the number can
change it or drop the claim: 年 is a year or a length of time, 分 a score or
minutes, 点 an index level or a time of day, 3人以上 draws a line for a class.
"""

from __future__ import annotations

from desktop.claims import lexicon as lx
from desktop.claims.cues import after_run, is_cjk
from desktop.claims.numerals import parse_number
from desktop.claims.patterns import CLAUSE_START, NOUN_THRESHOLD, SECONDS_AFTER, THRESHOLD_OF_RATE, UNIT_KIND


def refine_kind(
    text: str,
    start: int,
    num_start: int,
    end: int,
    unit: str,
    kind: str,
    arabic: bool,
    token: str,
) -> str | None:
    after = text[end : end + 4]
    before = text[max(0, start - 4) : start]
    if unit in lx.AGE_UNITS:
        if after.startswith(lx.GROUP_AGE_AFTER) or before.endswith(lx.GROUP_AGE_BEFORE):
            return None
        return "measure"
    if unit == "年":
        if arabic and len(token) >= 3 and not text[start:num_start].strip():
            return None  # 1998年 is a year; 约800年 is a length of time
        approximate = bool(text[start:num_start].strip())  # 约800年, 近10年
        if (
            approximate
            or before.endswith(lx.YEAR_DURATION_BEFORE)
            or after.startswith(lx.YEAR_DURATION_AFTER)
        ):
            return "duration"
        return None
    if (
        unit == "日"
        and not arabic
        and not before.endswith(lx.YEAR_DURATION_BEFORE)
        and not after_run(text, start)
    ):
        # 三日内复诊 reads as part of an offer's name; Arabic 0.1日 is a length
        return None
    if kind == "duration" and before.endswith(lx.PERIOD_PREFIXES):
        return None  # 首五個月零售業總銷貨價值: the period the figure covers
    if (
        kind == "duration"
        and after.startswith(("内", "內", "以内", "以內"))
        and THRESHOLD_OF_RATE.match(text, end)
    ):
        return None  # 於30分鐘內就診的比率: the limit only defines the rate
    if unit in ("度",) and not arabic and not _temperature_around(text, start, token):
        return None  # 一度, 两度夺冠: once, twice (but 氣溫三十四點二度)
    if after.startswith(lx.THRESHOLD_WORDS) and kind != "percent" and is_cjk(text[end + 2 : end + 3]):
        return None  # 3人以上的较大事故, 7座以下小型客车: a line that defines a class
    if after.startswith(("级", "級")):
        return None  # 10万吨级泊位, 500千伏级: a class, not a quantity
    if unit == "分":
        if after.startswith("之") and not after.startswith(("之差", "之多")):
            return None  # 三分之一: not a score (but 3分之差 is)
        if not arabic:
            # 十分重要 is "very"; 場均貢獻二十八點五分 counts points in a game
            if token in ("十", "拾") or not _sport_around(text, start, end):
                return None
            return "count"
        if text[:start].endswith(("小时", "小時", "时", "時", "天", "日")) or SECONDS_AFTER.match(after):
            return "duration"  # 4小时18分, 1分52秒: minutes
        if _sport_around(text, start, end):
            return "count"  # 砍下23分, 场均105.6分: points in a game are counted
    if unit in ("点", "點"):
        return _index_points(text, start, end, token, arabic)
    if (
        unit in lx.RATING_UNITS
        and text[start:end].count("万") + text[start:end].count("萬") == 0
        and text.startswith(lx.RATED_EQUIPMENT, end)
    ):
        return None  # 500千伏变电站, 120千瓦快充桩: the rating names the equipment
    if unit in ("级", "級"):
        # 6.8级地震, 风力8级 are measured; 四级联动, 三级医院 are tiers
        near = CLAUSE_START.split(text[max(0, start - 8) : start])[-1]
        if not arabic and not any(cue in near for cue in lx.MAGNITUDE_SCALE_BEFORE):
            return None
        if after.startswith(lx.MAGNITUDE_SCALE_AFTER) or any(
            cue in near for cue in lx.MAGNITUDE_SCALE_BEFORE
        ):
            return "measure"
        return None
    if unit == "平" and not text[:start].endswith(lx.DRAW_AFTER):
        return None  # 3平台, 1平均: 平 is a draw only in 3胜2平1负
    if unit == "月" and not after_run(text, start):
        return None  # only 连五月, 連跌五月 (five months running) get here
    if kind in ("money", "measure") and _defines_a_group(text, start, end):
        return None  # 自付费用超过3万元的困难群众: the line that says who is helped
    if kind != "percent" and NOUN_THRESHOLD.match(text, end):
        return None  # 兩名子女以上家庭: the number draws the line for a group
    if kind == "measure" and after.startswith(lx.SPORT_EVENT_AFTER):
        return None  # 男子200米自由泳 names the race
    if unit in ("次",) and not arabic and after[:1] and is_cjk(after[:1]) and after[:1] in "性":
        return None
    if unit not in UNIT_KIND and after.startswith(lx.HOTLINE_AFTER):
        return None  # 12345市民热线 is a service number
    return kind


def _temperature_around(text: str, start: int, token: str) -> bool:
    """Is the Chinese numeral before 度 a temperature (最高氣溫三十四點二度, 气温降至零下五度)?"""
    if len(token) < 2 and not text[:start].endswith(lx.BELOW_ZERO):
        return False  # 一度, 两度: once, twice (but 零下五度)
    clause = CLAUSE_START.split(text[max(0, start - 12) : start])[-1]
    return any(cue in clause for cue in lx.TEMPERATURE_CUES)


def _defines_a_group(text: str, start: int, end: int) -> bool:
    """超过3万元的困难群众: a comparison verb, the figure, 的 and a group of people or firms."""
    if not text.startswith("的", end) or not text[max(0, start - 2) : start].endswith(lx.THRESHOLD_VERBS):
        return False
    return any(noun in text[end + 1 : end + 7] for noun in lx.GROUP_NOUNS)


def _sport_around(text: str, start: int, end: int) -> bool:
    """Is the score at text[start:end] in a sentence about a game (砍下23分, 23分12篮板)?"""
    # (60 characters back: a box score lists 扣球得分23分、拦网得分3分 long after 全场砍下)
    window = text[max(0, start - 60) : end + 15]
    left = max(window.rfind(stop, 0, start - max(0, start - 60)) for stop in "。！？\n")
    right = [i for i in (window.find(stop, end - max(0, start - 60)) for stop in "。！？\n") if i >= 0]
    sentence = window[left + 1 : min(right) if right else len(window)]
    return any(cue in sentence for cue in lx.SPORT_SCORE_CUES)


def _index_points(text: str, start: int, end: int, token: str, arabic: bool) -> str | None:
    """收于3312.45点, 跌21点, 上漲二百三十點: an index level or change (measure).

    8点 and 下午三点 are times of day, 三点意见 a count of points: a Chinese
    numeral needs a market word before it in its clause.
    """
    if text.startswith(lx.LANDMARK_AFTER, end):
        return None  # 失守4000点关口 is a landmark, not a level
    if text[max(0, start - 3) : start].endswith(lx.TIME_OF_DAY):
        return None  # 下午三点, 凌晨3点: a time of day, whatever the clause is about
    clause = CLAUSE_START.split(text[max(0, start - 16) : start])[-1]
    if any(cue in clause for cue in lx.INDEX_POINT_CUES):
        return "measure"
    if not arabic:
        return None
    if "." in token or "．" in token:
        return "measure"
    try:
        hour = parse_number(token)
    except ValueError:
        return None
    return "measure" if hour > 24 else None
