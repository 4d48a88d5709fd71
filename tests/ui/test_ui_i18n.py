"""Every visible string has a Chinese translation, and the window speaks Chinese by default."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, QTranslator
from pytestqt.qtbot import QtBot

from desktop.paths import resource_path
from desktop.ui import settings as keys
from desktop.ui.app import install_translator
from desktop.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]
ZH_TS = resource_path("i18n", "factdesk_zh_CN.ts")


def test_the_translation_files_cover_every_string_in_the_code() -> None:
    # lupdate over desktop/ui must give exactly the committed .ts files: a new
    # tr() string not yet in them fails here.
    run = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "update_translations.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr


def test_every_message_has_a_finished_chinese_translation() -> None:
    messages = list(ET.parse(ZH_TS).getroot().iter("message"))
    assert len(messages) > 100
    missing = []
    for message in messages:
        translation = message.find("translation")
        assert translation is not None
        text = "".join(translation.itertext()).strip()
        if not text or translation.get("type") in ("unfinished", "vanished", "obsolete"):
            missing.append(message.findtext("source"))
    assert not missing, f"untranslated: {missing}"


def test_the_compiled_chinese_catalogue_translates() -> None:
    translator = QTranslator()
    assert translator.load(str(resource_path("i18n", "factdesk_zh_CN.qm")))
    assert translator.translate("ClaimInspector", "Confirm") == "确认"
    assert translator.translate("actions", "&Reject: not a claim") == "驳回：非数字声明(&R)"


def test_the_window_speaks_chinese_by_default_and_english_on_request(qtbot: QtBot, tmp_path: Path) -> None:
    app = QCoreApplication.instance()
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    settings.setValue(keys.EDITOR_NAME, "编辑")
    try:
        install_translator(app, keys.DEFAULT_LANGUAGE)
        chinese = MainWindow(settings, ask_editor=False)
        qtbot.addWidget(chinese)
        menus = [action.text() for action in chinese.menuBar().actions()]
        assert menus == ["文件(&F)", "编辑(&E)", "核查(&R)", "视图(&V)", "帮助(&H)"]
        assert chinese.actions_by_id["confirm"].text() == "确认(&C)"

        install_translator(app, "en")
        english = MainWindow(settings, ask_editor=False)
        qtbot.addWidget(english)
        assert english.actions_by_id["confirm"].text() == "&Confirm"
    finally:
        install_translator(app, "en")
