"""Wording of the release-match explanations, in the editor's language.

Kept apart from desktop/checks/messages.py (the article's own checks) but
worded the same way: a `Message` code and its arguments, the figures already
formatted.  `render` falls back to the shared templates, so one call words
any check's message.
"""

from __future__ import annotations

from desktop.checks import messages as shared
from desktop.checks.model import Message

TEMPLATES: dict[str, tuple[str, str]] = {
    "release.same": (
        "与来源稿一致：{source}",
        "matches the release: {source}",
    ),
    "release.same_notation": (
        "与来源稿一致：来源稿写作 {source}，数值相同",
        "matches the release, which writes it {source}: the same value",
    ),
    "release.rounded": (
        "来源稿为 {source}，文中 {text} 是它四舍五入到 {precision} 的结果",
        "the release has {source}; {text} is that figure rounded to the nearest {precision}",
    ),
    "release.truncated": (
        "来源稿为 {source}，文中 {text} 是它截断到 {precision} 的结果（四舍五入应为 {rounded}）",
        "the release has {source}; {text} is that figure cut to {precision} (rounding gives {rounded})",
    ),
    "release.different": (
        "来源稿同一指标（{subject}）为 {source}，文中 {text}：请核对",
        "the release gives the same metric ({subject}) as {source}, the text says {text}: check it",
    ),
    "release.absent": (
        "来源稿中没有这个数字",
        "the release does not state this figure",
    ),
    "release.absent_other_metric": (
        "来源稿中的 {source} 数值相同，但{reason}，不是同一指标",
        "the release's {source} has the same value but {reason_en}: not the same metric",
    ),
    "release.absent_unsure": (
        "来源稿中的 {source} 数值相同，但上下文不足以确认是同一指标",
        "the release's {source} has the same value, but the context does not show it is the same metric",
    ),
}

# Why a figure of equal value is another metric, for release.absent_other_metric.
REASONS: dict[str, tuple[str, str]] = {
    "direction": ("增减方向不同", "it moves the other way"),
    "period": ("时期不同", "it is for another period"),
    "base": ("比较基期不同", "it is compared with another period"),
    "unit": ("单位不同", "its unit differs"),
}


def precision_args(places: int, magnitude: str = "", unit: str = "") -> tuple[tuple[str, str], ...]:
    """One unit of the article figure's last written digit, as written: 0.1万, 1億, 0.1%."""
    step = "1" if places == 0 else "0." + "0" * (places - 1) + "1"
    return (("precision", f"{step}{magnitude}{unit}"),)


def reason_args(reason: str) -> tuple[tuple[str, str], ...]:
    zh, en = REASONS.get(reason, (reason, reason))
    return (("reason", zh), ("reason_en", en))


def render(message: Message, language: str = "zh") -> str:
    """The message in `language` ("zh" or "en"); other checks' codes go to the shared templates."""
    pair = TEMPLATES.get(message.code)
    if pair is None:
        return shared.render(message, language)
    template = pair[1] if language == "en" else pair[0]
    try:
        return template.format_map(dict(message.args))
    except (KeyError, IndexError, ValueError):
        return message.code
