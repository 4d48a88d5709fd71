"""Keying done once: kept keys, and what a sentence says read once for all its figures, change nothing."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.checks.repeats import find
from desktop.checks.repeats.find import Document, find_repeats
from desktop.checks.repeats.kept import Kept
from desktop.checks.repeats.key import _MONTH, _PLAN_WORDS, Reading, _day_follows
from desktop.checks.text import ArticleText
from desktop.pipeline import process_file

PAGES = Path(__file__).resolve().parents[2] / "data" / "repeats"


@pytest.fixture(scope="module")
def documents() -> list[Document]:
    found: list[Document] = []
    for path in sorted(PAGES.glob("*.txt")):
        result = process_file(path)
        found.extend((path.name, a.article.text, a.claims) for a in result.articles)
    assert len(found) >= 6
    return found


def _described(found: list[list[object]]) -> list[list[str]]:
    return [[repr(finding) for finding in here] for here in found]


def test_kept_keys_find_what_fresh_keys_find(documents: list[Document]) -> None:
    find._kept.clear()
    fresh = _described(find_repeats(documents))
    assert find._kept.misses > 0 and len(find._kept) > 0
    hits = find._kept.hits
    # The same documents again, and in another order (each at another index): all kept, the same findings.
    again = _described(find_repeats(documents))
    reordered = _described(find_repeats(documents[::-1]))
    assert find._kept.hits >= hits + 2 * len(documents)
    assert again == fresh
    find._kept.clear()
    assert _described(find_repeats(documents[::-1])) == reordered
    # Each alone, as its own repeats are read: its kept keys moved to a set of one, as if worked out afresh.
    for _, text, claims in documents:
        moved = _described(find_repeats([("", text, claims)]))
        find._kept.clear()
        assert _described(find_repeats([("", text, claims)])) == moved


def test_the_kept_store_keeps_to_its_budget() -> None:
    kept: Kept[str, str] = Kept(budget=64)
    for n in range(40):
        assert kept.get(f"document {n}", 2, lambda n=n: f"keys {n}") == f"keys {n}"
    assert kept.weight <= 64 and len(kept) == 32
    # The latest are kept, the least recently used went first.
    assert kept.get("document 39", 2, lambda: "worked out again") == "keys 39"
    assert kept.get("document 0", 2, lambda: "worked out again") == "worked out again"
    # A value larger than its share of the budget is never kept.
    kept.get("a page of a thousand figures", 10, lambda: "big")
    assert kept.get("a page of a thousand figures", 10, lambda: "again") == "again"


_TEXT = st.text(alphabet="青川\n \u3000。，6月十二一九目标计划了年日0123", max_size=60)


@settings(max_examples=300, deadline=None)
@given(text=_TEXT, position=st.integers(min_value=0, max_value=60))
def test_lines_before_counts_as_splitting_the_text(text: str, position: int) -> None:
    position = min(position, len(text))
    reading = Reading(ArticleText(text, []), text)
    assert reading.lines_before(position) == sum(1 for line in text[:position].split("\n") if line.strip())


@settings(max_examples=300, deadline=None)
@given(
    text=_TEXT, start=st.integers(min_value=0, max_value=60), position=st.integers(min_value=0, max_value=60)
)
def test_a_sentence_read_once_tells_each_figure_what_searching_before_it_would(
    text: str, start: int, position: int
) -> None:
    start = min(start, len(text))
    position = min(max(position, start), len(text))
    sentence = Reading(ArticleText(text, []), text).sentence((start, len(text)))
    before = text[start:position]
    months = [month for end, month in sentence.months if end <= position]
    assert months[-1:] == _MONTH.findall(before)[-1:]
    assert (sentence.plan_end <= position) == any(word in before for word in _PLAN_WORDS)
    ends = [at for at in sentence.clause_ends if at < position]
    assert ends == [m.start() + start for m in re.finditer(r"[，,。！？!?；;、]", before)]


@settings(max_examples=300, deadline=None)
@given(time=st.text(alphabet="10月日上半年", min_size=1, max_size=4), sentence=_TEXT)
def test_a_day_after_a_period_is_found_as_the_pattern_finds_it(time: str, sentence: str) -> None:
    expected = re.search(re.escape(time) + r"[0-9]{1,2}日", sentence) is not None
    assert _day_follows(time, sentence) is expected


def test_worded_documents_get_every_repeat_that_touches_them_and_no_other(documents: list[Document]) -> None:
    full = find_repeats(documents)
    document_of = {claim.id: index for index, (_, _, claims) in enumerate(documents) for claim in claims}
    for worded in ({len(documents) - 1}, {0, 2}):
        told = find_repeats(documents, worded=worded)
        for index, (all_found, found) in enumerate(zip(full, told, strict=True)):
            touching = [
                f
                for f in all_found
                if index in worded or any(document_of.get(o.claim_id) in worded for o in f.operands)
            ]
            assert _described([found]) == _described([touching])
    assert sum(map(len, full)) > sum(map(len, find_repeats(documents, worded={0}))), (
        "some repeats left untold"
    )
