"""Wording of every check message, in the editor's language.

A Finding carries a `Message` (a code and its arguments); this module is the
only place that turns it into a sentence, so the window can show English
when the editor switches language and the workbook and the command line say
the same thing.  Arguments are already formatted figures (`7530 + 795`).
"""

from __future__ import annotations

from desktop.checks.model import Message

LANGUAGES = ("zh", "en")

TEMPLATES: dict[str, tuple[str, str]] = {
    # sum
    "sum.holds": ("{parts} = {computed} ✓", "{parts} = {computed} ✓"),
    "sum.holds_rounding": (
        "{parts} = {computed}，文中 {stated}：在各数的舍入范围内 ✓",
        "{parts} = {computed}, the text says {stated}: within the rounding of the figures ✓",
    ),
    "sum.fails": ("{parts} = {computed}，文中 {stated} ✗", "{parts} = {computed}, the text says {stated} ✗"),
    # change: a stated rate (%), points, 倍, an absolute difference
    "change.holds": (
        "{from} → {to}{unit} 是 {computed}，文中 {stated} ✓",
        "{from} → {to}{unit} is {computed}; the text says {stated} ✓",
    ),
    "change.holds_rounding": (
        "{from} → {to}{unit} 是 {computed}，文中 {stated}：在各数的舍入范围内 ✓",
        "{from} → {to}{unit} is {computed}; the text says {stated}: within the rounding of the figures ✓",
    ),
    "change.fails": (
        "{from} → {to}{unit} 是 {computed}，文中 {stated} ✗",
        "{from} → {to}{unit} is {computed}; the text says {stated} ✗",
    ),
    "change.wrong_direction": (
        "{from} → {to}{unit} 是{actual}，文中却说“{phrase}” ✗",
        "{from} → {to}{unit} is {actual_en}, but the text says “{phrase}” ✗",
    ),
    "change.points_as_percent": (
        "{from} → {to} 相差 {points} 个百分点，相对变化 {relative}；“{phrase}”把百分点写成了 % ✗",
        "{from} → {to} is a difference of {points} percentage points, a relative change of {relative};"
        " “{phrase}” gives points as % ✗",
    ),
    "change.percent_as_points": (
        "{from} → {to} 相差 {points} 个百分点；“{phrase}”是相对变化 {relative}，不是百分点 ✗",
        "{from} → {to} is a difference of {points} points; “{phrase}” is the relative change ({relative}),"
        " not points ✗",
    ),
    "change.times.strict": (
        "{from} → {to} 是 {ratio} 倍；“{phrase}”仅按严格读法成立",
        "{from} → {to} is {ratio} times; “{phrase}” holds only on the strict reading (new = (1 + X) × old)",
    ),
    "change.times.loose": (
        "{from} → {to} 是 {ratio} 倍；“{phrase}”仅按宽松读法（新值 = X × 原值）成立",
        "{from} → {to} is {ratio} times; “{phrase}” holds only on the loose reading (new = X × old)",
    ),
    "change.times.both": (
        "{from} → {to} 是 {ratio} 倍；“{phrase}”两种读法都成立 ✓",
        "{from} → {to} is {ratio} times; “{phrase}” holds on both readings ✓",
    ),
    "change.times.fails": (
        "{from} → {to} 是 {ratio} 倍（增长 {strict} 倍）；“{phrase}”两种读法都不成立 ✗",
        "{from} → {to} is {ratio} times (an increase of {strict} times); “{phrase}” holds on neither reading ✗",
    ),
    "change.times.to_holds": (
        "{from} → {to} 是 {ratio} 倍，文中“{phrase}” ✓",
        "{from} → {to} is {ratio} times; the text says “{phrase}” ✓",
    ),
    "change.times.to_strict": (
        "{from} → {to} 是 {ratio} 倍，即增长了 {strict} 倍；“{phrase}”把增长的倍数写成了新值的倍数 ✗",
        "{from} → {to} is {ratio} times, an increase of {strict} times; “{phrase}” gives the increase as the new"
        " value's multiple ✗",
    ),
    "change.times.to_fails": (
        "{from} → {to} 是 {ratio} 倍；“{phrase}” ✗",
        "{from} → {to} is {ratio} times; “{phrase}” ✗",
    ),
    "change.mean.holds": (
        "{details}；平均 {computed}，文中 {stated} ✓",
        "{details}; on average {computed}, the text says {stated} ✓",
    ),
    "change.mean.fails": (
        "{details}；平均 {computed}，文中 {stated} ✗",
        "{details}; on average {computed}, the text says {stated} ✗",
    ),
    "change.delta.holds": (
        "{to} {sign} {delta} = {from}；{delta} / {from} = {computed}，文中 {stated} ✓",
        "{to} {sign} {delta} = {from}; {delta} / {from} = {computed}, the text says {stated} ✓",
    ),
    "change.delta.holds_rounding": (
        "{to} {sign} {delta} = {from}；{delta} / {from} = {computed}，文中 {stated}：在各数的舍入范围内 ✓",
        "{to} {sign} {delta} = {from}; {delta} / {from} = {computed}, the text says {stated}:"
        " within the rounding of the figures ✓",
    ),
    "change.delta.fails": (
        "{to} {sign} {delta} = {from}；{delta} / {from} = {computed}，文中 {stated} ✗",
        "{to} {sign} {delta} = {from}; {delta} / {from} = {computed}, the text says {stated} ✗",
    ),
    "change.tally.holds": (
        "{from} 加上新增的 {added} 项是 {computed}，文中 {stated} ✓",
        "{from} plus the {added} added is {computed}; the text says {stated} ✓",
    ),
    "change.tally.fails": (
        "{from} 加上新增的 {added} 项是 {computed}，文中 {stated} ✗",
        "{from} plus the {added} added is {computed}; the text says {stated} ✗",
    ),
    # share
    "share.holds": (
        "{part} / {whole} = {computed}，文中 {stated} ✓",
        "{part} / {whole} = {computed}; the text says {stated} ✓",
    ),
    "share.fails": (
        "{part} / {whole} = {computed}，文中 {stated} ✗",
        "{part} / {whole} = {computed}; the text says {stated} ✗",
    ),
    "share.holds_rounding": (
        "{part} / {whole} = {computed}，文中 {stated}：在各数的舍入范围内 ✓",
        "{part} / {whole} = {computed}; the text says {stated}: within the rounding of the figures ✓",
    ),
    "share.complement.holds": (
        "({whole} − {part}) / {whole} = {computed}，文中 {stated} ✓",
        "({whole} − {part}) / {whole} = {computed}; the text says {stated} ✓",
    ),
    "share.implied.holds": (
        "{part} / {whole} = {computed}：文中未给总数，{whole} 是使占比为 {stated} 的整数 ✓",
        "{part} / {whole} = {computed}: the whole is not given; {whole} is a whole number that gives {stated} ✓",
    ),
    # average
    "average.holds": (
        "{total} / {count} = {computed}，文中 {stated} ✓",
        "{total} / {count} = {computed}; the text says {stated} ✓",
    ),
    "average.holds_rounding": (
        "{total} / {count} = {computed}，文中 {stated}：在各数的舍入范围内 ✓",
        "{total} / {count} = {computed}; the text says {stated}: within the rounding of the figures ✓",
    ),
    "average.fails": (
        "{total} / {count} = {computed}，文中 {stated} ✗",
        "{total} / {count} = {computed}; the text says {stated} ✗",
    ),
    # usage: one template per rule (and per variant where the reason differs)
    "usage.r1": (
        "“{text}”：倍、番只用于增加，减少应写作“{fix}”",
        "“{text}”: 倍 and 番 express only increases; write a decrease as “{fix}”",
    ),
    "usage.r2.loose": (
        "新值是原值的 {ratio} 倍，即增加了 {fix}：“{phrase}”应改为增加了{fix}，或增加到{text}",
        "the new value is {ratio} times the old, an increase of {fix}: “{phrase}” should say 增加了{fix}"
        " (or 增加到{text})",
    ),
    "usage.r2.strict": (
        "新值是原值的 {ratio} 倍：“{phrase}”说的是增加的倍数，应改为增加到{fix}，或增加了{text}",
        "the new value is {ratio} times the old: “{phrase}” gives the increase; it should say 增加到{fix}"
        " (or 增加了{text})",
    ),
    "usage.r3.points": (
        "{from} → {to} 相差 {points} 个百分点：“{text}”应为“{fix}”（或相对变化 {relative}）",
        "{from} → {to} differ by {points} percentage points: “{text}” should be “{fix}” (or the relative change, {relative})",
    ),
    "usage.r3.percent": (
        "{from} → {to} 相差 {points} 个百分点，相对变化 {relative}：“{text}”应为“{fix}”或“{points}个百分点”",
        "{from} → {to} differ by {points} points, a relative change of {relative}: “{text}” should be “{fix}”"
        " or “{points}个百分点”",
    ),
    "usage.r4": (
        "范围两端都要写出“{what}”：“{text}”应为“{fix}”",
        "both ends of a range carry their “{what}”: “{text}” should be “{fix}”",
    ),
    "usage.r5": (
        "一个数只用一个约数词：“{text}”应为“{fix}”",
        "one approximation word per number: “{text}” should be “{fix}”",
    ),
    "usage.r6.ji": (
        "“几”表示约数时与汉字数字连用：“{text}”应为“{fix}”",
        "几 as an approximation goes with Chinese numerals: “{text}” should be “{fix}”",
    ),
    "usage.r6.pair": (
        "相邻两数表示约数时用汉字，不加顿号：“{text}”应为“{fix}”",
        "two adjacent numbers as an approximation are Chinese numerals with no 顿号: “{text}” should be “{fix}”",
    ),
    "usage.r7": (
        "逐位书写的汉字数字中，“零”写作“〇”，不用 0、O 或“零”：“{text}”应为“{fix}”",
        "in digit-by-digit Chinese numerals zero is 〇, not 0, O or 零: “{text}” should be “{fix}”",
    ),
    "usage.r8": (
        "年份不能简写：“{text}”应为“{fix}”（世纪按上下文确认）",
        "years are written in full: “{text}” should be “{fix}” (check the century)",
    ),
    "usage.r9": (
        "阿拉伯数字后只能用“万”“亿”作单位：“{text}”应为“{fix}”",
        "after Arabic digits only 万 and 亿 serve as magnitudes: “{text}” should be “{fix}”",
    ),
    "usage.r9.unclear": (
        "阿拉伯数字后只能用“万”“亿”作单位，“{text}”的数值也不明确，请核对后改写",
        "after Arabic digits only 万 and 亿 serve as magnitudes; the value of “{text}” is unclear: check and rewrite it",
    ),
    "usage.r10": (
        "同一表达中的数字应统一形式：“{text}”应为“{fix}”",
        "one form of numerals within one expression: “{text}” should be “{fix}”",
    ),
    "usage.r11": (
        "小于 1 的小数不能省略个位的 0：“{text}”应为“{fix}”",
        "a decimal below one keeps its leading zero: “{text}” should be “{fix}”",
    ),
    "usage.r12.ungrouped": (
        "同一篇文章的分节方式应一致（本文多用千分撇）：“{text}”应为“{fix}”",
        "one digit-grouping style per article (this one mostly groups): “{text}” should be “{fix}”",
    ),
    "usage.r12.grouped": (
        "同一篇文章的分节方式应一致（本文多不分节）：“{text}”应为“{fix}”",
        "one digit-grouping style per article (this one mostly does not group): “{text}” should be “{fix}”",
    ),
    "usage.r13": (
        "固定词语中的数字用汉字：“{text}”应为“{fix}”",
        "fixed expressions keep their Chinese numerals: “{text}” should be “{fix}”",
    ),
}


def render(message: Message, language: str = "zh") -> str:
    """The message in `language` ("zh" or "en"); an unknown code is shown as itself."""
    pair = TEMPLATES.get(message.code)
    if pair is None:
        return message.code
    template = pair[1] if language == "en" else pair[0]
    try:
        return template.format_map(dict(message.args))
    except (KeyError, IndexError, ValueError):
        return message.code
