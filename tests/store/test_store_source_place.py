"""Where a claim stands in its file: line, column and the raw text around it, from the stored text."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.store import ReviewStore, UnknownDocument

PAGE = (
    "全市经济运行稳中向好\r\n"
    "\r\n"
    "（记者 王明 报道）今年前三季度，全市新增市场主体1.2万户，同比增长8.5%。\r\n"
    "全年接待游客32\r\n"
    "0万人次，旅游收入再创新高。\r\n"
)


@pytest.fixture
def crlf_store(tmp_path: Path) -> ReviewStore:
    page = tmp_path / "经济.txt"
    page.write_bytes(PAGE.encode("utf-8"))
    store = ReviewStore.open(tmp_path / "review.sqlite")
    store.import_files([page])
    return store


def test_a_claim_is_placed_on_its_line_of_a_crlf_file(crlf_store: ReviewStore) -> None:
    with crlf_store as store:
        claim = next(c for c in store.claims() if c.text == "8.5%")
        # The offsets index the file as it is, CRs counted.
        assert PAGE[claim.source_start : claim.source_end] == "8.5%"
        source = store.document_source(claim.document_id)
        place = source.place(claim.source_start, claim.source_end, around=6)
        assert (place.file_name, place.line, place.text) == ("经济.txt", 3, "8.5%")
        assert place.column == PAGE.split("\r\n")[2].index("8.5%") + 1
        assert (place.before, place.after) == ("户，同比增长", "。")
        assert not place.by_paragraph
        assert place.path.endswith("经济.txt")


def test_a_claim_broken_over_two_lines_shows_the_break(crlf_store: ReviewStore) -> None:
    with crlf_store as store:
        claim = next(c for c in store.claims() if c.value == 3_200_000)
        place = store.document_source(claim.document_id).place(claim.source_start, claim.source_end)
        assert place.line == 4
        assert "\n" in place.text and place.text.replace("\n", "") == claim.text
        assert place.before == "全年接待游客"


def test_an_unknown_document_is_refused(crlf_store: ReviewStore) -> None:
    with crlf_store as store, pytest.raises(UnknownDocument):
        store.document_source(999)
