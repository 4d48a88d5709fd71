"""Start the review window: application, translations, fonts, first database."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import QApplication

from desktop.paths import resource_path
from desktop.ui import settings as keys
from desktop.ui.main_window import MainWindow

# Qt falls back along this list per character, so Latin text keeps the
# platform font while Chinese finds a CJK face on Linux, Windows and macOS.
CJK_FONTS = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Microsoft YaHei",
    "PingFang SC",
    "WenQuanYi Micro Hei",
)


def install_translator(app: QCoreApplication, language: str) -> QTranslator | None:
    """Load resources/i18n/factdesk_<language>.qm; English is the source language."""
    for old in getattr(app, "_factdesk_translators", []):
        app.removeTranslator(old)
    app._factdesk_translators = []  # type: ignore[attr-defined]
    if language == "en":
        return None
    translator = QTranslator(app)
    if not translator.load(str(resource_path("i18n", f"factdesk_{language}.qm"))):
        return None
    app.installTranslator(translator)
    app._factdesk_translators.append(translator)  # type: ignore[attr-defined]
    # Qt's own words (OK, Cancel, the file dialogs) come from Qt's catalogue.
    qt_words = QTranslator(app)
    if qt_words.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_words)
        app._factdesk_translators.append(qt_words)  # type: ignore[attr-defined]
    QLocale.setDefault(QLocale(language))
    return translator


def make_application(argv: Sequence[str]) -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(list(argv))
    app.setOrganizationName("FactDesk")
    app.setApplicationName("FactDesk")
    app.setApplicationDisplayName("FactDesk 核数台")
    icon = resource_path("icons", "factdesk.svg")
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    font = QFont(app.font())
    font.setFamilies([*CJK_FONTS, font.family()])
    app.setFont(font)
    return app


class Session:
    """The open window; rebuilt when the editor switches language."""

    def __init__(self, app: QApplication, settings: QSettings, database: Path | None) -> None:
        self.app = app
        self.settings = settings
        self.window = self._new_window(database)

    def _new_window(self, database: Path | None) -> MainWindow:
        language = keys.text_value(self.settings, keys.LANGUAGE, keys.DEFAULT_LANGUAGE)
        install_translator(self.app, language)
        window = MainWindow(self.settings)
        window.language_change_requested.connect(self._switch_language)
        window.show()
        last = keys.text_value(self.settings, keys.LAST_DATABASE)
        window.open_database(database or (Path(last) if last and Path(last).exists() else None))
        window.ensure_editor()
        window.activateWindow()
        window.article_view.setFocus()
        return window

    def _switch_language(self, _language: str) -> None:
        old = self.window
        last = keys.text_value(self.settings, keys.LAST_DATABASE)
        database = Path(last) if last else None
        old.close()
        self.window = self._new_window(database)
        old.deleteLater()


def run(argv: Sequence[str] | None = None, database: Path | None = None) -> int:
    app = make_application(argv if argv is not None else sys.argv)
    session = Session(app, QSettings(), database)
    app.aboutToQuit.connect(lambda: session.window.close())
    return app.exec()
