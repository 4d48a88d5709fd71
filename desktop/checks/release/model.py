"""The record a release match produces: one per figure of the article."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.checks.model import Message
from desktop.checks.release.figure import TextFigure

SAME, ROUNDED, DIFFERENT, ABSENT = "same", "rounded", "different", "absent"
LABELS = (SAME, ROUNDED, DIFFERENT, ABSENT)
# Labels that tell the editor the release backs the article's figure.
CONFIRMING = frozenset({SAME, ROUNDED})


@dataclass(frozen=True)
class ReleaseMatch:
    """An article figure, what the release says of it, and why.

    `figure` and `source` are placed in the texts given to `match_release`
    (`start`/`end`); `source` is None when the release has no counterpart
    (absent).  `message` words the explanation (checks.release.messages).
    """

    figure: TextFigure
    match: str  # one of LABELS
    source: TextFigure | None
    message: Message

    @property
    def confirms(self) -> bool:
        return self.match in CONFIRMING
