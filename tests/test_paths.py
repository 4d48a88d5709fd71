from __future__ import annotations

import sys
from pathlib import Path

import pytest

import desktop
from desktop import paths

CHECKOUT = Path(desktop.__file__).resolve().parent.parent


def test_checkout_layout() -> None:
    assert paths.app_root() == CHECKOUT
    assert (
        paths.resource_path("i18n", "factdesk_zh_CN.qm")
        == CHECKOUT / "resources" / "i18n" / "factdesk_zh_CN.qm"
    )
    assert paths.resource_path() == CHECKOUT / "resources"
    assert (paths.app_root() / "desktop" / "paths.py").is_file()
    assert paths.seeds_dir() == CHECKOUT / "seeds"


def test_seed_files_are_the_shipped_txt_files_sorted() -> None:
    seeds = paths.seed_files()
    assert seeds
    assert seeds == sorted(seeds)
    assert all(p.suffix == ".txt" and p.parent == CHECKOUT / "seeds" and p.is_file() for p in seeds)


def test_frozen_app_looks_in_the_bundle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "seeds").mkdir()
    for name in ("b.txt", "a.txt", "notes.md"):
        (tmp_path / "seeds" / name).write_text("x", encoding="utf-8")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)

    assert paths.app_root() == tmp_path
    assert paths.resource_path("icons", "app.png") == tmp_path / "resources" / "icons" / "app.png"
    assert paths.seed_files() == [tmp_path / "seeds" / "a.txt", tmp_path / "seeds" / "b.txt"]


def test_meipass_alone_does_not_count_as_frozen(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Only PyInstaller's bootloader sets sys.frozen; a stray _MEIPASS (left by
    # some other tool) must not redirect a checkout.
    monkeypatch.delattr(sys, "frozen", raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert paths.app_root() == CHECKOUT


def test_no_seeds_folder_means_no_seed_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert paths.seed_files() == []
