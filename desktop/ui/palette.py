"""How each review status looks, in every widget: colour, underline, glyph, label.

Colours come from the Okabe–Ito palette so they stay apart for colour-blind
readers, and no status is told by colour alone: each also has its own
underline style (or strike-out) and a glyph.

    pending    pale yellow, dotted underline, ○
    confirmed  bluish green, solid underline, ✓
    corrected  orange, wave underline, ✎
    rejected   vermillion, struck through, ✗
    current    the claim being reviewed: white text on blue, whatever its status
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap, QTextCharFormat

# The Okabe–Ito colours we use, by name.
OKABE_ITO = {
    "yellow": "#F0E442",
    "bluish_green": "#009E73",
    "orange": "#E69F00",
    "vermillion": "#D55E00",
    "blue": "#0072B2",
    "sky_blue": "#56B4E9",
    "reddish_purple": "#CC79A7",
    "black": "#000000",
}

Underline = QTextCharFormat.UnderlineStyle


def _alpha(name: str, share: float) -> QColor:
    colour = QColor(OKABE_ITO[name])
    colour.setAlphaF(share)
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
    "pending": StatusStyle(
        "pending",
        # The pure Okabe–Ito yellow vanishes as a line on white; its darker kin keeps the dots visible.
        QColor("#B8A800"),
        _alpha("yellow", 0.35),
        Underline.DotLine,
        False,
        "○",
    ),
    "confirmed": StatusStyle(
        "confirmed",
        QColor(OKABE_ITO["bluish_green"]),
        _alpha("bluish_green", 0.30),
        Underline.SingleUnderline,
        False,
        "✓",
    ),
    "corrected": StatusStyle(
        "corrected",
        QColor(OKABE_ITO["orange"]),
        _alpha("orange", 0.35),
        Underline.WaveUnderline,
        False,
        "✎",
    ),
    "rejected": StatusStyle(
        "rejected",
        QColor(OKABE_ITO["vermillion"]),
        _alpha("vermillion", 0.25),
        Underline.NoUnderline,
        True,
        "✗",
    ),
}

# The claim under review: a strong box that reads in any status.
CURRENT_BACKGROUND = QColor(OKABE_ITO["blue"])
CURRENT_FOREGROUND = QColor("#FFFFFF")


def status_style(status: str) -> StatusStyle:
    """The style of `status`; an unknown status looks pending rather than failing a paint."""
    return STATUS_STYLES.get(status, STATUS_STYLES["pending"])


def status_label(status: str) -> str:
    """The translated name of a status, for labels, tooltips and filters."""
    # Literal calls so pyside6-lupdate finds each string.
    labels = {
        "pending": QCoreApplication.translate("palette", "Pending"),
        "confirmed": QCoreApplication.translate("palette", "Confirmed"),
        "corrected": QCoreApplication.translate("palette", "Corrected"),
        "rejected": QCoreApplication.translate("palette", "Rejected"),
    }
    return labels.get(status, status)


def claim_format(status: str, *, current: bool = False) -> QTextCharFormat:
    """The character format of a claim highlight (for QTextEdit.ExtraSelection)."""
    style = status_style(status)
    fmt = QTextCharFormat()
    if current:
        fmt.setBackground(CURRENT_BACKGROUND)
        fmt.setForeground(CURRENT_FOREGROUND)
        fmt.setUnderlineColor(CURRENT_FOREGROUND)
    else:
        fmt.setBackground(style.background)
        fmt.setUnderlineColor(style.colour)
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
