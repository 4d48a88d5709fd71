"""Files in, articles and numeric claims out: the headless half of FactDesk.

    read (ingest.reader) -> reflow + segment (ingest.segment)
        -> detect (claims.detector) -> context (claims.context)

Nothing here imports Qt; the command line, the store and the GUI all call
these functions.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from desktop.claims.context import contexts
from desktop.claims.detector import DETECTOR_VERSION, detect
from desktop.claims.model import Claim
from desktop.ingest.model import Article, Page, SourceText
from desktop.ingest.reader import ReadError, read_file
from desktop.ingest.segment import segment


@dataclass(frozen=True)
class ArticleResult:
    article: Article
    claims: tuple[Claim, ...]


@dataclass(frozen=True)
class DocumentResult:
    """One file, split into articles, each with its claims."""

    page: Page
    content_hash: str  # sha256 of the decoded text: the same content, the same hash
    # Claim offsets (source_start/source_end) index the decoded file as it is,
    # CRLF line endings included; Article offsets index the normalised text.
    articles: tuple[ArticleResult, ...]
    detector_version: str = DETECTOR_VERSION

    @property
    def source(self) -> SourceText:
        return self.page.source

    def claims(self) -> Iterator[tuple[ArticleResult, Claim]]:
        for result in self.articles:
            for claim in result.claims:
                yield result, claim


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def claim_id(document_hash: str, source_start: int, source_end: int, text: str) -> str:
    """A claim's id: the same file content always gives the same ids.

    It hangs on the content and the span, not on the file name or on the
    order of detection, so re-importing or re-detecting a file keeps ids.
    """
    key = f"{document_hash}:{source_start}:{source_end}:{text}".encode()
    return hashlib.blake2b(key, digest_size=8).hexdigest()


def claims_of_article(article: Article, source: SourceText, document_hash: str) -> tuple[Claim, ...]:
    found = detect(article.text)
    placed = []
    for claim, context in zip(found, contexts(article.text, found, default_time=article.date), strict=True):
        start, end = article.source_span(claim.start, claim.end)
        source_start, source_end = source.raw_offset(start), source.raw_offset(end)
        # Built whole rather than with dataclasses.replace, which costs several
        # times more and is paid for every claim of every page.
        placed.append(
            Claim(
                start=claim.start,
                end=claim.end,
                text=claim.text,
                value=claim.value,
                unit=claim.unit,
                kind=claim.kind,
                approx=claim.approx,
                value_low=claim.value_low,
                subject=context.subject,
                time=context.time,
                place=context.place,
                sentence=context.sentence,
                source_start=source_start,
                source_end=source_end,
                id=claim_id(document_hash, source_start, source_end, claim.text),
            )
        )
    return tuple(placed)


def process_source(source: SourceText) -> DocumentResult:
    page = segment(source)
    digest = content_hash(source.text)
    articles = tuple(ArticleResult(a, claims_of_article(a, source, digest)) for a in page.articles)
    return DocumentResult(page=page, content_hash=digest, articles=articles)


def process_file(path: Path) -> DocumentResult:
    """Read, split and detect one file; raises ReadError for a bad file."""
    return process_source(read_file(path))


def iter_process_files(paths: Iterable[Path]) -> Iterator[DocumentResult | ReadError]:
    """Each file's result or refusal, in order, as soon as it is known.

    A caller can report a refusal while later files are still being read, so
    a batch that meets a bad file early says so at once.
    """
    for path in paths:
        try:
            yield process_file(Path(path))
        except ReadError as error:
            yield error


def process_files(paths: Iterable[Path]) -> tuple[list[DocumentResult], list[ReadError]]:
    """Process every readable file; a bad file is reported, never fatal."""
    results: list[DocumentResult] = []
    errors: list[ReadError] = []
    for outcome in iter_process_files(paths):
        if isinstance(outcome, ReadError):
            errors.append(outcome)
        else:
            results.append(outcome)
    return results, errors


def fingerprint(paths: Iterable[Path]) -> str:
    """A digest of every claim the pipeline finds in `paths`, context included.

    What DETECTOR_VERSION stands for (see desktop/claims/detector.py): the
    same rules give the same digest on the same files, any change to what a
    stored document would hold (span, value, unit, kind, approximation,
    range, subject, time, place, sentence) gives another.  Files are taken by
    name, in name order, so the digest does not depend on where they lie.
    """
    digest = hashlib.sha256()
    for path in sorted(paths, key=lambda p: Path(p).name):
        result = process_file(Path(path))
        for _, claim in result.claims():
            record = [
                Path(path).name,
                claim.source_start,
                claim.source_end,
                claim.text,
                str(claim.value),
                None if claim.value_low is None else str(claim.value_low),
                claim.unit,
                claim.kind,
                claim.approx,
                claim.subject,
                claim.time,
                claim.place,
                claim.sentence,
            ]
            digest.update(json.dumps(record, ensure_ascii=False).encode("utf-8") + b"\n")
    return digest.hexdigest()
