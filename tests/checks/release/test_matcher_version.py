"""MATCHER_VERSION follows what the release matcher says (as DETECTOR_VERSION follows the detector).

A database keeps each article's matches with a fingerprint that holds the
matcher's version; matches are worked out again only when it changes.  So
every pair in tests/data (the dev pairs and the blind pairs) is matched and
every match digested; when the digest changes, this test fails until
MATCHER_VERSION is raised and the new digest recorded in
desktop/checks/release/__init__.py.  The pairs copy their releases
faithfully, so a rule against swapped figures may leave all their matches
as they were: from version 3 the digest also holds what the matcher says
of every swapped figure of the swap stress test (swap_stress.py, every kind).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from swap_stress import BLIND, BLIND_KINDS, FIRST_KINDS, LATER_KINDS, run

from desktop.checks.messages import render
from desktop.checks.release import MATCHER_FINGERPRINTS, MATCHER_VERSION, match_release
from desktop.checks.release.document import placed
from desktop.pipeline import process_file

DATA = Path(__file__).resolve().parents[2] / "data"


def pair_files() -> list[tuple[Path, Path]]:
    found = [
        (article, article.with_name(article.name.replace(".article.txt", ".source.txt")))
        for folder in ("release_pairs", "release_pairs_blind")
        for article in sorted((DATA / folder).glob("*.article.txt"))
    ]
    assert len(found) >= 9
    return found


def fingerprint(pairs: list[tuple[Path, Path]]) -> str:
    digest = hashlib.sha256()
    for article_path, release_path in pairs:
        article, release = placed(process_file(article_path)), placed(process_file(release_path))
        for m in match_release(article.text, article.claims, release.text, release.claims):
            record = [
                article_path.name,
                m.figure.start,
                m.figure.end,
                m.match,
                None if m.source is None else [m.source.start, m.source.end, m.source.text],
                render(m.message, "en"),
            ]
            digest.update(json.dumps(record, ensure_ascii=False).encode() + b"\n")
    for folder in (DATA / "release_pairs", BLIND):
        for kinds in (FIRST_KINDS, LATER_KINDS, BLIND_KINDS):
            for o in run(folder, kinds):
                swap = [o.swap.pair, o.swap.kind, o.swap.original, o.swap.replacement, o.match, o.source]
                digest.update(json.dumps(swap, ensure_ascii=False).encode() + b"\n")
    return digest.hexdigest()


def test_the_version_says_what_the_matcher_says() -> None:
    digest = fingerprint(pair_files())
    following = int(MATCHER_VERSION) + 1
    assert digest == MATCHER_FINGERPRINTS.get(MATCHER_VERSION), (
        "The release matches of the pairs in tests/data have changed, so databases would keep "
        "matches this matcher no longer makes.  In desktop/checks/release/__init__.py raise "
        f'MATCHER_VERSION to "{following}" and add "{following}": "{digest}" to MATCHER_FINGERPRINTS.  '
        "If the change was not meant, undo it."
    )


def test_matcher_versions_only_go_up() -> None:
    versions = list(MATCHER_FINGERPRINTS)
    assert [int(v) for v in versions] == sorted(int(v) for v in versions)
    assert versions[-1] == MATCHER_VERSION
    assert len(set(MATCHER_FINGERPRINTS.values())) == len(versions)
