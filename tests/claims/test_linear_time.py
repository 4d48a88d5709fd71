"""Finding claims takes time in proportion to the text, whatever the text is.

Python's regular expressions backtrack: a pattern that can cut one run of
characters in many ways tries every way before it gives up, and the date
pattern once took 7 s on 26 digits and never ended on 30.  These tests time
the work an import does up to the claims (reflow, segment, detect; the
context reader is timed by its own tests) in CPU seconds, never wall-clock:

* the inputs of the bug report, each in a child process that the kernel
  stops after a few CPU seconds (RLIMIT_CPU), so a regression fails the
  test instead of hanging the run;
* the costliest shapes found while fixing it, timed at n and 4n characters:
  linear work grows 4 times, quadratic work 16;
* hypothesis: long runs of digits, Chinese numerals and separators, 5,000
  to 20,000 characters, must cost per character no more than a generous
  multiple of what a real news page costs in the same process (so a slow or
  busy machine moves both sides), under a CPU-time alarm.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

import pytest
from hypothesis import HealthCheck, Phase, given, settings, target
from hypothesis import strategies as st

from desktop.claims.detector import detect
from desktop.claims.model import Claim
from desktop.claims.numerals import MAX_INTEGER_DIGITS, parse_quantity
from desktop.ingest.model import SourceText
from desktop.ingest.segment import segment

pytestmark = pytest.mark.skipif(not hasattr(signal, "setitimer"), reason="CPU-time limits need a Unix kernel")

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "seeds"
T = TypeVar("T")


def find_claims(text: str) -> list[Claim]:
    """What an import does up to the claims, then the detector on the raw text; the raw text's claims."""
    page = segment(SourceText(Path("timed.txt"), text, "utf-8"))
    for article in page.articles:
        detect(article.text)
    return detect(text)


def cpu_seconds(work: Callable[[T], object], argument: T, repeat: int = 3) -> float:
    """The least CPU time of `repeat` runs of work(argument): the run least disturbed by the rest of the machine."""
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        work(argument)
        best = min(best, time.process_time() - start)
    return best


class CpuBudgetExceeded(Exception):
    pass


@contextmanager
def cpu_budget(seconds: float) -> Iterator[None]:
    """Raise CpuBudgetExceeded in the block once it has used `seconds` of CPU.

    The regex engine checks for signals while it matches, so even a
    backtracking pattern is interrupted.
    """

    def expired(signum: int, frame: object) -> None:
        raise CpuBudgetExceeded(f"more than {seconds:.1f} s of CPU")

    previous = signal.signal(signal.SIGPROF, expired)
    signal.setitimer(signal.ITIMER_PROF, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)


# --- the inputs of the bug report, in a child process with a CPU limit -------

# The child may use this much CPU in all (imports included) before the kernel
# stops it; the work itself must take a small part of it.
CHILD_CPU_LIMIT = 10
WORK_CPU_BOUND = 1.0

CHILD = r"""
import resource, sys, time
limit = int(sys.argv[1])
resource.setrlimit(resource.RLIMIT_CPU, (limit, limit + 1))
from pathlib import Path
from desktop.claims.detector import detect
from desktop.claims.numerals import parse_quantity
from desktop.ingest.model import SourceText
from desktop.ingest.segment import segment
text = sys.stdin.buffer.read().decode("utf-8")
start = time.process_time()
if sys.argv[2] == "quantity":
    try:
        parse_quantity(text)
    except ValueError:
        pass
else:
    for article in segment(SourceText(Path("case.txt"), text, "utf-8")).articles:
        detect(article.text)
    detect(text)
print(time.process_time() - start)
"""


def run_limited(text: str, mode: str) -> float:
    """CPU seconds the work took in a child process limited to CHILD_CPU_LIMIT seconds."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(CHILD_CPU_LIMIT), mode],
        input=text.encode("utf-8"),
        capture_output=True,
        cwd=REPO,
        env=env,
        check=False,
        timeout=120,
    )
    if done.returncode < 0:
        name = signal.Signals(-done.returncode).name
        pytest.fail(
            f"stopped by {name}: more than {CHILD_CPU_LIMIT} s of CPU on a {len(text):,}-character input"
        )
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    return float(done.stdout)


PHONE = "010-12345678"

REPORTED = {
    # The date pattern cut digit runs every way it could: 26 digits 7 s, 28
    # digits 24 s, 30 and more never ended.
    "26 digits": "1" * 26,
    "28 digits": "1" * 28,
    "10,000 digits": "1" * 10_000,
    "10,000 digits with a unit": "增长" + "7" * 10_000 + "万元",
    # Phone numbers, the way a contact list is laid out: the groups run
    # together once reflow joins the lines (a line break between two digits
    # is a number cut in two).
    "12 phone numbers, spaced": (PHONE + " ") * 12,
    "12 phone numbers, one a line": (PHONE + "\n") * 12,
    "12 phone numbers, run together": PHONE * 12,
    "12 phone numbers, listed with 、": (PHONE + "、") * 12,
    "12 phone numbers, Chinese digits": "〇一〇—一二三四五六七八" * 12,
    # One numeral run read as one figure: quadratic in the run before the
    # parser refused what is longer than any figure.
    "200,000 Chinese numerals": "一" * 200_000,
}


@pytest.mark.parametrize("text", REPORTED.values(), ids=REPORTED.keys())
def test_reported_inputs_are_found_quickly(text: str) -> None:
    assert run_limited(text, "detect") < WORK_CPU_BOUND


QUANTITIES = {
    # An editor's correction: every prefix was tried, each read in full.
    "1,000,000 digits": "1" * 1_000_000,
    "200,000 spaces after a value": "1" + " " * 200_000 + "元",
    "100,000 malformed groups": "1." * 100_000,
}


@pytest.mark.parametrize("text", QUANTITIES.values(), ids=QUANTITIES.keys())
def test_a_typed_value_of_any_length_is_read_or_refused_quickly(text: str) -> None:
    assert run_limited(text, "quantity") < WORK_CPU_BOUND


# --- the costliest shapes: n against 4n -------------------------------------


def repeated(unit: str, length: int) -> str:
    return (unit * (length // len(unit) + 1))[:length]


SHAPES: dict[str, Callable[[int], str]] = {
    "a digit run": lambda n: repeated("1", n),
    "a numeral run": lambda n: repeated("一", n),
    # every number a candidate and the start of a possible date
    "a list of bare numbers": lambda n: repeated("1、", n),
    "years": lambda n: repeated("1年", n),
    "ranks": lambda n: repeated("第1、", n),
    "phone numbers": lambda n: repeated("010-12345678", n),
    "the costliest text the search below found": lambda n: repeated("日億月8百两萬五", n),
    "digits spaced out with their line": lambda n: repeated("1 2 ", n),
    "short lines": lambda n: repeated("12.5%\n", n),
    # the closing-hash search retried the spaces at every one of them
    "a heading with a long run of spaces": lambda n: "# 标题" + " " * n + "。",
}


@pytest.mark.parametrize("build", SHAPES.values(), ids=SHAPES.keys())
def test_work_grows_linearly_with_the_text(build: Callable[[int], str]) -> None:
    # Start where the work is long enough to time (10 ms) and compare with 4x the text.
    length = 2_500
    while (small := cpu_seconds(find_claims, build(length))) < 0.01 and length < 160_000:
        length *= 2
    with cpu_budget(100 * max(small, 0.01)):
        large = cpu_seconds(find_claims, build(4 * length))
    # Linear work grows 4 times; quadratic work would grow 16 times.
    assert large < 8 * small, f"{length:,} chars: {small:.3f} s, {4 * length:,} chars: {large:.3f} s"


# --- any text: cost per character against a real news page -------------------

ALPHABET = (
    "0123456789０１２３４５６７８９"
    "零〇一二三四五六七八九十百千万亿两兩萬億"
    ",.，、-/:：·—~至到年月日号%％ \u3000\n"
    "第前近约余多元个名人次"
)
# Chunks repeated many times make long runs of one shape: a 4,000-fold "1"
# is a 4,000-digit run, a 1,000-fold "010-1234" a list of phone numbers.
CHUNK = st.tuples(st.text(alphabet=ALPHABET, min_size=1, max_size=12), st.integers(1, 4_000))
SHORTEST, LONGEST = 5_000, 20_000
# A generous multiple: the costliest shapes found cost about 15 times a news
# page per character; a pattern that backtracks costs thousands of times.
COST_BOUND = 50


def long_text(chunks: list[tuple[str, int]]) -> str:
    """The chunks, repeated, run together and repeated to between SHORTEST and LONGEST characters.

    Below a few thousand characters the fixed cost of a call is what gets timed.
    """
    text = "".join(piece * count for piece, count in chunks)
    return (text * (SHORTEST // len(text) + 1))[:LONGEST]


@pytest.fixture(scope="module")
def page_cost() -> float:
    """CPU seconds per character of finding the claims of the demo pages."""
    pages = [path.read_text("utf-8") for path in sorted(SEEDS.glob("*.txt"))]
    assert pages, f"no demo pages in {SEEDS}"
    return cpu_seconds(lambda texts: [find_claims(text) for text in texts], pages) / sum(map(len, pages))


@settings(
    max_examples=20,
    deadline=None,
    # No shrinking: it would rerun slow examples for minutes; the drawn
    # chunks (a short list) are the report.
    phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.target],
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(st.lists(CHUNK, min_size=1, max_size=8))
def test_cost_per_character_is_bounded(page_cost: float, chunks: list[tuple[str, int]]) -> None:
    text = long_text(chunks)
    bound = COST_BOUND * page_cost
    with cpu_budget(max(4 * bound * len(text), 2.0)):
        start = time.process_time()
        claims = find_claims(text)
        spent = time.process_time() - start
    # Steer the search towards the costliest text it can find.
    target(spent / len(text) / page_cost, label="cost per character / a news page's")
    assert spent <= bound * len(text), (
        f"{spent:.3f} s for {len(text):,} characters: {spent / len(text) * 1e6:.1f} µs per character, "
        f"a news page {page_cost * 1e6:.2f}"
    )
    for claim in claims:
        assert claim.text == text[claim.start : claim.end]
        assert claim.value.copy_abs() < 10**MAX_INTEGER_DIGITS  # copy_abs: abs() rounds to 28 digits


@settings(max_examples=30, deadline=None, phases=[Phase.explicit, Phase.reuse, Phase.generate])
@given(st.lists(CHUNK, min_size=1, max_size=8))
def test_any_typed_value_is_read_or_refused_quickly(chunks: list[tuple[str, int]]) -> None:
    text = long_text(chunks)
    with cpu_budget(2.0):
        try:
            value, _ = parse_quantity(text)
        except ValueError:
            return
    assert value.copy_abs() < 10**MAX_INTEGER_DIGITS  # copy_abs: abs() rounds to 28 digits
