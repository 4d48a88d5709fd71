"""Commands that work on files directly, with no database: detect, articles FILE..."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from desktop import __version__
from desktop.claims.model import Claim
from desktop.cli.table import write_table
from desktop.pipeline import DocumentResult, process_files

EXIT_OK = 0
EXIT_REFUSED = 1
EXIT_USAGE = 2


def _read_all(files: Sequence[str]) -> tuple[list[DocumentResult], int]:
    results, errors = process_files(Path(f) for f in files)
    for error in errors:
        print(f"factdesk: {error}", file=sys.stderr)
    return results, len(errors)


def _names(results: Sequence[DocumentResult], files: Sequence[str]) -> list[str]:
    # `file` in the output is the path as the user gave it, so tools that
    # joined it with a folder (the score tool does) find the file again.
    given = {Path(f).resolve(): f for f in files}
    return [given.get(r.source.path.resolve(), str(r.source.path)) for r in results]


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
    results, failed = _read_all(args.files)
    if not results:
        return EXIT_REFUSED
    out = sys.stdout
    if args.format == "jsonl":
        for result, file in zip(results, _names(results, args.files), strict=True):
            for article_result, claim in result.claims():
                article = article_result.article
                out.write(
                    json.dumps(claim_record(file, article.index, article.headline, claim), ensure_ascii=False)
                )
                out.write("\n")
        return EXIT_OK
    rows: list[list[str]] = [["文章", "原文", "数值", "单位", "类型", "主体", "时间", "地点"]]
    for result in results:
        for article_result, claim in result.claims():
            rows.append(
                [
                    str(article_result.article.index),
                    claim.text,
                    str(claim.value),
                    claim.unit,
                    claim.kind,
                    claim.subject,
                    claim.time,
                    claim.place,
                ]
            )
    write_table(rows, (4, 16, 14, 10, 8, 20, 12, 8), out)
    total = len(rows) - 1
    print(
        f"{total} claims in {len(results)} file(s)" + (f", {failed} refused" if failed else ""),
        file=sys.stderr,
    )
    return EXIT_OK


def cmd_articles_in_files(args: argparse.Namespace) -> int:
    results, _failed = _read_all(args.files)
    if not results:
        return EXIT_REFUSED
    rows: list[list[str]] = [["#", "标题", "署名", "日期", "数字"]]
    for result, file in zip(results, _names(results, args.files), strict=True):
        if len(results) > 1:
            rows.append(["", f"— {file} —", "", "", ""])
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
    write_table(rows, (3, 50, 24, 10, 4), sys.stdout)
    return EXIT_OK


def cmd_summary(_args: argparse.Namespace) -> int:
    """What the pipeline makes of the bundled demo pages."""
    from desktop.paths import seed_files

    files = [str(p) for p in seed_files()]
    if not files:
        print("factdesk: no bundled demo pages found", file=sys.stderr)
        return EXIT_OK
    results, _failed = _read_all(files)
    print(f"FactDesk {__version__} — 核数台")
    for result in results:
        claims = sum(len(a.claims) for a in result.articles)
        print(f"{result.source.path.name}: {len(result.articles)} articles, {claims} numeric claims")
        for article_result in result.articles:
            print(
                f"  [{article_result.article.index}] {article_result.article.headline}  ({len(article_result.claims)})"
            )
    return EXIT_OK
