"""Files in, articles and claims out: the pipeline as the store will call it."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.ingest.reader import read_file
from desktop.paths import seed_files
from desktop.pipeline import claim_id, process_file, process_files, process_source

SEEDS = seed_files()


def test_every_claim_points_at_its_text_in_the_article_and_the_file() -> None:
    for path in SEEDS:
        result = process_file(path)
        decoded = result.source.text
        for article_result, claim in result.claims():
            article = article_result.article
            assert article.text[claim.start : claim.end] == claim.text
            assert "".join(decoded[claim.source_start : claim.source_end].split()) == claim.text


def test_claims_carry_context_from_their_sentence() -> None:
    result = process_file(SEEDS[0])
    by_text = {claim.text: claim for _, claim in result.claims()}
    rate = by_text["61.25%"]
    assert "签约覆盖率" in rate.subject
    assert rate.text in rate.sentence
    institutions = by_text["90家"]
    assert institutions.subject == "基层医疗机构"
    assert by_text["68.48亿元"].time == "截至6月底"


def test_claim_without_a_time_in_its_sentence_takes_the_article_date() -> None:
    result = process_file(SEEDS[0])
    first = result.articles[0]
    assert first.article.date == "9月13日"
    assert any(claim.time == "9月13日" for claim in first.claims)


def test_processing_the_same_content_twice_gives_the_same_ids(tmp_path: Path) -> None:
    copy = tmp_path / "again.txt"
    copy.write_text(SEEDS[2].read_text("utf-8"), "utf-8")
    first = [c.id for _, c in process_file(SEEDS[2]).claims()]
    second = [c.id for _, c in process_file(copy).claims()]
    assert first == second


def test_a_changed_file_keeps_ids_only_where_the_content_matches(tmp_path: Path) -> None:
    original = SEEDS[3].read_text("utf-8")
    edited = tmp_path / "edited.txt"
    edited.write_text(original.replace("1000个", "1200个", 1), "utf-8")
    before = {c.id for _, c in process_file(SEEDS[3]).claims()}
    after = {c.id for _, c in process_file(edited).claims()}
    assert before != after  # a new version of a file is a new document


def test_claim_id_depends_on_content_and_span_only() -> None:
    assert claim_id("abc", 1, 4, "90家") == claim_id("abc", 1, 4, "90家")
    assert claim_id("abc", 1, 4, "90家") != claim_id("abc", 2, 5, "90家")
    assert claim_id("abc", 1, 4, "90家") != claim_id("abd", 1, 4, "90家")


def test_process_files_reports_bad_files_and_keeps_going(tmp_path: Path) -> None:
    bad = tmp_path / "broken.docx"
    bad.write_bytes(b"not a zip at all")
    results, errors = process_files([bad, SEEDS[4]])
    assert [r.source.path for r in results] == [SEEDS[4]]
    assert len(errors) == 1 and errors[0].path == bad


def test_seed_values_are_decimals_with_magnitude_applied() -> None:
    values = {claim.text: claim.value for _, claim in process_file(SEEDS[4]).claims()}
    assert values["140.05亿元"] == Decimal("14005000000")
    assert values["3.1万余人"] == Decimal("31000")


_CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)
_PIECE = st.one_of(
    st.text(_CJK, min_size=1, max_size=8),
    st.integers(0, 99999).map(str),
    st.sampled_from(
        ["万", "亿元", "%", "个百分点", "名", "家", "，", "。", "、", "\n", "\n\n", " ", "第", "近", "余"]
    ),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_PIECE, min_size=1, max_size=60).map("".join))
def test_any_text_gives_claims_whose_offsets_point_at_their_text(body: str) -> None:
    if not body.strip():
        return
    source_path = Path("generated.txt")
    from desktop.ingest.model import SourceText

    result = process_source(SourceText(source_path, body, "utf-8"))
    for article_result, claim in result.claims():
        assert article_result.article.text[claim.start : claim.end] == claim.text
        assert "".join(body[claim.source_start : claim.source_end].split()) == claim.text


def test_reader_and_pipeline_agree_on_the_decoded_text() -> None:
    for path in SEEDS:
        assert process_file(path).source.text == read_file(path).text


def test_both_ends_of_a_change_share_their_subject() -> None:
    by_text = {claim.text: claim for _, claim in process_file(SEEDS[1]).claims()}
    assert by_text["50%"].subject == by_text["65%"].subject
    assert by_text["50%"].subject.endswith("报销比例")
    assert by_text["1500元"].subject == by_text["3000元"].subject != ""


def test_placing_a_claim_keeps_every_field_the_detector_set() -> None:
    # claims_of_article builds each placed Claim field by field (for speed):
    # a field added to Claim must be carried there too.
    from dataclasses import fields

    from desktop.claims.model import Claim

    assert [f.name for f in fields(Claim)] == [
        "start",
        "end",
        "text",
        "value",
        "unit",
        "kind",
        "approx",
        "value_low",
        "subject",
        "time",
        "place",
        "sentence",
        "source_start",
        "source_end",
        "id",
    ]


# --- bulk import: detection in worker processes, one writer (issue 11 §4) ----


def _batch(folder: Path) -> list[Path]:
    """Ten files: eight different pages, a copy of the first, and one that cannot be read."""
    folder.mkdir()
    files = []
    for n in range(8):
        page = folder / f"page{n}.txt"
        page.write_text(
            SEEDS[n % len(SEEDS)].read_text(encoding="utf-8") + f"\n\n（第{n + 1}份）\n", encoding="utf-8"
        )
        files.append(page)
    copy = folder / "copy.txt"
    copy.write_bytes(files[0].read_bytes())
    broken = folder / "broken.txt"
    broken.write_bytes(b"\x00\x01\x02" * 100)
    return [*files[:4], copy, broken, *files[4:]]


def _imported(
    database: Path, files: list[Path], workers: int
) -> tuple[object, list[tuple[str, ...]], list[int]]:
    from desktop.store import ReviewStore
    from desktop.store.importing import import_files

    seen: list[int] = []
    with ReviewStore.open(database) as store:
        report = import_files(
            store._db, files, workers=workers, progress=lambda done, total, name: seen.append(done)
        )
        rows = [
            (row["file_name"], row["content_hash"], row["detector_version"])
            for row in store._db.query(
                "SELECT file_name, content_hash, detector_version FROM documents ORDER BY id"
            )
        ]
        claims = [
            (row["id"], row["text"], row["value"], row["unit"], row["kind"], row["subject"])
            for row in store._db.query("SELECT id, text, value, unit, kind, subject FROM claims ORDER BY id")
        ]
    counts = (report.documents_added, report.claims_added, len(report.duplicates), len(report.refused))
    return counts, rows + claims, seen


def test_an_import_in_worker_processes_writes_what_one_process_writes(tmp_path: Path) -> None:
    files = _batch(tmp_path / "in")
    one = _imported(tmp_path / "one.sqlite", files, workers=0)
    two = _imported(tmp_path / "two.sqlite", files, workers=2)
    assert one[0] == two[0] == (8, one[0][1], 1, 1)  # type: ignore[index]
    assert one[1] == two[1]  # the same documents in the same order, the same claims
    assert two[2] == sorted(two[2]) and two[2][-1] == len(files)  # progress goes forward to the end


def test_a_cancelled_import_in_worker_processes_stops(tmp_path: Path) -> None:
    from desktop.store import ReviewStore
    from desktop.store.importing import import_files

    files = _batch(tmp_path / "in")
    asked = []

    def cancel() -> bool:
        asked.append(True)
        return len(asked) > 3

    with ReviewStore.open(tmp_path / "cancel.sqlite") as store:
        report = import_files(store._db, files, workers=1, should_cancel=cancel)
    assert report.cancelled
    assert report.documents_added < 8
