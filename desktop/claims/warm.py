"""Importing this module makes the part-of-speech tagger (jieba and its dictionary).

A bulk import forks its detection processes from a server process that has
imported this module (multiprocessing's forkserver preload), so each of them
starts with the tagger already in memory instead of spending a second making
its own.  Nothing else should import it.
"""

from __future__ import annotations

from desktop.claims.context import load_tagger

load_tagger()
