"""The window's panes and their sizes: articles | (article beside its release, over the claim list) | inspector.

Splitters, so the editor can size every pane; the sizes are kept in
QSettings and come back on the next start.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QSplitter, QWidget

from desktop.ui import settings as keys


class ReviewLayout(QSplitter):
    def __init__(
        self, articles: QWidget, article: QWidget, release: QWidget, claims: QWidget, inspector: QWidget
    ) -> None:
        super().__init__(Qt.Orientation.Horizontal)
        # The article, with its source release beside it when shown (View → 来源稿).
        self.reading = QSplitter(Qt.Orientation.Horizontal)
        self.reading.addWidget(article)
        self.reading.addWidget(release)
        self.reading.setChildrenCollapsible(False)
        self.reading.setSizes([600, 400])  # the article keeps the larger share
        self.centre = QSplitter(Qt.Orientation.Vertical)
        self.centre.addWidget(self.reading)
        self.centre.addWidget(claims)
        self.centre.setStretchFactor(0, 3)
        self.centre.setStretchFactor(1, 1)
        self.centre.setChildrenCollapsible(False)
        for pane in (articles, self.centre, inspector):
            self.addWidget(pane)
        self.setStretchFactor(0, 2)
        self.setStretchFactor(1, 5)
        self.setStretchFactor(2, 2)

    def restore(self, settings: QSettings) -> None:
        keys.restore_splitter(settings, keys.SPLITTER_SIZES, self, [380, 680, 340])
        keys.restore_splitter(settings, keys.CENTRE_SPLITTER_SIZES, self.centre, [560, 220])

    def save(self, settings: QSettings) -> None:
        settings.setValue(keys.SPLITTER_SIZES, self.saveState())
        settings.setValue(keys.CENTRE_SPLITTER_SIZES, self.centre.saveState())
