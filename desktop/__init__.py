"""FactDesk（核数台）: fact-checking the numbers in Chinese news articles."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("factdesk")
except PackageNotFoundError:  # running from a checkout that was never installed
    __version__ = "0.0.0"
