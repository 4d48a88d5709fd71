"""QSettings keys, in one place.  QSettings holds UI state only; data lives in SQLite.

The settings object is always passed in (never created inside a widget) so a
test can hand the window a QSettings on a temporary file.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QSplitter, QWidget

EDITOR_NAME = "editor/name"
WINDOW_GEOMETRY = "window/geometry"
WINDOW_STATE = "window/state"
SPLITTER_SIZES = "window/splitter"
CENTRE_SPLITTER_SIZES = "window/centre_splitter"  # the article above, its claim list below
ARTICLE_ZOOM = "view/article_zoom"  # percent of the normal text size
LAST_DATABASE = "session/database"
RECENT_DATABASES = "session/recent_databases"
LAST_ARTICLE = "session/article_id"
LAST_CLAIM = "session/claim_id"
LANGUAGE = "view/language"
RELEASE_SHOWN = "view/release_shown"  # the source release beside the article

DEFAULT_LANGUAGE = "zh_CN"
LANGUAGES = ("zh_CN", "en")
MAX_RECENT_DATABASES = 8


def settings_in_file(path: Path) -> QSettings:
    """Settings kept in an .ini file: for tests and portable installs."""
    return QSettings(str(path), QSettings.Format.IniFormat)


def text_value(settings: QSettings, key: str, default: str = "") -> str:
    value = settings.value(key, default)
    return str(value) if value is not None else default


def list_value(settings: QSettings, key: str) -> list[str]:
    value = settings.value(key, [])
    if isinstance(value, str):  # QSettings returns a lone item as a plain string
        return [value] if value else []
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value]
    return []


def remember_database(settings: QSettings, path: Path) -> list[str]:
    """Put `path` first in the recent databases and make it the one to reopen."""
    recent = [p for p in list_value(settings, RECENT_DATABASES) if p != str(path)]
    recent.insert(0, str(path))
    del recent[MAX_RECENT_DATABASES:]
    settings.setValue(RECENT_DATABASES, recent)
    settings.setValue(LAST_DATABASE, str(path))
    return recent


def restore_geometry(settings: QSettings, window: QWidget, default: tuple[int, int]) -> None:
    geometry = settings.value(WINDOW_GEOMETRY)
    if isinstance(geometry, QByteArray) and not geometry.isEmpty():
        window.restoreGeometry(geometry)
    else:
        window.resize(*default)


def restore_splitter(settings: QSettings, key: str, splitter: QSplitter, default: list[int]) -> None:
    state = settings.value(key)
    if not (isinstance(state, QByteArray) and not state.isEmpty() and splitter.restoreState(state)):
        splitter.setSizes(default)


def bool_value(settings: QSettings, key: str, default: bool = False) -> bool:
    """A flag; QSettings gives back "true"/"false" strings from an .ini file."""
    value = settings.value(key, default)
    return value in (True, "true", "1", 1) if not isinstance(value, bool) else value


def int_value(settings: QSettings, key: str) -> int | None:
    value = settings.value(key)
    return int(value) if isinstance(value, (int, str)) and str(value).isdigit() else None
