"""How each review status looks, in every widget: colour, underline, glyph, label.

Colours come from the Okabe–Ito palette so they stay apart for colour-blind
readers, and no status is told by colour alone: each also has its own
underline style (or strike-out) and a glyph.  The hex values live in
desktop/colours.py, which the workbook's status cells and chart read too.

    pending    pale yellow, dotted underline, ○
    confirmed  bluish green, solid underline, ✓
    corrected  orange, wave underline, ✎
    rejected   vermillion, struck through, ✗
    current    the claim being reviewed: white text on blue, whatever its status
    flagged    an open check flag: a line over the claim, bold dark vermillion text

Every other colour and style sheet of the window lives here too (text
greys, the refusal banner, chips, the article list's bars), so a theme or a
contrast fix is one file.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap, QTextCharFormat

from desktop.colours import OKABE_ITO, STATUS_COLOURS, TEXT_DARK

Underline = QTextCharFormat.UnderlineStyle


def _line(status: str) -> QColor:
    return QColor(STATUS_COLOURS[status].line)


def _highlight(status: str) -> QColor:
    """The status tint, translucent: on the white page it is the workbook's fill of the same status."""
    colours = STATUS_COLOURS[status]
    colour = QColor(colours.tint)
    colour.setAlphaF(colours.share)
    return colour


@dataclass(frozen=True, eq=False)
class StatusStyle:
    """The look of one status.  QColors are mutable: copy before changing one."""

    status: str
    colour: QColor  # opaque: icons, chips, underlines
    background: QColor  # translucent: the highlight behind claim text
    underline: QTextCharFormat.UnderlineStyle
    strike_out: bool
    glyph: str


STATUS_STYLES: dict[str, StatusStyle] = {
    "pending": StatusStyle("pending", _line("pending"), _highlight("pending"), Underline.DotLine, False, "○"),
    "confirmed": StatusStyle(
        "confirmed", _line("confirmed"), _highlight("confirmed"), Underline.SingleUnderline, False, "✓"
    ),
    "corrected": StatusStyle(
        "corrected", _line("corrected"), _highlight("corrected"), Underline.WaveUnderline, False, "✎"
    ),
    "rejected": StatusStyle(
        "rejected", _line("rejected"), _highlight("rejected"), Underline.NoUnderline, True, "✗"
    ),
}

# The claim under review: a strong box that reads in any status.
CURRENT_BACKGROUND = QColor(OKABE_ITO["blue"])
CURRENT_FOREGROUND = QColor("#FFFFFF")

# Text colours on white.  Each keeps a contrast of at least 4.5:1 (WCAG AA); TEXT_DARK
# (desktop/colours.py) is the text on a status badge, as in the workbook's status cells.
MUTED_TEXT = "#5F6B76"  # captions, hints, secondary columns
ERROR_TEXT = "#B8400A"  # a darker vermillion: readable as text on white
ACCENT_TEXT = OKABE_ITO["blue"]  # the claim's own words inside its sentence
WARNING_TEXT = "#8A5A00"  # a darker orange: the correction's second look

# The article list: the reviewed share as a bluish-green bar on a neutral track.
REVIEWED_BAR = QColor(OKABE_ITO["bluish_green"])
TRACK_BAR = QColor("#E3E3E3")
MUTED_COLOUR = QColor("#6B6B6B")  # date and file name: secondary, still readable
FLAG_COLOUR = QColor(ERROR_TEXT)  # an open check flag in a list


def match_background(match: str, *, current: bool = False) -> QColor:
    """The tint of a release figure by how it matched (the article's figure under review: blue)."""
    if current:
        return QColor(CURRENT_BACKGROUND)
    name = {"same": "bluish_green", "rounded": "sky_blue", "different": "vermillion"}.get(match, "yellow")
    colour = QColor(OKABE_ITO[name])
    colour.setAlphaF(0.30)
    return colour


def status_style(status: str) -> StatusStyle:
    """The style of `status`; an unknown status looks pending rather than failing a paint."""
    return STATUS_STYLES.get(status, STATUS_STYLES["pending"])


def claim_format(status: str, *, current: bool = False, flagged: bool = False) -> QTextCharFormat:
    """The character format of a claim highlight (for QTextEdit.ExtraSelection).

    A claim with an open check flag gets a line over it (no status has one)
    and dark vermillion bold text, so a flag reads by shape as well as colour.
    """
    style = status_style(status)
    fmt = QTextCharFormat()
    if current:
        fmt.setBackground(CURRENT_BACKGROUND)
        fmt.setForeground(CURRENT_FOREGROUND)
        fmt.setUnderlineColor(CURRENT_FOREGROUND)
    else:
        fmt.setBackground(style.background)
        fmt.setUnderlineColor(style.colour)
        if flagged:
            fmt.setForeground(QColor(ERROR_TEXT))
    if flagged:
        fmt.setFontOverline(True)
        fmt.setFontWeight(QFont.Weight.Bold)
    fmt.setUnderlineStyle(style.underline)
    fmt.setFontStrikeOut(style.strike_out)
    return fmt


@cache
def status_icon(status: str, size: int = 16) -> QIcon:
    """A round badge in the status colour holding its glyph (needs a QGuiApplication)."""
    style = status_style(status)
    scale = 2  # drawn at twice the size so it stays crisp on high-DPI screens
    pixmap = QPixmap(size * scale, size * scale)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(style.colour)
    box = QRectF(1, 1, size * scale - 2, size * scale - 2)
    painter.drawEllipse(box)
    font = QFont()
    font.setPixelSize(int(size * scale * 0.7))
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(QColor("#FFFFFF") if status != "pending" else QColor("#000000"))
    painter.drawText(box, Qt.AlignmentFlag.AlignCenter, style.glyph)
    painter.end()
    pixmap.setDevicePixelRatio(scale)
    return QIcon(pixmap)


def status_badge_style(status: str) -> str:
    """The style sheet of a status badge: the highlight's colours, rounded."""
    style = status_style(status)
    return (
        f"QLabel {{ background: {style.background.name(QColor.NameFormat.HexArgb)};"
        f" border: 1px solid {style.colour.name()};"
        f" border-radius: 10px; padding: 2px 10px; color: {TEXT_DARK}; font-weight: 600; }}"
    )


INSPECTOR_STYLE = f"""
    #refusalBanner {{ background: #FBE3D6; border-bottom: 2px solid {OKABE_ITO["vermillion"]}; }}
    #refusalBanner QLabel {{ color: #5A1F00; }}
    #emptyState {{ color: {MUTED_TEXT}; font-size: 13pt; }}
    #inspectorContent {{ background: palette(base); }}
    #fieldCaption {{ color: {MUTED_TEXT}; }}
    #mutedLabel {{ color: {MUTED_TEXT}; }}
    #errorLabel {{ color: {ERROR_TEXT}; }}
    #warningLabel {{ color: {WARNING_TEXT}; background: #FFF3D6; border-left: 3px solid {OKABE_ITO["orange"]};
        padding: 4px 6px; }}
    #sectionTitle {{ color: #2A3540; padding-top: 4px; border-top: 1px solid #DDE2E6; }}
    #sourceChip {{ background: #E4EEF6; border: 1px solid #B8CEE0; border-radius: 10px; }}
    #sourceChip QToolButton {{ border: none; padding: 0 3px; }}
    #recentSources QToolButton {{
        border: 1px solid #D5DBE0; border-radius: 4px; padding: 1px 5px; background: #F6F8FA;
    }}
    #releaseMatch {{ background: #E4EEF6; border-left: 3px solid {OKABE_ITO["sky_blue"]}; padding: 3px 6px; }}
    #releaseMatch[match="different"] {{ background: #FBE3D6; border-left: 3px solid {OKABE_ITO["vermillion"]}; }}
    #releaseMatch[match="same"] {{ background: #DDF1EA; border-left: 3px solid {OKABE_ITO["bluish_green"]}; }}
    #findingRow {{ background: #F3F5F7; border-left: 3px solid #9FB0BF; }}
    #findingFlag {{ background: #FBE3D6; border-left: 3px solid {OKABE_ITO["vermillion"]}; }}
    #historyRow {{ background: #F3F5F7; border-left: 3px solid #9FB0BF; border-radius: 0; padding: 3px 6px; }}
    QLineEdit[invalid="true"] {{ border: 2px solid {ERROR_TEXT}; border-radius: 3px; }}
"""
