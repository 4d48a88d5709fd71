"""How the window words things: status, reason, kind and action names, numbers, times.

One place for every name an editor reads, so the article view, the tooltips,
the claim list, the inspector and the help say the same thing for the same
thing.  In Chinese the status and reason names are the workbook's
(`desktop.store.records.STATUS_LABELS_ZH`, `REASON_LABELS_ZH`) and the kind
names the export's; tests/ui/test_ui_wording.py holds the translations to them.
Every name is a literal translate() call, so pyside6-lupdate finds it.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from PySide6.QtCore import QCoreApplication

from desktop.claims.model import APPROX_MEANING
from desktop.store.records import ClaimView


def status_label(status: str) -> str:
    """The name of a status, for labels, tooltips, filters and the help."""
    labels = {
        "pending": QCoreApplication.translate("wording", "Pending"),
        "confirmed": QCoreApplication.translate("wording", "Confirmed"),
        "corrected": QCoreApplication.translate("wording", "Corrected"),
        "rejected": QCoreApplication.translate("wording", "Rejected"),
    }
    return labels.get(status, status)


def reason_label(reason: str) -> str:
    labels = {
        "not-a-claim": QCoreApplication.translate("wording", "not a claim"),
        "wrong-number": QCoreApplication.translate("wording", "wrong number"),
    }
    return labels.get(reason, reason)


def status_text(status: str, reason: str = "") -> str:
    """A status with its reason when rejected: 已驳回（数字有误）."""
    if status == "rejected" and reason:
        return QCoreApplication.translate("wording", "{status} ({reason})").format(
            status=status_label(status), reason=reason_label(reason)
        )
    return status_label(status)


def kind_label(kind: str) -> str:
    labels = {
        "count": QCoreApplication.translate("wording", "count"),
        "money": QCoreApplication.translate("wording", "money"),
        "percent": QCoreApplication.translate("wording", "percent"),
        "change": QCoreApplication.translate("wording", "change"),
        "rank": QCoreApplication.translate("wording", "rank"),
        "duration": QCoreApplication.translate("wording", "duration"),
        "measure": QCoreApplication.translate("wording", "measure"),
    }
    return labels.get(kind, kind or "—")


def approx_label(word: str) -> str:
    """An approximation word with what it means: 近 (about); "exact" without one."""
    if not word:
        return QCoreApplication.translate("wording", "exact")
    meaning = {
        "about": QCoreApplication.translate("wording", "about"),
        "more than": QCoreApplication.translate("wording", "more than"),
        "at least": QCoreApplication.translate("wording", "at least"),
        "at most": QCoreApplication.translate("wording", "at most"),
    }.get(APPROX_MEANING.get(word, ""), APPROX_MEANING.get(word, ""))
    if not meaning:
        return word
    return QCoreApplication.translate("wording", "{word} ({meaning})").format(word=word, meaning=meaning)


def action_label(action: str) -> str:
    """What an audit entry records."""
    labels = {
        "decide": QCoreApplication.translate("wording", "decision"),
        "reattach": QCoreApplication.translate("wording", "reattached"),
        "orphan": QCoreApplication.translate("wording", "orphaned"),
        "add": QCoreApplication.translate("wording", "added"),
        "import": QCoreApplication.translate("wording", "imported"),
        "edit": QCoreApplication.translate("wording", "edited"),
    }
    return labels.get(action, action)


def format_decimal(value: Decimal) -> str:
    """A Decimal with thousands separators, exact and never in exponent form."""
    text = format(value, ",f")
    if "." in text:  # 65.10 -> 65.1, like the parser's canonical form
        text = text.rstrip("0").rstrip(".")
    return text


def value_with_unit(value: Decimal, unit: str) -> str:
    """13,000人, 60.58%, 12 km: Chinese units and signs follow the number directly, as in copy."""
    shown = format_decimal(value)
    if not unit:
        return shown
    return f"{shown} {unit}" if unit[0].isascii() and unit[0].isalpha() else f"{shown}{unit}"


def typed_form(claim: ClaimView) -> str:
    """The corrected value as the editor typed it ("1.3万"), when that says more than the value shown.

    "" for a claim not corrected, a correction saved before the store kept
    the typed form, or one typed as the number itself ("13000", "13,000人").
    """
    typed = claim.corrected_text
    if claim.status != "corrected" or claim.corrected_value is None or not typed:
        return ""
    shown = value_with_unit(claim.corrected_value, claim.corrected_unit or claim.unit)
    plain = typed.replace(",", "").replace(" ", "")
    same = (shown.replace(",", "").replace(" ", ""), format(claim.corrected_value, "f"))
    return "" if plain in same else typed


def corrected_text(claim: ClaimView) -> str:
    """A corrected value as the window shows it: 13,000人（输入：1.3万）; "" when not corrected."""
    if claim.corrected_value is None:
        return ""
    shown = value_with_unit(claim.corrected_value, claim.corrected_unit or claim.unit)
    typed = typed_form(claim)
    return with_typed(shown, typed) if typed else shown


def with_typed(value: str, typed: str) -> str:
    """A value with the form it was typed in: 13,000（输入：1.3万）."""
    return QCoreApplication.translate("wording", "{value} (typed {typed})").format(value=value, typed=typed)


def local_time(iso: str) -> str:
    """An ISO-8601 UTC time from the store as local "YYYY-MM-DD HH:MM" (the year always shown)."""
    if not iso:
        return ""
    try:
        when = dt.datetime.fromisoformat(iso)
    except ValueError:
        return iso
    if when.tzinfo is not None:
        when = when.astimezone()
    return when.strftime("%Y-%m-%d %H:%M")


_YEAR = re.compile(r"(?:1[89]|2[0-9])\d\d")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_MONTH_DAY = re.compile(r"^(\d{1,2})月(\d{1,2})日")


def has_year(date: str) -> bool:
    return bool(_YEAR.search(date))


def article_date(date: str, published: str = "") -> str:
    """An article's date with its year: the copy's own, else the year of the document's publication date.

    Datelines seldom carry a year (9月13日).  The year is taken from the
    publication date the editor set for the document, one year earlier when
    the dateline falls after it (a 12月30日 dateline in a paper of 1月2日);
    with neither, the date stays as written: a year is never guessed.
    """
    iso = _ISO_DATE.match(date)
    if iso:  # the store's fallback when there is no dateline: the publication date itself
        return f"{int(iso[1])}年{int(iso[2])}月{int(iso[3])}日"
    if has_year(date) or not published:
        return date
    try:
        day = dt.date.fromisoformat(published)
    except ValueError:
        return date
    if not date:
        return f"{day.year}年{day.month}月{day.day}日"
    month_day = _MONTH_DAY.match(date)
    if month_day is None:
        return date
    after = (int(month_day[1]), int(month_day[2])) > (day.month, day.day)
    return f"{day.year - 1 if after else day.year}年{date}"


def change_text(before: ClaimView, after: ClaimView) -> str:
    """What a saved change did, as undo and redo report it: 确认“9项”, 驳回“10项”（数字有误）."""
    text = after.text
    decided = (before.status, before.reason, before.corrected_value, before.corrected_unit) != (
        after.status,
        after.reason,
        after.corrected_value,
        after.corrected_unit,
    )
    if decided and after.status == "confirmed":
        return QCoreApplication.translate("wording", "Confirm “{text}”").format(text=text)
    if decided and after.status == "corrected" and after.corrected_value is not None:
        value = value_with_unit(after.corrected_value, after.corrected_unit or after.unit)
        return QCoreApplication.translate("wording", "Correct “{text}” to {value}").format(
            text=text, value=value
        )
    if decided and after.status == "rejected":
        return QCoreApplication.translate("wording", "Reject “{text}” ({reason})").format(
            text=text, reason=reason_label(after.reason)
        )
    if decided:
        return QCoreApplication.translate("wording", "Set “{text}” back to pending").format(text=text)
    if before.sources != after.sources:
        return QCoreApplication.translate("wording", "Sources of “{text}”").format(text=text)
    if before.note != after.note:
        return QCoreApplication.translate("wording", "Note on “{text}”").format(text=text)
    return QCoreApplication.translate("wording", "Change to “{text}”").format(text=text)
