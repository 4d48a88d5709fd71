"""A database opened with articles the memory of figures has not read is keyed behind the window.

The pages are imported the way `factdesk import` imports them (no keying);
an editor verified the earlier figure.  On opening, the window does not key
at the first lookup (that held it up for seconds): a background job does,
and once it is done the later article's 38652元 shows the verified one.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from desktop.store import ReviewStore
from desktop.ui.main_window import MainWindow

# Two pages of one city paper a month apart (README beside them).
MEMORY_PAGES = Path(__file__).resolve().parents[1] / "data" / "memory"


def _imported_by_the_command_line(tmp_path: Path) -> tuple[Path, str]:
    first, later = tmp_path / "a_linjiang_2024-01-20.txt", tmp_path / "b_linjiang_2024-03-02.txt"
    shutil.copy(MEMORY_PAGES / first.name, first)
    shutil.copy(MEMORY_PAGES / later.name, later)
    database = tmp_path / "review.sqlite"
    with ReviewStore.open(database, seed_if_new=False) as store:
        store.import_files([first, later])
        articles = {a.file_name[:2]: a.id for a in store.articles()}
        verified = next(c for c in store.claims(articles["a_"]) if c.text == "38652元")
        store.decide(verified.id, "confirmed", editor="王编辑", sources=["市统计局公报"])
        later_claim = next(c for c in store.claims(articles["b_"]) if c.text == "38652元")
        assert store.memory_outdated() == 2
    return database, later_claim.id


def test_opening_an_unkeyed_database_keys_it_in_the_background_and_then_shows_the_verified_figure(
    qtbot: QtBot, settings: QSettings, tmp_path: Path
) -> None:
    database, claim_id = _imported_by_the_command_line(tmp_path)
    win = MainWindow(settings, ask_editor=False)
    qtbot.addWidget(win)
    notes: list[str] = []
    win.keying.noted.connect(notes.append)
    with qtbot.waitSignal(win.keying.finished, timeout=60_000) as done:
        assert win.open_database(database)
        assert win.keying.is_running() and win.store.defer_keying
    assert done.args == [2]
    # How far it is, as it goes (an archive takes minutes), then that it is done.
    assert any(note.endswith("of 2 articles…") for note in notes[1:-1]), notes
    assert notes[-1] == "Figures linked: 2 article(s) read."
    assert not win.store.defer_keying and win.store.memory_outdated() == 0
    later = win.store.claim(claim_id)
    win.session.show_article(later.article_id, later.id)
    hits = win.session.memory.hits_for(claim_id)
    assert [(h.other_value, h.verified, h.sources) for h in hits] == [("38652", True, ("市统计局公报",))]
    win.close()


def test_a_keyed_database_starts_no_job(qtbot: QtBot, settings: QSettings, tmp_path: Path) -> None:
    database, _ = _imported_by_the_command_line(tmp_path)
    with ReviewStore.open(database, seed_if_new=False) as store:
        store.refresh_memory()
    win = MainWindow(settings, ask_editor=False)
    qtbot.addWidget(win)
    assert win.open_database(database)
    assert not win.keying.is_running() and not win.store.defer_keying
    win.close()


def test_while_deferred_a_lookup_keys_nothing(tmp_path: Path) -> None:
    database, claim_id = _imported_by_the_command_line(tmp_path)
    with ReviewStore.open(database, seed_if_new=False) as store:
        store.defer_keying = True
        article_id = store.claim(claim_id).article_id
        assert store.memory_for(article_id) == {}
        assert store.memory_outdated() == 2  # left for the background job
        store.defer_keying = False
        assert store.memory_for(article_id)[claim_id][0].verified


def test_its_notices_never_cover_a_message_of_the_editors_own(
    qtbot: QtBot, settings: QSettings, tmp_path: Path
) -> None:
    database, _ = _imported_by_the_command_line(tmp_path)
    win = MainWindow(settings, ask_editor=False)
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.keying.finished, timeout=60_000):
        assert win.open_database(database)
        assert "background" in win.status.currentMessage()  # nothing else shown: its notice is
        win.session.told.emit("Decisions kept: 1.")  # what an editor's action says meanwhile
    assert win.status.currentMessage() == "Decisions kept: 1."
    win.status.clearMessage()
    win.keying.noted.emit("Figures linked: 2 article(s) read.")
    assert win.status.currentMessage() == "Figures linked: 2 article(s) read."
    win.close()
