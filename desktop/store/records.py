"""Plain records the review store hands out.

The store is the only code that touches SQLite; everything else (command
line, export, GUI) sees these frozen dataclasses.  Values are Decimals, times
are ISO-8601 strings in UTC.  The statuses and reject reasons, and the one
Chinese label of each, live here too.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from pathlib import Path
from typing import NamedTuple

from desktop.checks.model import Message

STATUSES = ("pending", "confirmed", "corrected", "rejected")
REJECT_REASONS = ("not-a-claim", "wrong-number")
# What counts as reviewed when a progress bar or a share is shown.
REVIEWED_STATUSES = ("confirmed", "corrected", "rejected")
# What makes a claim a verified figure (the memory of figures, 已核实过).
VERIFIED_STATUSES = ("confirmed", "corrected")
# What separates a claim's source tags in a workbook cell; a stored tag never contains one.
TAG_SEPARATORS = re.compile(r"[、,，;；\n]")
# The one Chinese name of each status and reject reason: the workbook writes
# them and reads them back, the command line and the window show them.
# Edited workbooks come back holding these very words, so changing one would
# refuse the workbooks already out there.
STATUS_LABELS_ZH = {"pending": "待核", "confirmed": "已确认", "corrected": "已更正", "rejected": "已驳回"}
REASON_LABELS_ZH = {"not-a-claim": "非数字声明", "wrong-number": "数字有误"}

# What an editor did about a check's finding (desktop.store.findings); "open" is none.
FINDING_STATUSES = ("open", "accepted", "dismissed")
FINDING_STATUS_LABELS_ZH = {"open": "未处理", "accepted": "已采纳", "dismissed": "已忽略"}

# How long work (import, re-detection) reports as it goes: (done, total, the name being worked on).
Progress = Callable[[int, int, str], None]


def status_of(label: str) -> str:
    """A status key from the key itself or its Chinese label; ValueError otherwise."""
    text = label.strip()
    if text in STATUSES:
        return text
    for key, zh in STATUS_LABELS_ZH.items():
        if text == zh:
            return key
    raise ValueError(f"unknown status {label!r} (use one of {', '.join(STATUS_LABELS_ZH.values())})")


def reason_of(label: str) -> str:
    """A reject reason key ("" for none) from the key itself or its Chinese label; ValueError otherwise."""
    text = label.strip()
    if text in REJECT_REASONS or text == "":
        return text
    for key, zh in REASON_LABELS_ZH.items():
        if text == zh:
            return key
    raise ValueError(f"unknown reason {label!r} (use one of {', '.join(REJECT_REASONS)})")


@dataclass(frozen=True)
class DocumentInfo:
    id: int
    file_name: str
    path: str
    content_hash: str
    encoding: str
    imported_at: str
    publication_date: str  # set by the user; "" when unknown
    version: int  # 1 for the first import of a file name, 2 for a changed file, ...


@dataclass(frozen=True)
class SourcePlace:
    """Where a claim stands in its file: the line and the raw text around it, as the file has it."""

    file_name: str
    path: str  # as recorded at import; the file may have moved since
    line: int  # 1-based: a line of a text file, a paragraph of a .docx
    column: int  # 1-based, in characters
    before: str  # the raw text before the claim on its line (at most `around` characters)
    text: str  # the claim as it stands in the file: a PDF line break inside it stays
    after: str
    by_paragraph: bool  # a .docx: `line` counts paragraphs


@dataclass(frozen=True)
class DocumentSource:
    """A document's decoded text as stored at import, to show a claim where it stands in the file.

    The store keeps the text, so this works when the file has moved or
    changed.  Claims index the file as it is (source_start, source_end:
    CRLF counted as two characters); `text` has every CRLF shortened to LF,
    at the positions in `dropped_cr`.
    """

    document_id: int
    file_name: str
    path: str
    encoding: str
    content_hash: str
    text: str
    dropped_cr: tuple[int, ...]

    @cached_property
    def _line_starts(self) -> list[int]:
        # Once per document, then a bisect per claim: a key press never scans the file.
        starts = [0]
        at = self.text.find("\n")
        while at >= 0:
            starts.append(at + 1)
            at = self.text.find("\n", at + 1)
        return starts

    @cached_property
    def _raw_crs(self) -> list[int]:
        # Where each dropped CR stood in the file: the i-th one, i characters further on.
        return [at + index for index, at in enumerate(self.dropped_cr)]

    def text_offset(self, raw: int) -> int:
        """The offset in `text` of offset `raw` in the file (the inverse of SourceText.raw_offset)."""
        return raw - bisect.bisect_left(self._raw_crs, raw) if self.dropped_cr else raw

    def place(self, source_start: int, source_end: int, around: int = 30) -> SourcePlace:
        """Where [source_start, source_end) of the file stands, with up to `around` characters each side."""
        start = max(0, min(self.text_offset(source_start), len(self.text)))
        end = max(start, min(self.text_offset(source_end), len(self.text)))
        line = bisect.bisect_right(self._line_starts, start)  # 1-based: line_starts[0] is 0
        line_start = self._line_starts[line - 1]
        line_end = self.text.find("\n", end)
        if line_end < 0:
            line_end = len(self.text)
        return SourcePlace(
            file_name=self.file_name,
            path=self.path,
            line=line,
            column=start - line_start + 1,
            before=self.text[max(line_start, start - around) : start],
            text=self.text[start:end],
            after=self.text[end : min(line_end, end + around)],
            by_paragraph=self.encoding == "docx",
        )


@dataclass(frozen=True)
class ArticleSummary:
    """One row of the article list."""

    id: int
    document_id: int
    file_name: str
    index: int  # position in its document
    headline: str
    byline: str
    date: str  # dateline date as written, else the document's publication date, else ""
    claims: int
    pending: int
    confirmed: int
    corrected: int
    rejected: int

    @property
    def reviewed(self) -> int:
        return self.confirmed + self.corrected + self.rejected

    @property
    def reviewed_share(self) -> float:
        return self.reviewed / self.claims if self.claims else 1.0


@dataclass(frozen=True)
class ArticlePart:
    role: str  # headline, deck, byline, subhead, body, furniture
    start: int
    end: int


@dataclass(frozen=True)
class ArticleDetail:
    summary: ArticleSummary
    deck: str
    text: str  # display text: the claims' start/end index it
    parts: tuple[ArticlePart, ...]


@dataclass(frozen=True)
class ClaimView:
    """A claim with its current decision: what the list, inspector and export show."""

    id: str
    article_id: int
    document_id: int
    start: int  # in the article's display text
    end: int
    source_start: int  # in the document's decoded text
    source_end: int
    text: str
    value: Decimal
    value_low: Decimal | None
    unit: str
    kind: str
    approx: str
    subject: str
    time: str
    place: str
    sentence: str
    detector_version: str
    orphaned: bool  # the detector no longer finds it; kept for its decision
    manual: bool  # added by an editor, not by the detector
    # the decision
    status: str  # one of STATUSES
    reason: str  # "" or one of REJECT_REASONS
    corrected_value: Decimal | None
    corrected_unit: str
    sources: tuple[str, ...]  # source tags
    note: str
    editor: str
    decided_at: str
    seconds_spent: float | None
    version: int  # bumped by every saved change; stale writes are refused
    # The corrected value as the editor typed it ("1.3万", "一百二十"), beside
    # corrected_value, the number it was read as: an editor checks the copy
    # against what they wrote, not against 13000.  "" when not corrected, and
    # for corrections saved before the store kept it.
    corrected_text: str = ""


@dataclass(frozen=True)
class DecisionChange:
    """What a saved decision changed; returned by the service, shown in the UI."""

    claim: ClaimView  # the claim after the change
    before: dict[str, object]
    after: dict[str, object]
    audit_id: int


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: str
    editor: str
    claim_id: str
    action: str  # "decide", "reattach", "orphan", "import", ...
    before: dict[str, object]
    after: dict[str, object]


@dataclass(frozen=True)
class SourceTag:
    tag: str
    url: str = ""
    description: str = ""
    uses: int = 0


class FileRefusal(NamedTuple):
    """A file an import left out: why, in English for the command line and the log, and as a code for the window."""

    path: Path
    reason: str
    kind: str  # a ReadError kind (desktop.ingest.reader.READ_ERROR_KINDS) or DETECTION_FAILED


# The kind of a file the reader accepted but the claim detector failed on (a bug, logged).
DETECTION_FAILED = "detection_failed"


@dataclass(frozen=True)
class ImportReport:
    documents_added: int = 0
    articles_added: int = 0
    claims_added: int = 0
    duplicates: tuple[Path, ...] = ()  # same content already in the database
    refused: tuple[FileRefusal, ...] = ()
    cancelled: bool = False  # stopped by should_cancel; the files before it are imported


@dataclass(frozen=True)
class RedetectReport:
    detector_version: str
    claims_added: int = 0
    decisions_kept: int = 0  # the claim was found again (same id)
    decisions_reattached: int = 0  # found again at a shifted span
    orphaned: int = 0


@dataclass(frozen=True)
class SearchHit:
    article_id: int
    claim_id: str  # "" when the article itself matched
    headline: str
    snippet: str


@dataclass(frozen=True)
class ExportRow:
    """One row of the 核查明细 sheet, flattened for the xlsx writer."""

    claim: ClaimView
    headline: str
    date: str
    file_name: str
    # The claim's open flags (failing relations, usage breaches), each worded
    # in Chinese: the 提示 column, one line each.
    flags: tuple[str, ...] = ()
    # The article's source release (its file name) and how the release states
    # this claim (一致, 约数, 不一致, 来源稿中没有): the 来源稿 and 比对 columns,
    # "" for an article with no release (desktop.store.releases).
    release_file: str = ""
    release_match: str = ""


@dataclass(frozen=True)
class FindingOperand:
    """One figure a stored relation uses (desktop.checks.model.Operand, with its place in the file)."""

    role: str  # part, total, from, to, rate, numerator, denominator
    text: str
    start: int  # in the article's display text
    end: int
    source_start: int  # in the decoded file; -1 for a figure the pipeline inserted
    source_end: int
    claim_id: str  # "" for a figure that is not a claim of its own
    value: str  # the value used in the arithmetic, as a plain decimal
    # The file of another article (a repeat across articles): then start/end
    # index that article's text and source_start/source_end are -1.
    document: str = ""


@dataclass(frozen=True)
class StoredFinding:
    """One finding of the checks on a stored article, with what editors did about it.

    `id` stays the same across re-runs that find the same thing at the same
    place; a finding that is gone is gone (UnknownFinding).  `claim_id` is
    the claim the finding is shown on and acted on: a relation's stated
    figure, the first claim a usage flag touches; "" when it touches none.
    `status` is "open", "accepted" (the claim was rejected or corrected
    through accept_finding and still is) or "dismissed"; `acted_by`,
    `acted_at` and `note` say who did it, when and why.
    """

    id: int
    article_id: int
    check: str  # sum, change, share, average, usage
    holds: bool | None  # None: a figure is never given; a usage flag is always False
    start: int  # the span to highlight, in the article's display text
    end: int
    source_start: int  # the same span in the decoded file (-1 when nowhere)
    source_end: int
    text: str  # the span as written
    message: Message  # worded by desktop.checks.messages.render(message, language)
    operands: tuple[FindingOperand, ...]
    computed: str
    reading: str
    rule: int  # usage rule 1-13; 0 for relations
    fix: str  # suggested replacement for the span (usage)
    claim_ids: tuple[str, ...]  # every claim involved
    claim_id: str
    key: str  # desktop.checks.model.Finding.key
    checker_version: str
    detector_version: str
    status: str = "open"  # one of FINDING_STATUSES
    acted_by: str = ""
    acted_at: str = ""
    note: str = ""

    @property
    def is_flag(self) -> bool:
        """Whether the editor should look at it: a failing relation or a usage breach."""
        return self.holds is False

    @property
    def is_open_flag(self) -> bool:
        """A flag nobody has acted on yet: what the window marks and F jumps to."""
        return self.holds is False and self.status == "open"


@dataclass(frozen=True)
class FindingChange:
    """What acting on a finding changed: the finding after, its audit entry, and any decision.

    `decision` (accept only) is the claim's saved decision; `claim_before` is
    the claim as it was, so the window can push the usual undo command for
    that decision (undoing it makes the finding open again).
    """

    finding: StoredFinding
    audit_id: int
    decision: DecisionChange | None = None
    claim_before: ClaimView | None = None


@dataclass(frozen=True)
class FindingExportRow:
    """One row of the workbook's 核查提示 sheet.

    `verified`: for a repeat, the other statements of the figure that an
    editor confirmed or corrected (the memory of verified figures), with
    their source tags, editor and date.
    """

    finding: StoredFinding
    headline: str
    file_name: str
    verified: tuple[ClaimView, ...] = ()


class Refusal(str):
    """Why a workbook row was not applied: the English sentence, with a stable code and details.

    A str, so the command line prints it as it always has, and a `code` (one
    of desktop.store.decisions.REFUSAL_CODES, or "unknown-claim", "stale")
    with the `details` a window needs to say it in its editor's language.
    """

    code: str
    details: dict[str, str]

    def __new__(cls, text: str, code: str, /, **details: str) -> Refusal:
        made = super().__new__(cls, text)
        made.code = code
        made.details = details
        return made


@dataclass(frozen=True)
class DecisionEdit:
    """A decision read back from an edited workbook, before it is applied."""

    row: int  # the worksheet row, for messages
    claim_id: str
    status: str
    corrected_value: str  # as typed; parsed by the service with the core parser
    corrected_unit: str
    sources: tuple[str, ...] = field(default=())
    note: str = ""
    # "" keeps the claim's current reason; a REJECT_REASONS key or its REASON_LABELS_ZH label.
    reason: str = ""
    # The decision's version when the workbook was exported; None (an older
    # workbook without the 版本 column) applies the edit without that check.
    version: int | None = None
    # The 更正写法 column: the correction as typed when it was exported ("1.3万").
    # Kept when it still reads as the corrected value; "" in an older workbook.
    corrected_text: str = ""


# -- source releases (desktop.store.releases) --------------------------------


@dataclass(frozen=True)
class SourceAttachment:
    """The release an article was written from, attached by an editor."""

    article_id: int
    document_id: int  # the release: a document imported like any other
    file_name: str
    path: str
    headline: str  # the release's first headline ("" when it has none)
    attached_by: str
    attached_at: str

    @property
    def tag(self) -> str:
        """The source tag "确认所有一致的数字" gives the claims it confirms: the release's file name.

        The file name, not the headline: it is what the 来源稿 column shows,
        names one file an editor can open, and is never empty.  Tag separators
        (、,;) in it become spaces, since a tag cannot hold them.
        """
        return " ".join(TAG_SEPARATORS.sub(" ", self.file_name).split()) or f"document {self.document_id}"


@dataclass(frozen=True)
class ReleaseFigure:
    """The release figure an article figure was matched to."""

    text: str
    value: str  # plain decimal, magnitude applied
    unit: str
    source_start: int  # in the release's decoded file (CRs of CRLF counted)
    source_end: int
    article_id: int | None  # the release article whose display text holds it (None: none does)
    start: int  # in that article's display text; -1 when in none
    end: int
    claim_id: str  # "" for a figure the detector does not count (a table cell, a bare index level)


@dataclass(frozen=True)
class StoredReleaseMatch:
    """One figure of a stored article against its attached release (desktop.checks.release.ReleaseMatch).

    Every figure of the article is here, claims and the bare figures the
    checks also read (`claim_id` ""), in reading order.
    """

    article_id: int
    position: int  # reading order within the article
    release_document_id: int
    claim_id: str  # "" for a figure that is not a claim of its own
    text: str
    value: str
    unit: str
    start: int  # in the article's display text; -1 when the figure is in none of it
    end: int
    source_start: int  # in the article's decoded file
    source_end: int
    match: str  # same, rounded, different or absent (desktop.checks.release.LABELS)
    source: ReleaseFigure | None  # None when absent
    message: Message  # worded by desktop.checks.release.messages.render(message, language)

    @property
    def confirms(self) -> bool:
        """The release backs the figure (same or rounded)."""
        return self.match in ("same", "rounded")


@dataclass(frozen=True)
class SourceCandidate:
    """An imported document an article may have been written from (desktop.checks.release.propose)."""

    document_id: int
    file_name: str
    headline: str
    figures: float  # article figures it states, weighted by how specific they are
    words: float  # share of the article's character pairs it holds, 0..1

    @property
    def score(self) -> float:
        return self.figures + self.words


@dataclass(frozen=True)
class BatchChange:
    """Several decisions saved in one transaction ("确认所有一致的数字"), undone as one step.

    `before[i]` is the claim as it was and `changes[i]` what was saved for
    it; undo restores each `before[i]` expecting version
    `changes[i].claim.version` (ReviewStore.revert_batch does that in one
    transaction).  `audit_id` is the batch's own audit entry (0 when nothing
    changed); every decision has its own entry too.
    """

    article_id: int
    action: str  # "confirm-matching", or "revert-batch" for an undo
    release: SourceAttachment | None
    before: tuple[ClaimView, ...]
    changes: tuple[DecisionChange, ...]
    audit_id: int

    @property
    def claims_after(self) -> tuple[ClaimView, ...]:
        return tuple(change.claim for change in self.changes)


@dataclass(frozen=True)
class MemoryHit:
    """Another article's statement of the same metric as a claim (desktop.store.memory).

    `relation` is "equal" (the same value as written), "rounded" (one a
    rounding or a bound of the other) or "conflict"; against a corrected
    figure it is judged with the corrected value.  `verified` when the other
    claim is confirmed or corrected ("已核实过"); then `other_value` is the
    value it was verified with, `sources`, `editor` and `decided_at` say
    how, by whom and when.  `message` words the repeat as the check does.
    """

    claim_id: str
    claim_text: str
    value: str
    unit: str
    other_claim_id: str
    other_article_id: int
    other_headline: str
    other_date: str  # its file's publication date, else the date the article states; "" when unknown
    other_file: str
    other_text: str
    other_value: str
    other_unit: str
    other_status: str
    verified: bool
    relation: str  # equal, rounded, conflict
    sources: tuple[str, ...]
    editor: str
    decided_at: str
    period: str  # the metric's period and place as the key reads them ("" when unstated)
    place: str
    message: Message
