"""Where FactDesk's files are: the bundled ones, in a checkout and in the frozen app, and the user's.

In a checkout (or an editable install) `resources/` and `seeds/` sit beside the
`desktop/` package.  PyInstaller unpacks the data files of a frozen build into
`sys._MEIPASS`, and build.spec puts them there under the same names, so the
rest of the code never asks which case it is in.  The per-user review
database lives in the platform's folder for application data.
"""

from __future__ import annotations

import sys
from pathlib import Path

import platformdirs


def app_root() -> Path:
    """The folder that holds `resources/` and `seeds/`."""
    # Looked up on every call rather than once at import: cheap, and a test
    # can pretend to be frozen by setting the two attributes.
    bundle = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and bundle:
        return Path(bundle)
    return Path(__file__).resolve().parent.parent


def resource_path(*parts: str) -> Path:
    """A file under `resources/`, e.g. ``resource_path("i18n", "factdesk_zh_CN.qm")``."""
    return app_root().joinpath("resources", *parts)


def seeds_dir() -> Path:
    """The sample articles shipped with the app."""
    return app_root() / "seeds"


def seed_files() -> list[Path]:
    """The sample articles, sorted by name; empty when none are shipped."""
    return sorted(seeds_dir().glob("*.txt"))


def default_database_path() -> Path:
    """The per-user review database, used when no other is named (--db, File → Open).

    On first use the command line and the window fill it with the demo pages
    (seed_files()); a database the user names holds only what they import.
    """
    return Path(platformdirs.user_data_dir("FactDesk", appauthor=False)) / "factdesk.sqlite"
