"""How the window words the checks' findings: the kind of check, the verdict, the explanation, the state.

The explanation itself comes worded from the checks core
(`desktop.checks.messages.render`, Chinese or English by code), so the
inspector, the tooltips, the claim list, the command line and the workbook
give the same sentence; this module adds the window's own names around it.
Every name is a literal translate() call, so pyside6-lupdate finds it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from desktop.checks.messages import render
from desktop.checks.release.messages import render as render_release
from desktop.store.records import StoredFinding, StoredReleaseMatch
from desktop.ui.wording import local_time

# A failing check is marked by a flag, not by colour alone; a check that holds by a tick;
# one that cannot be recomputed (a figure never given) by a question mark.
FLAG_GLYPH = "⚑"
HOLDS_GLYPH = "✓"
UNKNOWN_GLYPH = "?"


def messages_language() -> str:
    """The language of the checks' sentences: the window's ("zh" unless it speaks English)."""
    return "en" if QLocale().language() == QLocale.Language.English else "zh"


def check_label(check: str) -> str:
    """The name of a kind of check (as the workbook's 核查提示 sheet names it)."""
    labels = {
        "sum": QCoreApplication.translate("findings", "Sum"),
        "change": QCoreApplication.translate("findings", "Change"),
        "share": QCoreApplication.translate("findings", "Share"),
        "average": QCoreApplication.translate("findings", "Average"),
        "usage": QCoreApplication.translate("findings", "Number usage"),
        "repeat": QCoreApplication.translate("findings", "Repeat"),
    }
    return labels.get(check, check)


def glyph(finding: StoredFinding) -> str:
    if finding.holds is None:
        return UNKNOWN_GLYPH
    return HOLDS_GLYPH if finding.holds else FLAG_GLYPH


def explanation(finding: StoredFinding) -> str:
    """The one-line explanation, in the window's language."""
    return render(finding.message, messages_language())


def finding_line(finding: StoredFinding) -> str:
    """⚑ 合计：7530 + 795 = 8325 ✓ — one line for a tooltip or the claim list."""
    return QCoreApplication.translate("findings", "{glyph} {check}: {explanation}").format(
        glyph=glyph(finding), check=check_label(finding.check), explanation=explanation(finding)
    )


def finding_state(finding: StoredFinding) -> str:
    """What was done about a finding, with who and when: "" while it is open."""
    when = local_time(finding.acted_at) or "—"
    who = finding.acted_by or "—"
    if finding.status == "dismissed":
        return QCoreApplication.translate("findings", "Dismissed by {who}, {when}").format(who=who, when=when)
    if finding.status == "accepted":
        return QCoreApplication.translate("findings", "Accepted by {who}, {when}").format(who=who, when=when)
    return ""


def match_label(match: str) -> str:
    """The name of a release match (as the workbook's 比对 column names it)."""
    labels = {
        "same": QCoreApplication.translate("findings", "Same"),
        "rounded": QCoreApplication.translate("findings", "Rounded"),
        "different": QCoreApplication.translate("findings", "Different"),
        "absent": QCoreApplication.translate("findings", "Not in the release"),
    }
    return labels.get(match, match)


def match_glyph(match: str) -> str:
    """Told by shape as well as colour: = agrees, ≈ rounds, ≠ differs, ∅ not there."""
    return {"same": "=", "rounded": "≈", "different": "≠"}.get(match, "∅")


def match_explanation(match: StoredReleaseMatch) -> str:
    """Why the figure was matched so, in the window's language."""
    return render_release(match.message, messages_language())
