"""Find the numeric claims of an article, as docs/numeric-claims.md defines them.

The detector works on an article's display text (layout already repaired).  A
single regular expression proposes every number-shaped token with whatever
approximation word, rank prefix and magnitude sits against it; each proposal
is then read in its surroundings (what follows it, whether it is inside a
name in quotes, a date, an identifier) and either becomes a Claim or is
dropped.  Rules are about the shape of Chinese news copy, never about the
strings of any one article.

Every pattern here is linear in the text it reads: no quantifier can split
one stretch of text in more than one way (2023年9月 is read one way only),
unbounded repetition consumes runs of characters a following part cannot
start with, and anything that must look at a long run looks at it once.  A
page of 10,000 digits costs what 10,000 characters of prose cost.

A value is never wrong, it is refused: a run of digits longer than any figure
(see `numerals.MAX_INTEGER_DIGITS`; a 10,000-digit run is table columns or an
identifier that the layout glued together, not a claim) proposes no claim at
all, not even for part of the run; a number that an invisible mark cuts in
two (``1\u200b000万元``, when the text did not go through reflow, which takes
such marks out) is dropped rather than read as 000万元.
"""

from __future__ import annotations

import re
from decimal import Decimal

from desktop.claims import lexicon as lx
from desktop.claims.candidates import Candidate, resolve
from desktop.claims.cues import (
    approx_after,
    char_before,
    glued_by_mark,
    in_set_phrase,
    is_cjk,
    may_have_unit,
    money_before,
    names_something,
    one_in_tally,
    one_is_amount,
    ranking_cue,
    ranks_a_result,
    scaled_at_clause_end,
    signed,
    spaced_unit,
    spoken_money,
    trim_chinese,
)
from desktop.claims.kinds import refine_kind
from desktop.claims.masks import Mask, masks
from desktop.claims.model import Claim
from desktop.claims.numerals import (
    EXACT,
    parse_fraction_number,
    parse_number,
    read_subunits,
)
from desktop.claims.patterns import (
    AFTER_GE,
    ANY_MARK,
    ARABIC_ONLY,
    ASCII_ALNUM,
    BARE_NOUN,
    CANDIDATE,
    CN_DIGITS,
    CN_NUMERAL,
    CONNECTOR,
    COUNTED_NOUN,
    DENOMINATOR_BASE,
    FIRST_PLACE,
    FRACTION_UNIT,
    LONE_MAGNITUDES,
    PER_POPULATION,
    PERCENT_WORDS,
    RANGE_CONNECTOR,
    UNIT,
    UNIT_KIND,
    VAGUE_BEFORE,
    YUAN,
)

# A version stands for one behaviour: what the pipeline (reflow, segment,
# detect, context) finds in a fixed corpus, the seeds, the held-out pages and
# a page of every desk (tests/claims/test_detector_version.py), digested by
# pipeline.fingerprint.  That test fails when the output changes and
# DETECTOR_VERSION does not, so a stored document whose version differs was
# read by other rules and `factdesk redetect` reads it again (decisions kept).
# To release a change: raise the version by one and record the digest the
# test prints.  1 and 2 were numbered by hand, before the digest.
DETECTOR_VERSION = "12"
DETECTOR_FINGERPRINTS = {
    # every numeral style, the units of other desks, money in any currency (issue 11)
    "3": "798aa9e727ab08ce5bc36697f046bed9ef542e8e785ec96f687a860ced2fac91",
    # 千余名, index levels in Chinese numerals; the corpus page grew to show them
    "4": "05cbc41b6f334e35e51c65679d7326e31e694f0c9dcf31c927f1697e33690d18",
    # 平 is a draw only after wins, 胜利 and 负债 are words, a score is not a price
    "5": "e814a5550f56c27b0c73bd2d0cda3bc14ee2c0743098f04679124b99c29c8ba7",
    # runs with a verb (连升三日), spoken prices (月租两万三), 第N高/第N多, 伙 记 mg/100ml,
    # 买超/卖超, 倍多, 百分之…以上, trading days, 首五个月 and size bands of homes are no lengths
    # (digest recorded again, the detector unchanged, when the corpus grew by batch 4's pages)
    "6": "5bd53f7fdea670eed062ae691a554a618595eff46702882705b40ab6f3a63e96",
    # 超过3万元的困难群众 defines a group; 三年新增, 五年累计 are lengths of time; 第二高中 is a school
    "7": "166acf56f8eba7c2924fb08a2fd58e5d0f3d3b6b0080f276ccffa38eb240ec09",
    # a layout space inside a unit (个百分 点), points of a season or career; the corpus page shows them
    "8": "7dec326607515bd6d0bceb0c9302d1150e9ded4688e77133cc60c0695334a928",
    # 三千四百萬 at a clause's end is a count, 三十四點二度 a temperature, 二十八分 in a game
    # points, 三分球 a shot, 監禁四年 a term
    "9": "066ccb7e57146285daac6b59110f18e4b4201527fe17ec828510d970903b382b",
    # 五十八点七千公顷 (a decimal before 千), 九百五十五百帕 (百 the unit's prefix), 四十二米每秒
    "10": "bd2c298deba15b6728cdc1d88ab66f1642e4432362b7b7892c5f6f781738b8b7",
    # a two- or three-digit tail after 万 fills its low places (81萬437 = 810437); 1万3 and
    # 3亿4500 stay refused; the corpus page shows them
    "11": "34b91ebf8b2fc6b0b0fbab09cee18c9bf45878bcb940ebc2fea8b65b3dc694c6",
    # segmentation: a paragraph opening on a news-agency tag (【本報訊】, 〔記者…報導〕) is a
    # dateline, so the headlines around it read differently (desktop/ingest/segment.py)
    "12": "7dc02f6dab94eaf5140b76c37f5e8031756f8ba2a0e530f36f279c73ba767c95",
}


class Detector:
    """Stateless claim finder; one instance can be shared by threads."""

    version = DETECTOR_VERSION

    def detect(self, text: str) -> list[Claim]:
        dates, names = masks(text)
        # Text from reflow has no layout marks left; only then is it worth
        # asking, for every number, whether one cuts it.
        marked = ANY_MARK.search(text) is not None
        candidates: list[Candidate] = []
        for m in CANDIDATE.finditer(text):
            cand = self._read(text, m, dates, names, marked)
            if cand is not None:
                candidates.append(cand)
        candidates.extend(self._percent_words(text, names))
        candidates.extend(self._first_places(text, names))
        candidates.sort(key=lambda c: c.start)
        return resolve(text, candidates)

    # -- reading one proposal -------------------------------------------------

    def _read(
        self,
        text: str,
        m: re.Match[str],
        dates: Mask,
        names: Mask,
        marked: bool,
    ) -> Candidate | None:
        start = m.start()
        pre, rank, ar, cn, sfx1, mag, sfx2 = m.groups(default="")
        num_start = m.start("ar") if ar else m.start("cn")
        if (
            not ar
            and not rank
            and not may_have_unit(text, num_start, m.end())
            and not spoken_money(text, start, cn)
            and not scaled_at_clause_end(text, cn, num_start + len(cn))
        ):
            return None  # 一体化, 进一步, 三是: a Chinese numeral with nothing after it that counts
        if pre:
            before = text[start - 1] if start else ""
            if before and before in lx.NOT_APPROX_BEFORE.get(pre, ""):
                start += len(pre)  # 逼近8年, 出超120亿元: the word is a verb or a noun
                pre = ""
        if rank == "前" and pre:
            return None
        if rank == "前" and start and text[start - 1] in lx.WORD_BEFORE_QIAN:
            rank = ""  # 提前3个月: 前 belongs to the word before it
            start = num_start
        arabic = bool(ar)
        token = ar or cn
        if arabic:
            # (past any layout marks: /\u200b10万 is still a denominator)
            before = char_before(text, num_start)
            if before and (ASCII_ALNUM.match(before) or before in "/.．:：·"):
                return None
            if names_something(text, num_start):
                return None
        elif token in LONE_MAGNITUDES and sfx1 in ("余", "餘", "多"):
            # 千余人, 百余家, 万余名: over a thousand, a hundred, ten thousand
            before = text[num_start - 1 : num_start] if num_start else ""
            if before and (before in VAGUE_BEFORE or before in CN_NUMERAL):
                return None
        else:
            trimmed = trim_chinese(text, num_start, token)
            if trimmed is None:
                return None
            token = trimmed

        if dates.covers(num_start, num_start + 1):
            return None
        if names.covers(num_start, num_start + 1):
            return None

        num_end = num_start + len(token)
        if not arabic and len(token) != len(cn):
            # the numeral was shortened: what followed is no longer glued to it
            sfx1 = mag = sfx2 = ""
        if rank == "第" and sfx1 == "多" and not mag and text[num_end + 1 : num_end + 2] not in lx.RANK_UNITS:
            sfx1 = sfx2 = ""  # 同期第二多 ranks a result (see cues.ranks_a_result); 多 is not "over"
        pos = num_end + len(sfx1)
        if mag:
            # A magnitude that starts a unit is the unit's SI prefix: 5千米 is
            # five kilometres, 1.5兆瓦 one and a half megawatts, 3百分点.
            prefixed = UNIT.match(text, pos)
            # After a Chinese numeral 千 and 百 are inside the run, except after its
            # decimal (五十八点七千公顷 is 58700 公顷, as 58.7千公顷 is).
            if (
                prefixed
                and prefixed.group().startswith(mag[0])
                or not arabic
                and mag in ("千", "百")
                and not any(ch in token for ch in "点點．.")
            ):
                mag = ""
        pos += len(mag)
        if mag and sfx1 and sfx2:
            sfx2 = ""
        pos += len(sfx2)
        approx_word = sfx1 or sfx2
        if marked and glued_by_mark(text, num_start, pos):
            return None

        try:
            value = parse_number(("一" if token in LONE_MAGNITUDES else "") + token + mag)
        except ValueError:
            return None

        unit, kind, pos = self._read_unit(text, pos, arabic, bool(mag))
        if approx_word in ("多", "来", "來") and not unit:
            return None  # 多 without a unit is an adjective (多个 handled by unit)
        if unit in YUAN and value == value.to_integral_value() and not approx_word:
            cents = read_subunits(text, pos)  # 12元5角 is one amount, 12.5 元
            if cents is not None:
                value, pos = EXACT.add(value, cents[0]), cents[1]

        # an approximation word after the unit (7000元左右, 90%以上, 80分上下)
        tail_approx = approx_after(text, pos) if unit else ""
        if (
            unit == "倍"
            and not approx_word
            and not tail_approx
            and text.startswith(lx.APPROX_AFTER_MULTIPLE, pos)
        ):
            tail_approx = text[pos]  # 超标一倍多, 五倍多

        if rank:
            return self._read_rank(text, start, num_start, pos, value, unit, rank, pre, arabic)

        if not unit:
            if mag and not arabic:
                return None
            nxt = text[pos : pos + 1]
            money = money_before(text, start, bool(mag)) if arabic else spoken_money(text, start, token)
            if money and (not nxt or nxt not in RANGE_CONNECTOR) and not ASCII_ALNUM.match(nxt or " "):
                # 平均成交價820萬, 營收1.2億, HK$1.95, 澳門元二百一十五億, 月租兩萬三:
                # money with no currency word after it (and maybe 左右 after it)
                tail_approx = approx_after(text, pos)
                approx = pre or approx_word or tail_approx
                end = pos + len(tail_approx)
                return Candidate(start, end, value, "", "money", approx, False, arabic, False)
            if (
                arabic
                and mag
                and (not nxt or nxt not in CONNECTOR)
                and not ASCII_ALNUM.match(nxt or " ")
                or not arabic
                and scaled_at_clause_end(text, token, pos)
            ):
                # 常住人口达到128万，, 旅客人次達三千四百萬。: a figure with a magnitude
                # word is a quantity even where the counted noun came before it.
                return Candidate(start, pos, value, "", "count", pre or approx_word, False, arabic, False)
            # a bare Arabic number: a claim only when coordinated with a number
            # that has a unit; decided in candidates.resolve.
            if not arabic:
                # 三至五名: a Chinese lower end stands bare before a range word
                if not (nxt and nxt in RANGE_CONNECTOR and text[pos + 1 : pos + 2] in CN_DIGITS + "十"):
                    return None
            elif nxt and nxt not in CONNECTOR:
                return None
            if ASCII_ALNUM.match(text[pos : pos + 1] or " "):
                return None
            return Candidate(start, pos, value, "", "", pre or approx_word, True, arabic, False)

        if (
            not arabic
            and token in ("一", "壹")
            and not pre
            and not one_is_amount(text, start, pos, kind)
            and not one_in_tally(text, pos, unit)
        ):
            # 一名男青年, 一批, 一次: 一 before a measure word is an article.
            return None

        refined = refine_kind(text, start, num_start, pos, unit, kind, arabic, token)
        if refined is None:
            return None
        kind = refined
        if not arabic and len(token) == 1 and in_set_phrase(text, pos):
            return None

        if not pre and not approx_word and value and kind not in ("count", "rank", "duration"):
            start, value = signed(text, start, value, unit, kind)

        if tail_approx and unit not in ("岁", "歲", "周岁", "週歲"):
            pos += len(tail_approx)
        approx = pre or approx_word or tail_approx
        return Candidate(start, pos, value, unit, kind, approx, False, arabic, False)

    def _read_unit(self, text: str, pos: int, arabic: bool, has_magnitude: bool) -> tuple[str, str, int]:
        m = UNIT.match(text, pos)
        found = (m.group(), m.end()) if m else None
        ahead = text[pos + 1 : pos + 6]
        if " " in ahead or "\u3000" in ahead:
            spaced = spaced_unit(text, pos)  # 0.4个百分 点: a layout space inside the unit
            if spaced and (found is None or len(spaced[0]) > len(found[0])):
                found = spaced
        per = PER_POPULATION.match(text, pos)
        if per and per.end() > pos + 1 and "/" in per.group():
            return per.group(), "percent", per.end()
        noun = COUNTED_NOUN.match(text, pos) if arabic else None
        if noun and (found is None or noun.end() > found[1]):
            return noun.group(), "count", noun.end()
        if found:
            unit, end = found
            if text[end : end + 1] and text[end] in lx.UNIT_NOT_BEFORE.get(unit, ""):
                return "", "", pos  # 76人队, 3口之家, 16球队, 600519股价: the start of a word
            if unit in ARABIC_ONLY and not arabic:
                return "", "", pos  # 两口子, 三道防线: a Chinese numeral before 口 or 道 is a word
            if unit in ("个", "個"):
                after = AFTER_GE.match(text, end)
                if after:
                    unit += after.group()
                    end = after.end()
            kind = UNIT_KIND.get(unit)
            if kind == "count" and not unit.endswith("次") and text.startswith("次", end):
                unit, end = unit + "次", end + 1  # 辆次, 幢次: counts of trips or visits, as written
            if kind in ("measure", "money") and text.startswith("/", end):
                # 32微克/立方米, 1.32万元/平方米, 186.4mg/100ml (a base in the denominator)
                base = DENOMINATOR_BASE.match(text, end + 1)
                per_unit = UNIT.match(text, base.end() if base else end + 1)
                if per_unit and UNIT_KIND.get(per_unit.group()) in ("measure", "duration", "count"):
                    unit, end = text[pos : per_unit.end()], per_unit.end()
            if kind is None:
                kind = UNIT_KIND.get(unit[:1], "count")
                if unit.endswith(("工作日", "交易日", "月", "小时", "小時", "星期", "季度")):
                    kind = "duration"
                elif unit.endswith(("百分点", "百分點")):
                    kind = "change"
            return unit, kind, end
        if arabic and has_magnitude:
            # 280万游客, 15万群众: after a magnitude word the number is a quantity
            # (no code or name reads "N万…"), and the counted noun is the unit.
            noun = None if text.startswith(lx.APPROX_SUFFIXES_AFTER_UNIT, pos) else BARE_NOUN.match(text, pos)
            if noun:
                return noun.group(), "count", noun.end()
        return "", "", pos

    def _read_rank(
        self,
        text: str,
        start: int,
        num_start: int,
        pos: int,
        value: Decimal,
        unit: str,
        rank: str,
        pre: str,
        arabic: bool,
    ) -> Candidate | None:
        if unit and unit not in lx.RANK_UNITS:
            return None  # 第三场, 第18期, 前3个月
        nxt = text[pos : pos + 1]
        if (
            nxt
            and is_cjk(nxt)
            and nxt not in "和及与與、至到或的"
            and not (unit and ranking_cue(text, start))
            and not (rank == "第" and not unit and ranks_a_result(text, pos))
        ):
            return None  # 第一手, 第一责任人, 前三季度, 第一位患者 (but 排名由第8位跃升)
        if pre:
            return None
        return Candidate(start, pos, value, unit, "rank", "", False, arabic, True)

    def _percent_words(self, text: str, names: Mask) -> list[Candidate]:
        out = []
        for m in PERCENT_WORDS.finditer(text):
            if names.covers(m.start(), m.end()):
                continue
            if glued_by_mark(text, m.start("num"), m.end()):
                continue
            try:
                value = parse_fraction_number(m.group("num"))
            except ValueError:
                continue
            unit = FRACTION_UNIT[m.group("base")]
            tail = approx_after(text, m.end())  # 百分之六十以上, as 60%以上
            out.append(
                Candidate(
                    m.start(),
                    m.end() + len(tail),
                    value,
                    unit,
                    "percent",
                    m.group("pre") or tail,
                    False,
                    False,
                    False,
                )
            )
        return out

    def _first_places(self, text: str, names: Mask) -> list[Candidate]:
        out = []
        for m in FIRST_PLACE.finditer(text):
            nxt = text[m.end() : m.end() + 1]
            if nxt and is_cjk(nxt) and nxt not in "和及与與、":
                continue
            if not ranking_cue(text, m.start()):
                continue  # 放在首位 is a priority, not a first place
            if names.covers(m.start(), m.end()):
                continue
            out.append(
                Candidate(m.start(), m.end(), Decimal(1), m.group("unit"), "rank", "", False, False, True)
            )
        return out


_DEFAULT = Detector()


def detect(text: str) -> list[Claim]:
    """Claims of one article's display text, in reading order, without context."""
    return _DEFAULT.detect(text)
