"""What a claim is about: its subject, time, place and sentence.

An editor checking 61.25% needs to see at once that it is 全人群签约覆盖率,
as of 截至6月底, for 全市.  These are read from the words around the span:
the sentence gives time and place, the clause gives the subject.  Word
boundaries come from jieba (with our domain dictionary), loaded on first
use only so that starting the app or listing articles never pays for it.
"""

from __future__ import annotations

import bisect
import hashlib
import io
import logging
import os
import re
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from desktop.claims import lexicon as lx
from desktop.claims.model import Claim
from desktop.paths import resource_path

# Between the two ends of a change in one clause: 由1500元提高到3000元, 由2017年的30.62%降至2021年的25.86%.
_FROM_TO = re.compile(r"(?:提高|提升|增长|增加|上升|下降|降低|减少|扩大|缩小|升|降)?(?:到|至)")
_SENTENCE_END = re.compile(r"[。！？!?；;\n]")
_CLAUSE_END = re.compile(r"[，,、：:。！？!?；;\n（）()“”]")

_TIME = re.compile(
    r"(?:截至|截止|截止到|到|至|自|从|從)?"
    r"(?:"
    r"(?:[0-9]{4}|今|去|明|前)年(?:[0-9]{1,2}(?:—|-|－|~|至)){0,12}(?:[0-9]{1,2}月)?(?:底|末|初|份|以来|以來|上半年|下半年|前三季度|第[一二三四]季度|[一二三四]季度)?"
    r"|[0-9]{1,2}(?:[—\-－~至、][0-9]{1,2})?月(?:底|末|初|份)?"
    r"|[0-9]{4}[—\-－~至][0-9]{4}年"
    r"|上半年|下半年|前三季度|[一二三四]季度|年内|年內|目前|近年来|近年來|近[一二三四五六七八九十0-9]+年"
    r"|[0-9]{4}年度"
    r")"
    r"(?:以来|以來|底|末)?"
)
_PLACE = re.compile("|".join(re.escape(w) for w in sorted(lx.PLACE_WORDS, key=len, reverse=True)))
_PLACE_SUFFIXES = ("市", "省", "县", "縣", "区", "區", "州", "镇", "鎮", "乡", "鄉", "港")

# Words that are not part of a subject: verbs of change and reporting,
# adverbs, particles, approximation words.  Trimmed from the ends of the
# words around a number.
_NOT_SUBJECT = frozenset(
    [
        "的",
        "了",
        "是",
        "为",
        "為",
        "有",
        "达",
        "達",
        "达到",
        "達到",
        "到",
        "至",
        "由",
        "从",
        "從",
        "在",
        "将",
        "將",
        "已",
        "已有",
        "已经",
        "已經",
        "共",
        "共有",
        "共计",
        "共計",
        "总计",
        "總計",
        "累计",
        "累計",
        "新增",
        "增加",
        "减少",
        "減少",
        "增长",
        "增長",
        "增长至",
        "增长到",
        "提高",
        "提高到",
        "提升",
        "提升至",
        "提升到",
        "下降",
        "下降到",
        "降至",
        "降低",
        "降幅",
        "上升",
        "超过",
        "超過",
        "突破",
        "实现",
        "實現",
        "完成",
        "全部",
        "均",
        "都",
        "也",
        "还",
        "還",
        "并",
        "並",
        "和",
        "及",
        "与",
        "與",
        "或",
        "等",
        "其中",
        "分别",
        "分別",
        "约",
        "約",
        "近",
        "超",
        "逾",
        "余",
        "多",
        "左右",
        "以上",
        "以下",
        "高于",
        "高於",
        "低于",
        "低於",
        "较",
        "較",
        "比",
        "同比",
        "环比",
        "環比",
        "比上年",
        "比去年",
        "对",
        "對",
        "向",
        "给",
        "給",
        "让",
        "讓",
        "使",
        "把",
        "被",
        "位居",
        "居",
        "列",
        "位列",
        "排名",
        "排",
        "名列",
        "获",
        "獲",
        "获得",
        "獲得",
        "发放",
        "發放",
        "开展",
        "開展",
        "建成",
        "建立",
        "设立",
        "設立",
        "组建",
        "組建",
        "成立",
        "覆盖",
        "覆蓋",
        "惠及",
        "受益",
        "服务",
        "服務",
        "投入",
        "投资",
        "投資",
        "收入",
        "元",
        "个",
        "個",
        "今年",
        "去年",
        "目前",
        "截至",
        "截止",
        "全市",
        "全省",
        "全国",
        "全國",
        "我市",
        "本市",
        "每",
        "一",
        "这",
        "這",
        "该",
        "該",
        "此",
        "其",
        "相关",
        "相關",
        "以",
        "于",
        "於",
        "中",
        "后",
        "後",
        "前",
        "内",
        "內",
        "上",
        "下",
        "年",
        "月",
        "日",
        "更",
        "最",
        "仅",
        "僅",
        "就",
        "又",
        "再",
        "还有",
        "才",
    ]
)

_log = logging.getLogger(__name__)
_jieba_lock = threading.Lock()
_tagger: Any = None

# jieba's full dictionary takes about a second to load; the words that occur
# at least this often in its corpus take a third of that and segment news
# copy the same way in practice.  Single characters are always kept.
_MIN_WORD_FREQUENCY = 5


def _trimmed_dictionary() -> bytes:
    import jieba

    kept: list[bytes] = []
    with Path(jieba.__file__).with_name("dict.txt").open("rb") as full:
        for line in full:
            word, frequency, *_ = line.split()
            if len(word.decode("utf-8")) == 1 or int(frequency) >= _MIN_WORD_FREQUENCY:
                kept.append(line)
    return b"".join(kept)


def _digest(words: bytes) -> str:
    return hashlib.sha256(words).hexdigest()[:16]


def _news_dictionary() -> Path | bytes:
    """The trimmed dictionary: a file written once per user, or the words themselves.

    The file's name carries a digest of its contents and is used only when
    they match: a file left empty or cut short (a full disk, a crash before
    the data reached the disk) would otherwise be loaded as it is and
    silently change every subject.  When no file can be written (a read-only
    or missing cache folder), the same words are made in memory each start:
    slower, but the subjects are exactly the same and no file is refused.
    """
    import jieba
    import platformdirs

    folder = Path(platformdirs.user_cache_dir("factdesk"))
    prefix = f"jieba-{jieba.__version__}-min{_MIN_WORD_FREQUENCY}-"
    try:
        for cached in sorted(folder.glob(f"{prefix}*.txt")):
            if _digest(cached.read_bytes()) == cached.stem.removeprefix(prefix):
                return cached
            _log.warning("ignoring damaged dictionary cache %s", cached)
            with suppress(OSError):
                cached.unlink()
    except OSError as error:
        _log.warning("cannot read the dictionary cache in %s: %s", folder, error)
    words = _trimmed_dictionary()
    cache = folder / f"{prefix}{_digest(words)}.txt"
    partial = cache.with_suffix(f".{os.getpid()}.tmp")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with partial.open("wb") as target:
            target.write(words)
            target.flush()
            os.fsync(target.fileno())
        os.replace(partial, cache)  # atomic: a second process never reads half a file
    except OSError as error:
        _log.warning("cannot write the dictionary cache %s (%s); using it from memory", cache, error)
        with suppress(OSError):
            partial.unlink()
        return words
    return cache


def _tokenizer(dictionary: Path | bytes) -> Any:
    import jieba

    if isinstance(dictionary, Path):
        tokenizer = jieba.Tokenizer(str(dictionary))
        tokenizer.initialize()
        return tokenizer
    # jieba reads a dictionary only from a file (for the words, and again in
    # POSTokenizer for their tags), so hand it the bytes as one.  Not through
    # initialize(): that would reuse jieba's own cache of its full dictionary.
    tokenizer = jieba.Tokenizer()
    tokenizer.get_dict_file = lambda: io.BytesIO(dictionary)
    tokenizer.FREQ, tokenizer.total = tokenizer.gen_pfdict(tokenizer.get_dict_file())
    tokenizer.initialized = True
    return tokenizer


def _import_posseg_without_its_default_tagger() -> None:
    """Import jieba.posseg without the tagger it makes of jieba's full dictionary.

    On import, jieba.posseg tags jieba's own dictionary for its module-level
    tagger (`jieba.posseg.dt`): half a second of every process's first
    detection, and of every import worker's start, for a tagger FactDesk
    never uses (it tags with its own, made of the news dictionary).  That
    one import reads an empty dictionary instead; the module's shortcuts
    (jieba.posseg.cut, lcut), unused here, would tag every word x.
    """
    import sys

    import jieba

    if "jieba.posseg" in sys.modules:
        return
    jieba.dt.get_dict_file = lambda: io.BytesIO(b"")
    try:
        import jieba.posseg  # noqa: F401
    finally:
        del jieba.dt.get_dict_file


def _pos_tagger() -> Any:
    """jieba's part-of-speech tagger with our domain words, made on first use."""
    global _tagger
    with _jieba_lock:
        if _tagger is None:
            import jieba

            _import_posseg_without_its_default_tagger()
            import jieba.posseg

            jieba.setLogLevel(logging.WARNING)
            tagger = jieba.posseg.POSTokenizer(_tokenizer(_news_dictionary()))
            domain = resource_path("jieba", "domain_dict.txt")
            if domain.exists():
                with domain.open("rb") as words:  # jieba leaves a path it opens unclosed
                    tagger.load_userdict(words)
            _tagger = tagger
        return _tagger


def load_tagger() -> None:
    """Make the tagger now rather than on the first claim (a worker process of a bulk import, before its first page)."""
    _pos_tagger()


def _tag(phrase: str) -> tuple[tuple[str, str], ...]:
    return tuple((pair.word, pair.flag) for pair in _pos_tagger().lcut(phrase, HMM=False))


# News copy repeats its phrases (每千人口托位数 in every paragraph of a health
# page), so tagging results are worth keeping.
_tagged = lru_cache(maxsize=8192)(_tag)


def clear_caches() -> None:
    _tagged.cache_clear()


@contextmanager
def tagging_cache_disabled() -> Iterator[None]:
    """For benchmarks: measure what tagging costs on text never seen before."""
    global _tagged
    cached = _tagged
    _tagged = _tag  # type: ignore[assignment]
    try:
        yield
    finally:
        _tagged = cached


# Part-of-speech tags (jieba's ICTCLAS set) that can belong to a subject:
# nouns of all sorts, verbal nouns (管理), distinguishing words (基层) and
# abbreviations; everything else (verbs, adverbs, particles) ends it.
def _nouny(word: str, flag: str) -> bool:
    if word in _NOT_SUBJECT or not word.strip() or any(ch.isdigit() for ch in word):
        return False
    return flag[:1] in ("n", "b", "j", "l", "g") or flag in ("vn", "an", "nz", "eng", "x") and word.isalnum()


# How far around a claim the subject is looked for: a noun phrase of up to
# three words.  Wider windows cost tagging time on every claim.
_AFTER_WINDOW = 10
_BEFORE_WINDOW = 16

# Tags that always end a subject: adverbs, prepositions, conjunctions,
# particles, numerals, measure words, pronouns, time and place-of-action words.
_ENDS_SUBJECT = frozenset(["d", "p", "c", "u", "m", "q", "r", "w", "t", "f", "y", "e", "o"])


def _subject_after(phrase: str) -> str:
    """The thing counted: the noun phrase right after 90家 (基层医疗机构)."""
    taken: list[tuple[str, str]] = []
    for word, flag in _tagged(phrase[:_AFTER_WINDOW]):
        if (
            word in _NOT_SUBJECT
            or not word.strip()
            or flag[:1] in _ENDS_SUBJECT
            or flag == "x"
            and not word.isalnum()
        ):
            break
        if flag[:1] == "v" and flag != "vn" and any(f[:1] == "n" for _, f in taken):
            break  # 医疗机构 | 全部建立: the verb after the noun phrase
        taken.append((word, flag))
        if len(taken) == 3:
            break
    while taken and not _nouny(*taken[-1]):
        taken.pop()
    return "".join(word for word, _ in taken)


def _subject_before(words: list[tuple[str, str]]) -> str:
    while words and not _nouny(*words[-1]):
        words.pop()
    taken: list[str] = []
    while words and _nouny(*words[-1]) and len(taken) < 3:
        taken.insert(0, words.pop()[0])
    # 每千人口托位数: a per-head rate keeps its 每 in the subject
    if taken and words and words[-1][0] == "每":
        taken.insert(0, "每")
    return "".join(taken)


def _subject(
    text: str, claim: Claim, clause_start: int, clause_end: int
) -> tuple[str, list[tuple[str, str]]]:
    """The subject, and the tagged words before the claim when they were read."""
    after = text[claim.end : clause_end]
    if after.startswith("的"):
        after = after[1:]
    if claim.kind in ("count", "measure") and after:
        subject = _subject_after(after)
        if subject:
            return subject, []
    window_start = claim.start - _BEFORE_WINDOW
    before = text[max(clause_start, window_start) : claim.start]
    if not before:
        return "", []
    words = list(_tagged(before))
    if window_start > clause_start and len(words) > 1:
        words = words[1:]  # the window may have cut its first word in half (糖尿|病患者)
    return _subject_before(list(words)), words


def _time_phrases(text: str, start: int, end: int) -> list[tuple[int, str]]:
    """The time phrases of text[start:end], with their offsets in `text`."""
    return [(start + m.start(), m.group()) for m in _TIME.finditer(text[start:end]) if m.group()]


def _phrase_start(phrase: tuple[int, str]) -> int:
    return phrase[0]


def _time(phrases: list[tuple[int, str]], shown: tuple[int, int], at: int, default: str) -> str:
    """The last time phrase of the shown sentence before `at`, else its first, else `default`."""
    # Bisected: one long sentence with thousands of claims has thousands of phrases.
    first = bisect.bisect_left(phrases, shown[0], key=_phrase_start)
    before = bisect.bisect_right(phrases, at, key=_phrase_start)
    if before > first:
        return phrases[before - 1][1]
    if first < len(phrases) and phrases[first][0] < shown[1]:
        return phrases[first][1]
    return default


def _place(sentence: str, offset: int, words_before: list[tuple[str, str]]) -> str:
    """The nearest 全市/全省-type word before the claim, else a place name.

    Place names are looked for only among words already tagged for the
    subject: tagging more text for every claim would halve detection speed.
    """
    best = ""
    for m in _PLACE.finditer(sentence, 0, offset):
        best = m.group()
    if best:
        return best
    for word, flag in reversed(words_before):
        if flag == "ns" and len(word) >= 2 and word.endswith(_PLACE_SUFFIXES):
            return word
    return ""


@dataclass(frozen=True)
class ClaimContext:
    subject: str
    time: str
    place: str
    sentence: str
    # Where `sentence` lies in the text: sentence == text[sentence_start:sentence_end].
    sentence_start: int = 0
    sentence_end: int = 0


# The longest stretch kept as a claim's sentence.  In the 27 pages measured
# (the demo seeds and the held-out pages: 2,071 claims) the longest sentence
# is 188 characters and the median 47, and news style keeps sentences well
# under that.  A "sentence" past 400 characters is not prose but a list or a
# table run together, or text that lost its full stops; all of it helps no
# editor, and read in full for each of its claims it made the work grow with
# claims x length (10,000 claims on one 110,000-character line: 1.1 GB
# stored).  Such a sentence is cut to the whole clauses around the claim that
# fit in the bound; a single clause longer than that, to the bound centred on
# the claim.  Time and place are then read within what is shown.
LONGEST_SENTENCE = 400


def _enclosing(boundaries: list[int], start: int, end: int, length: int) -> tuple[int, int]:
    """The stretch between the boundary characters around [start, end)."""
    before = bisect.bisect_left(boundaries, start)
    after = bisect.bisect_left(boundaries, end)
    left = boundaries[before - 1] + 1 if before else 0
    right = boundaries[after] if after < len(boundaries) else length
    return left, right


class _Sentences:
    """Finds the sentence (or, in an overlong one, the window) around a span of one text."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.sentence_marks = [m.start() for m in _SENTENCE_END.finditer(text)]
        self.clause_marks = [m.start() for m in _CLAUSE_END.finditer(text)]

    def clause(self, start: int, end: int) -> tuple[int, int]:
        return _enclosing(self.clause_marks, start, end, len(self.text))

    def whole(self, start: int, end: int) -> tuple[int, int]:
        """[from, to) of the sentence around [start, end), whitespace trimmed."""
        left, right = _enclosing(self.sentence_marks, start, end, len(self.text))
        while left < right and self.text[left].isspace():
            left += 1
        while right > left and self.text[right - 1].isspace():
            right -= 1
        return left, right

    def shown(self, whole: tuple[int, int], start: int, end: int) -> tuple[int, int]:
        """The sentence `whole` if it is at most LONGEST_SENTENCE long, else a window of it around the claim."""
        first, last = whole
        if last - first <= LONGEST_SENTENCE:
            return whole
        left, right = self.clause(start, end)
        left, right = max(left, first), min(right, last)
        if right - left > LONGEST_SENTENCE:
            # One clause longer than the bound: the bound, centred on the claim.
            spare = max(0, LONGEST_SENTENCE - (end - start))
            left = max(first, start - spare // 2)
            right = min(last, max(end, left + LONGEST_SENTENCE))
            return max(first, min(left, right - LONGEST_SENTENCE, start)), right
        # Half the room before the claim's clause (less when the sentence
        # ends soon after it), moved on to where a clause starts; the rest of
        # the room after it, back to where a clause ends.
        room = LONGEST_SENTENCE - (right - left)
        low = max(first, min(left - room // 2, last - LONGEST_SENTENCE))
        marks = self.clause_marks
        if low > first:  # the first clause starting at or after `low` (one does: the claim's)
            low = marks[bisect.bisect_left(marks, low - 1)] + 1
        high = min(last, low + LONGEST_SENTENCE)
        if high < last:  # the last clause ending at or before `high` (one does: the claim's)
            high = marks[bisect.bisect_right(marks, high) - 1]
        return low, high


def sentence_spans(text: str, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Where the sentence of each (start, end) span lies in `text`: what contexts() gives as `sentence`.

    The store keeps these offsets instead of a copy of each sentence.
    """
    sentences = _Sentences(text)
    return [sentences.shown(sentences.whole(start, end), start, end) for start, end in spans]


def contexts(text: str, claims: Sequence[Claim], *, default_time: str = "") -> list[ClaimContext]:
    """Subject, time, place and sentence of each claim, in the same order."""
    sentences = _Sentences(text)
    out: list[ClaimContext] = []
    previous: Claim | None = None
    # Claims cluster in sentences (6.74张、3.04人、3.93人): read each sentence's time phrases once.
    phrases_by_sentence: dict[tuple[int, int], list[tuple[int, str]]] = {}
    for claim in claims:
        whole = sentences.whole(claim.start, claim.end)
        s_start, s_end = sentences.shown(whole, claim.start, claim.end)
        c_start, c_end = sentences.clause(claim.start, claim.end)
        sentence = text[s_start:s_end]
        offset = claim.start - s_start
        phrases = phrases_by_sentence.get(whole)
        if phrases is None:
            phrases = phrases_by_sentence[whole] = _time_phrases(text, *whole)
        subject, words_before = _subject(text, claim, c_start, c_end)
        if previous is not None and out[-1].subject and previous.start >= s_start:
            between = text[previous.end : claim.start]
            if _FROM_TO.search(between) and previous.start >= c_start:
                # 比例由50%提高到65%: both ends of a change measure the same thing
                subject = out[-1].subject
            elif not subject:
                # 第1、第2和第4位, 达到62.03亿元，同比增长10.4%: the sentence's subject carries on
                subject = out[-1].subject
        out.append(
            ClaimContext(
                subject=subject,
                time=_time(phrases, (s_start, s_end), claim.start, default_time),
                place=_place(sentence, offset, words_before),
                sentence=sentence,
                sentence_start=s_start,
                sentence_end=s_end,
            )
        )
        previous = claim
    return out


def annotate(text: str, claims: Sequence[Claim], *, default_time: str = "") -> list[Claim]:
    """Return the claims with subject, time, place and sentence filled in."""
    return [
        replace(claim, subject=c.subject, time=c.time, place=c.place, sentence=c.sentence)
        for claim, c in zip(claims, contexts(text, claims, default_time=default_time), strict=True)
    ]
