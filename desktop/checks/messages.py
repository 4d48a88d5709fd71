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
