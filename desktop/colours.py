"""The colour of each review status, as hex: one table for the window and the workbook.

An editor who sees a claim orange in the window finds its row orange in the
exported workbook.  desktop/ui/palette.py builds its Qt colours from this
table and desktop/export/cells.py its cell fills and chart bars, so the two
cannot drift apart (they did: the workbook used Excel's own green, red and
blue).  Plain strings, so the export never imports Qt.

Colours come from the Okabe–Ito palette, which stays apart for colour-blind
readers; the window also gives each status its own underline and glyph.
"""

from __future__ import annotations

from dataclasses import dataclass

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

# Text on a status colour's tint (the window's badge, the workbook's status cell): at least 4.5:1 on each.
TEXT_DARK = "#1E2A33"


@dataclass(frozen=True)
class StatusColours:
    line: str  # opaque: underlines, icons, the badge's border, the chart's bars
    tint: str  # the highlight's colour, laid over the page at `share` opacity
    share: float

    @property
    def fill(self) -> str:
        """The highlight as it shows on white: the workbook's cell fill, the window's highlight on the page."""
        return blend_on_white(self.tint, self.share)


STATUS_COLOURS: dict[str, StatusColours] = {
    # The pure Okabe–Ito yellow vanishes as a line on white; its darker kin keeps the dots visible.
    "pending": StatusColours("#B8A800", OKABE_ITO["yellow"], 0.35),
    "confirmed": StatusColours(OKABE_ITO["bluish_green"], OKABE_ITO["bluish_green"], 0.30),
    "corrected": StatusColours(OKABE_ITO["orange"], OKABE_ITO["orange"], 0.35),
    "rejected": StatusColours(OKABE_ITO["vermillion"], OKABE_ITO["vermillion"], 0.25),
}


def blend_on_white(colour: str, share: float) -> str:
    """`colour` (#RRGGBB) at `share` opacity over white, as an opaque #RRGGBB."""
    channels = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return "#" + "".join(f"{round(255 * (1 - share) + c * share):02X}" for c in channels)
