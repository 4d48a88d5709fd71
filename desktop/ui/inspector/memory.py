"""The inspector's 已核实过 section, and the offer to confirm the same figure elsewhere.

For the claim shown, what other articles state of the same metric
(desktop.store.memory's hits, read once per article by ReviewMemory):

- verified figures first, one framed row each: "✓ 已核实过：38652元，统计公报，
  王编辑 2026-03-02", then the other article's headline as a link that opens
  it with that claim selected, its file and date;
- a conflict as a flag row: the other figure, here, and the difference;
- the same figure stated but not verified yet, one muted line each.

With no hit the section and its title are hidden: a claim nobody stated
before says nothing.  The offer ("还有 N 处相同数字，一并确认？") is a banner of
its own at the top of the inspector, because it is about the claim just
confirmed, which is no longer the claim shown.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QVBoxLayout, QWidget

from desktop.checks.figures import plain
from desktop.colours import OKABE_ITO
from desktop.store.records import MemoryHit
from desktop.ui.palette import MUTED_TEXT
from desktop.ui.wording import local_time

# The magnitude word a figure is written with, so a value is shown as the copy writes it.
_MAGNITUDE = re.compile(r"(万亿|萬億|千万|千萬|百万|百萬|万|萬|亿|億)")
_FACTORS = {
    "万": 4,
    "萬": 4,
    "亿": 8,
    "億": 8,
    "万亿": 12,
    "萬億": 12,
    "千万": 7,
    "千萬": 7,
    "百万": 6,
    "百萬": 6,
}

MEMORY_STYLE = f"""
    #memoryVerified {{ background: #DDF1EA; border-left: 3px solid {OKABE_ITO["bluish_green"]}; }}
    #memoryConflict {{ background: #FBE3D6; border-left: 3px solid {OKABE_ITO["vermillion"]}; }}
    #linkedOffer {{ background: #E4EEF6; border-bottom: 2px solid {OKABE_ITO["blue"]}; }}
"""


def written_like(value: str, unit: str, text: str) -> str:
    """A stored value (magnitude applied) written with the magnitude of `text`: 3251.6亿元, not 325160000000元."""
    try:
        number = Decimal(value)
    except InvalidOperation:
        return value + unit
    found = _MAGNITUDE.search(text)
    word = found.group(1) if found else ""
    factor = Decimal(10) ** _FACTORS.get(word, 0)
    return plain(number / factor) + word + unit


def figure_of(hit: MemoryHit) -> str:
    """The other figure as it was verified: its text, or its correction written the same way."""
    if hit.other_status == "corrected":
        return written_like(hit.other_value, hit.other_unit, hit.other_text)
    return hit.other_text


def difference_of(hit: MemoryHit) -> tuple[str, str]:
    """How far apart the two figures are, and by how much of the smaller: ("36亿元", "1.1 %")."""
    args = dict(hit.message.args)
    if hit.message.code.startswith("repeat.conflict.") and hit.other_status != "corrected":
        return args.get("difference", ""), args.get("relative", "")
    try:
        here, there = Decimal(hit.value), Decimal(hit.other_value)
    except InvalidOperation:
        return "", ""
    apart = abs(here - there)
    low = min(abs(here), abs(there))
    relative = f"{plain(apart / low * 100, 1)} %" if low else "—"
    return written_like(str(apart), hit.unit, hit.claim_text), relative


class MemorySection(QWidget):
    hit_clicked = Signal(int, str)  # the other article's id, the other claim's id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(6)
        self.setStyleSheet(MEMORY_STYLE)
        self.rows: list[QWidget] = []
        self._hits: list[MemoryHit] = []

    @property
    def hits(self) -> list[MemoryHit]:
        return list(self._hits)

    def show_hits(self, hits: Sequence[MemoryHit]) -> None:
        self._hits = list(hits)
        for row in self.rows:
            self._layout.removeWidget(row)
            row.hide()  # deleteLater waits for the event loop; a grab or test may come first
            row.deleteLater()
        self.rows = []
        # Verified ones first (the store's order), conflicts among them by their flag.
        for hit in hits:
            if hit.relation == "conflict":
                self._add(self._row(hit, "memoryConflict", self._conflict_line(hit)))
            elif hit.verified:
                self._add(self._row(hit, "memoryVerified", self._verified_line(hit)))
            else:
                self._add(self._row(hit, "memoryOther", self._other_line(hit)))
        self.setVisible(bool(hits))

    def texts(self) -> list[str]:
        """Each row as plain text, as shown (for the tests and the accessible names)."""
        return [row.accessibleName() for row in self.rows]

    def _add(self, row: QWidget) -> None:
        self._layout.addWidget(row)
        self.rows.append(row)

    def _row(self, hit: MemoryHit, name: str, line: str) -> QWidget:
        framed = name != "memoryOther"
        row = QFrame(self)  # a QFrame paints the style sheet's background; a bare QWidget does not
        row.setObjectName(name)
        layout = QVBoxLayout(row)
        margin = (6, 4, 6, 4) if framed else (0, 0, 0, 0)
        layout.setContentsMargins(*margin)
        label = QLabel(row)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys stay with the review
        where = self._where(hit)
        label.setText(f"{html.escape(line)}<br>{where}" if framed else f"{html.escape(line)} {where}")
        label.setToolTip(self.tr("Open that article at this figure"))
        label.linkActivated.connect(self._on_link)
        layout.addWidget(label)
        row.setAccessibleName(f"{line} {label_text(where)}")
        return row

    def _verified_line(self, hit: MemoryHit) -> str:
        fields = {
            "figure": figure_of(hit),
            "sources": "、".join(hit.sources) or self.tr("no source tag"),
            "editor": hit.editor or "—",
            "date": local_time(hit.decided_at)[:10] or "—",
        }
        if hit.relation == "rounded":
            return self.tr("✓ Verified before, within rounding: {figure}, {sources}, {editor} {date}").format(
                **fields
            )
        return self.tr("✓ Verified before: {figure}, {sources}, {editor} {date}").format(**fields)

    def _conflict_line(self, hit: MemoryHit) -> str:
        difference, relative = difference_of(hit)
        fields = {"figure": figure_of(hit), "stated": hit.claim_text, "difference": difference}
        fields["relative"] = relative
        if hit.verified:
            fields.update(
                sources="、".join(hit.sources) or self.tr("no source tag"),
                editor=hit.editor or "—",
                date=local_time(hit.decided_at)[:10] or "—",
            )
            return self.tr(
                "⚑ Differs from {figure}, verified before ({sources}, {editor} {date}); here {stated}:"
                " {difference} apart ({relative})"
            ).format(**fields)
        return self.tr(
            "⚑ Differs from {figure} stated elsewhere; here {stated}: {difference} apart ({relative})"
        ).format(**fields)

    def _other_line(self, hit: MemoryHit) -> str:
        if hit.relation == "rounded":
            return self.tr("≈ Stated as {figure}, not verified yet:").format(figure=figure_of(hit))
        return self.tr("= Also stated as {figure}, not verified yet:").format(figure=figure_of(hit))

    def _where(self, hit: MemoryHit) -> str:
        """The other article as a link (its headline, else its file), then its file and date."""
        title = (
            self.tr("“{headline}”").format(headline=hit.other_headline)
            if hit.other_headline
            else hit.other_file
        )
        link = (
            f"<a href='hit:{hit.other_article_id}:{html.escape(hit.other_claim_id)}'>{html.escape(title)}</a>"
        )
        details = " · ".join(
            part for part in (hit.other_file if hit.other_headline else "", hit.other_date) if part
        )
        if not details:
            return link
        return f"{link} <span style='color:{MUTED_TEXT}'>{html.escape(details)}</span>"

    def _on_link(self, link: str) -> None:
        kind, _, rest = link.partition(":")
        article, _, claim = rest.partition(":")
        if kind == "hit" and article.isdigit():
            self.hit_clicked.emit(int(article), claim)


def label_text(rich: str) -> str:
    """Rich text as plain text: the tags dropped, the entities read."""
    return html.unescape(re.sub(r"<[^>]+>", "", rich))


class LinkedOffer(QFrame):
    """The offer "还有 N 处相同数字，一并确认？" with its button and a close box; hidden without an offer."""

    accepted = Signal()
    declined = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("linkedOffer")
        self.setStyleSheet(MEMORY_STYLE)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 4, 6)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.label, 1)
        self.button = QPushButton(self.tr("Confirm them"), self)
        self.button.setObjectName("confirmLinked")
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys stay with the review
        self.button.clicked.connect(self.accepted)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignVCenter)
        close = QToolButton(self)
        close.setText("×")
        close.setAutoRaise(True)
        close.setToolTip(self.tr("Not now: do not offer it again for this number"))
        close.setAccessibleName(self.tr("Dismiss"))
        close.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        close.clicked.connect(self.declined)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    def show_offer(self, text: str, *, can_confirm: bool = True, key: str = "") -> None:
        """The offer worded (ReviewMemory.offer_text) and the key that accepts it; "" hides it."""
        self.label.setText(text)
        self.button.setText(
            self.tr("Confirm them ({key})").format(key=key) if key else self.tr("Confirm them")
        )
        self.button.setEnabled(can_confirm)
        self.setVisible(bool(text))

    def text(self) -> str:
        return self.label.text() if not self.isHidden() else ""
