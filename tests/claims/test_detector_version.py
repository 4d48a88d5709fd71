"""DETECTOR_VERSION follows the detector's behaviour (issue 11 §3).

A fixed corpus (the seeds, the held-out pages and a page of every desk) is
run through the whole pipeline and digested (`pipeline.fingerprint`).  The
digest of the current version is recorded beside DETECTOR_VERSION; when the
claims change, this test fails until the version is raised and the new digest
recorded, so a database made by an older detector is always recognised and
`factdesk redetect` brings it up to date, decisions kept.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from desktop.claims.detector import DETECTOR_FINGERPRINTS, DETECTOR_VERSION
from desktop.paths import seed_files
from desktop.pipeline import fingerprint, process_file
from desktop.store import ReviewStore, redetection

REPO = Path(__file__).resolve().parents[2]


def corpus() -> list[Path]:
    files = [
        *sorted((REPO / "seeds").glob("*.txt")),
        *sorted((REPO / "tests" / "data" / "heldout").glob("*.txt")),
        *sorted((Path(__file__).parent / "fingerprint_corpus").glob("*.txt")),
    ]
    assert len(files) >= 28
    return files


def test_the_version_says_what_the_detector_finds() -> None:
    digest = fingerprint(corpus())
    recorded = DETECTOR_FINGERPRINTS.get(DETECTOR_VERSION)
    following = int(DETECTOR_VERSION) + 1
    assert digest == recorded, (
        "The claims the pipeline finds in the fixed corpus have changed, so stored documents "
        "would differ from what this detector finds.  In desktop/claims/detector.py raise "
        f'DETECTOR_VERSION to "{following}" and add "{following}": "{digest}" to DETECTOR_FINGERPRINTS '
        "(factdesk redetect then updates older databases).  If the change was not meant, undo it."
    )


def test_versions_only_go_up_and_each_stands_for_one_behaviour() -> None:
    versions = list(DETECTOR_FINGERPRINTS)
    assert [int(v) for v in versions] == sorted(int(v) for v in versions)
    assert versions[-1] == DETECTOR_VERSION
    assert len(set(DETECTOR_FINGERPRINTS.values())) == len(versions)
    assert int(DETECTOR_VERSION) >= 3  # 1 and 2 were numbered by hand


def test_the_digest_sees_every_field_a_document_stores(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text("全市共有医院90家，床位1.2万张，同比增长3.5%。", encoding="utf-8")
    before = fingerprint([page])
    assert fingerprint([page]) == before  # the same files, the same digest
    page.write_text("全市共有医院91家，床位1.2万张，同比增长3.5%。", encoding="utf-8")
    assert fingerprint([page]) != before
    # the name of a file counts, not the folder it lies in
    other = tmp_path / "elsewhere"
    other.mkdir()
    (other / "page.txt").write_text(page.read_text(encoding="utf-8"), encoding="utf-8")
    assert fingerprint([other / "page.txt"]) == fingerprint([page])


def test_redetect_brings_an_older_database_up_to_date(tmp_path: Path) -> None:
    seed = seed_files()[0]
    with ReviewStore.open(tmp_path / "review.sqlite") as store:
        # A document stored by the detector before this one.
        store.import_result(replace(process_file(seed), detector_version="2"))
        assert redetection.outdated(store._db) == 1  # what the window asks when it opens a database
        first = store.claims(store.articles()[0].id)[0]
        store.decide(first.id, "confirmed", editor="王芳")

        report = store.redetect()

        assert report.detector_version == DETECTOR_VERSION
        assert report.decisions_kept == 1
        again = store.claim(first.id)
        assert (again.status, again.detector_version) == ("confirmed", DETECTOR_VERSION)
        assert redetection.outdated(store._db) == 0
        assert store.redetect().claims_added == 0  # nothing left to do
