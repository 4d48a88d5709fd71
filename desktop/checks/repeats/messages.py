"""Wording of the repeat messages, in the editor's language, as `checks.messages` words the others.

A repeat is told from where the other figure is: elsewhere in this article,
in another article of the same file, or in another file (named).  A
conflict gives the arithmetic of the difference.  The templates join
`checks.messages.TEMPLATES` when this module is imported, which happens
before any repeat Finding can exist, so `render` words them like any other.
"""

from __future__ import annotations

from desktop.checks import messages

# Where the other figure is, as the message code's last part.
ARTICLE, FILE, OTHER = "article", "file", "other"

TEMPLATES: dict[str, tuple[str, str]] = {
    "repeat.same.article": (
        "本文另一处也写作 {other} ✓",
        "also stated as {other} elsewhere in this article ✓",
    ),
    "repeat.same.file": (
        "同一文件的另一篇文章《{article}》也写作 {other} ✓",
        "also stated as {other} in another article of this file (“{article}”) ✓",
    ),
    "repeat.same.other": (
        "{document}《{article}》中也写作 {other} ✓",
        "also stated as {other} in {document} (“{article}”) ✓",
    ),
    "repeat.rounded.article": (
        "本文另一处写作 {other}，与此处 {stated} 在舍入范围内一致 ✓",
        "stated as {other} elsewhere in this article; {stated} here agrees within rounding ✓",
    ),
    "repeat.rounded.file": (
        "同一文件的另一篇文章《{article}》写作 {other}，与此处 {stated} 在舍入范围内一致 ✓",
        "stated as {other} in another article of this file (“{article}”); {stated} here agrees within rounding ✓",
    ),
    "repeat.rounded.other": (
        "{document}《{article}》中写作 {other}，与此处 {stated} 在舍入范围内一致 ✓",
        "stated as {other} in {document} (“{article}”); {stated} here agrees within rounding ✓",
    ),
    "repeat.approx.article": (
        "本文另一处写作 {other}，与此处 {stated} 相符（约数）✓",
        "stated as {other} elsewhere in this article; {stated} here is within that approximation ✓",
    ),
    "repeat.approx.file": (
        "同一文件的另一篇文章《{article}》写作 {other}，与此处 {stated} 相符（约数）✓",
        "stated as {other} in another article of this file (“{article}”); {stated} here is within that approximation ✓",
    ),
    "repeat.approx.other": (
        "{document}《{article}》中写作 {other}，与此处 {stated} 相符（约数）✓",
        "stated as {other} in {document} (“{article}”); {stated} here is within that approximation ✓",
    ),
    "repeat.conflict.article": (
        "同一指标本文另一处写作 {other}，此处为 {stated}：{high} − {low} = {difference}（相差 {relative}）✗",
        "the same figure is {other} elsewhere in this article and {stated} here:"
        " {high} − {low} = {difference} ({relative} apart) ✗",
    ),
    "repeat.conflict.file": (
        "同一指标在同一文件的另一篇文章《{article}》中写作 {other}，此处为 {stated}：{high} − {low} = {difference}（相差 {relative}）✗",
        "the same figure is {other} in another article of this file (“{article}”) and {stated} here:"
        " {high} − {low} = {difference} ({relative} apart) ✗",
    ),
    "repeat.conflict.other": (
        "同一指标在 {document}《{article}》中写作 {other}，此处为 {stated}：{high} − {low} = {difference}（相差 {relative}）✗",
        "the same figure is {other} in {document} (“{article}”) and {stated} here:"
        " {high} − {low} = {difference} ({relative} apart) ✗",
    ),
}

messages.TEMPLATES.update(TEMPLATES)
