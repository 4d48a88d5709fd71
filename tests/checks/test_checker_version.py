"""CHECKER_VERSION follows what the checks find (as DETECTOR_VERSION follows the detector, issue 11 §3).

The store keeps each article's findings with the checker version that made
them and works them out again when the version differs; the memory of
figures keys articles again on the same signal.  A rule changed without a
new version would leave every existing database with yesterday's flags.  So
a fixed corpus (the seed pages, the held-out pages, the repeats pages) is
checked as `factdesk check --repeats across` checks files, every finding and
repeat digested; when the digest changes, this test fails until the version
is raised and the new digest recorded in desktop/checks/__init__.py.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from desktop.checks import CHECKER_FINGERPRINTS, CHECKER_VERSION
from desktop.checks.document import iter_document
from desktop.checks.repeats.place import repeats_of_files
from desktop.cli.check import finding_record, repeat_record
from desktop.pipeline import process_file

REPO = Path(__file__).resolve().parents[2]


def corpus() -> list[Path]:
    data = REPO / "tests" / "data"
    files = [
        *sorted((REPO / "seeds").glob("*.txt")),
        *sorted((data / "heldout").glob("*.txt")),
        *sorted((data / "repeats").glob("*.txt")),
        *sorted((data / "repeats_blind").glob("*.txt")),
    ]
    assert len(files) >= 45
    return files


def fingerprint(paths: list[Path]) -> str:
    """A digest of every finding and repeat (across all the files) the checks report, in English."""
    digest = hashlib.sha256()
    results = [(path.name, process_file(path)) for path in sorted(paths, key=lambda p: p.name)]
    for name, result in results:
        for placed in iter_document(result):
            digest.update(json.dumps(finding_record(name, placed, "en"), ensure_ascii=False).encode() + b"\n")
    for repeat in repeats_of_files(results):
        digest.update(json.dumps(repeat_record(repeat, "en"), ensure_ascii=False).encode() + b"\n")
    return digest.hexdigest()


def test_the_version_says_what_the_checks_find() -> None:
    digest = fingerprint(corpus())
    following = int(CHECKER_VERSION) + 1
    assert digest == CHECKER_FINGERPRINTS.get(CHECKER_VERSION), (
        "The findings of the checks on the fixed corpus have changed, so stored findings and the "
        "memory of figures would differ from what these checks find.  In desktop/checks/__init__.py "
        f'raise CHECKER_VERSION to "{following}" and add "{following}": "{digest}" to CHECKER_FINGERPRINTS.  '
        "If the change was not meant, undo it."
    )


def test_checker_versions_only_go_up() -> None:
    versions = list(CHECKER_FINGERPRINTS)
    assert [int(v) for v in versions] == sorted(int(v) for v in versions)
    assert versions[-1] == CHECKER_VERSION
    assert len(set(CHECKER_FINGERPRINTS.values())) == len(versions)
