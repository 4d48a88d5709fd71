"""Commands that work on files directly, with no database: detect, articles FILE..."""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from desktop import __version__
from desktop.claims.model import Claim
from desktop.cli.table import write_table
from desktop.ingest.reader import ReadError, display_path
from desktop.pipeline import DocumentResult, iter_process_files

EXIT_OK = 0
EXIT_REFUSED = 1
EXIT_USAGE = 2

# A file name that is not valid UTF-8 reaches Python with lone surrogates
# (surrogateescape); see _json_line.
_LONE_SURROGATE = re.compile("[\udc80-\udcff]")


def readable_files(files: Sequence[str]) -> Iterator[tuple[str, DocumentResult]]:
    """(the name as given, its result) for every file that can be read.

    A refused file gets its line on stderr the moment it is refused, not
    after the whole batch: the editor sees at once which file is the problem.
    """
    for given, outcome in zip(files, iter_process_files(Path(f) for f in files), strict=True):
        if isinstance(outcome, ReadError):
            print(f"factdesk: {outcome}", file=sys.stderr, flush=True)
        else:
            yield given, outcome


def _json_line(record: dict[str, object]) -> str:
    """One JSON object; a non-UTF-8 file name is kept exactly, as JSON escapes.

    Written raw, its surrogates cannot be encoded for stdout; as ``\\udcd6``
    escapes the line is plain UTF-8 and json.loads gives back the name that
    os.fsencode turns into the file's real bytes.
    """
    line = json.dumps(record, ensure_ascii=False)
    return _LONE_SURROGATE.sub(lambda found: f"\\u{ord(found.group()):04x}", line)


def claim_record(file: str, article_index: int, headline: str, claim: Claim) -> dict[str, object]:
    return {
        "file": file,
        "article": article_index,
        "headline": headline,
        "text": claim.text,
        "source_start": claim.source_start,
        "source_end": claim.source_end,
        "value": str(claim.value),
        "value_low": None if claim.value_low is None else str(claim.value_low),
        "unit": claim.unit,
        "kind": claim.kind,
        "approx": claim.approx_meaning,
        "approx_word": claim.approx,
        "subject": claim.subject,
        "time": claim.time,
        "place": claim.place,
        "sentence": claim.sentence,
        "id": claim.id,
    }


def cmd_detect(args: argparse.Namespace) -> int:
    out = sys.stdout
    read = claims = 0
    # Printed file by file, so a long batch shows its output as it goes.
    for file, result in readable_files(args.files):
        read += 1
        if read == 1 and args.format == "table":
            write_table([_TABLE_HEADER], _TABLE_WIDTHS, out)
        for article_result, claim in result.claims():
            article = article_result.article
            claims += 1
            if args.format == "jsonl":
                out.write(_json_line(claim_record(file, article.index, article.headline, claim)) + "\n")
            else:
                write_table([_table_row(article.index, claim)], _TABLE_WIDTHS, out)
        out.flush()
    refused = len(args.files) - read
    if args.format == "table":
        print(
            f"{claims} claims in {read} file(s)" + (f", {refused} refused" if refused else ""),
            file=sys.stderr,
        )
    return EXIT_OK if read else EXIT_REFUSED


_TABLE_HEADER = ["文章", "原文", "数值", "单位", "类型", "主体", "时间", "地点"]
_TABLE_WIDTHS = (4, 16, 14, 10, 8, 20, 12, 8)


def _table_row(article_index: int, claim: Claim) -> list[str]:
    return [
        str(article_index),
        claim.text,
        str(claim.value),
        claim.unit,
        claim.kind,
        claim.subject,
        claim.time,
        claim.place,
    ]


def cmd_articles_in_files(args: argparse.Namespace) -> int:
    read = 0
    for file, result in readable_files(args.files):
        read += 1
        rows: list[list[str]] = [["#", "标题", "署名", "日期", "数字"]] if read == 1 else []
        if len(args.files) > 1:
            rows.append(["", f"— {display_path(file)} —", "", "", ""])
        for article_result in result.articles:
            article = article_result.article
            rows.append(
                [
                    str(article.index),
                    article.headline,
                    article.byline,
                    article.date,
                    str(len(article_result.claims)),
                ]
            )
        write_table(rows, _ARTICLE_WIDTHS, sys.stdout)
        sys.stdout.flush()
    return EXIT_OK if read else EXIT_REFUSED


_ARTICLE_WIDTHS = (3, 50, 24, 10, 4)


def cmd_summary(_args: argparse.Namespace) -> int:
    """What the pipeline makes of the bundled demo pages."""
    from desktop.paths import seed_files

    files = [str(p) for p in seed_files()]
    if not files:
        print("factdesk: no bundled demo pages found", file=sys.stderr)
        return EXIT_OK
    print(f"FactDesk {__version__} — 核数台")
    for _file, result in readable_files(files):
        claims = sum(len(a.claims) for a in result.articles)
        print(f"{result.source.path.name}: {len(result.articles)} articles, {claims} numeric claims")
        for article_result in result.articles:
            print(
                f"  [{article_result.article.index}] {article_result.article.headline}  ({len(article_result.claims)})"
            )
    return EXIT_OK
