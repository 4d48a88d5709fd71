"""`factdesk check FILE...`: detection plus every check, one finding a line.

    factdesk check FILE... [--format jsonl|table] [--language zh|en]

Each finding is a relation the article states (sum, change, share, average:
`holds` true, false, or null when a figure is never given) or a breach of a
number-usage rule (`check` "usage", `holds` false, with `rule` and `fix`).
Offsets index the decoded file as `factdesk detect` reports them, so
``decoded[source_start:source_end]`` is the span as it stands in the file.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from typing import Any

from desktop.checks.document import PlacedFinding, iter_document
from desktop.checks.messages import render
from desktop.cli.files import EXIT_OK, EXIT_REFUSED, readable_files
from desktop.cli.table import write_table

# A file name that is not UTF-8 reaches Python with lone surrogates; they are
# written as JSON escapes so the line stays UTF-8 (as `detect` does).
_LONE_SURROGATE = re.compile("[\udc80-\udcff]")
_VERDICT = {True: "✓", False: "✗", None: "?"}
_TABLE_HEADER = ["文章", "核对", "结论", "原文", "说明"]
_TABLE_WIDTHS = (4, 8, 4, 16, 70)


def add_check_command(commands: Any) -> None:
    """Register `check` on the `factdesk` sub-command parser."""
    check = commands.add_parser("check", help="check the arithmetic and the number usage of files")
    check.add_argument("files", nargs="+", metavar="FILE")
    check.add_argument("--format", choices=("jsonl", "table"), default="jsonl")
    check.add_argument("--language", choices=("zh", "en"), default="zh", help="language of the messages")
    check.set_defaults(func=cmd_check)


def finding_record(file: str, placed: PlacedFinding, language: str = "zh") -> dict[str, object]:
    """One finding as the JSON object `factdesk check` prints."""
    f = placed.finding
    article = placed.article.article
    start, end = placed.source_span
    record: dict[str, object] = {
        "file": file,
        "article": article.index,
        "headline": article.headline,
        "check": f.check,
        "holds": f.holds,
        "text": article.text[f.start : f.end],
        "source_start": start,
        "source_end": end,
        "operands": [
            {
                "role": o.role,
                "text": o.text,
                "source_start": span[0],
                "source_end": span[1],
                "claim": o.claim_id or None,
                "value": o.value,
            }
            for o, span in zip(f.operands, placed.operand_spans, strict=True)
        ],
        "computed": f.computed,
        "reading": f.reading,
        "message": render(f.message, language),
        "code": f.message.code,
    }
    if f.check == "usage":
        record["rule"] = f.rule
        record["fix"] = f.fix
    return record


def cmd_check(args: argparse.Namespace) -> int:
    out = sys.stdout
    read = findings = flags = 0
    for file, result in readable_files(args.files):
        read += 1
        if read == 1 and args.format == "table":
            write_table([_TABLE_HEADER], _TABLE_WIDTHS, out)
        for placed in iter_document(result):
            findings += 1
            flags += placed.finding.is_flag
            if args.format == "jsonl":
                out.write(_json_line(finding_record(file, placed, args.language)) + "\n")
            else:
                write_table([_table_row(placed, args.language)], _TABLE_WIDTHS, out)
        out.flush()
    if args.format == "table":
        refused = len(args.files) - read
        print(
            f"{findings} findings, {flags} to look at, in {read} file(s)"
            + (f", {refused} refused" if refused else ""),
            file=sys.stderr,
        )
    return EXIT_OK if read else EXIT_REFUSED


def _table_row(placed: PlacedFinding, language: str) -> list[str]:
    f = placed.finding
    kind = f"usage {f.rule}" if f.check == "usage" else f.check
    text = placed.article.article.text[f.start : f.end]
    return [str(placed.article.article.index), kind, _VERDICT[f.holds], text, render(f.message, language)]


def _json_line(record: dict[str, object]) -> str:
    line = json.dumps(record, ensure_ascii=False)
    return _LONE_SURROGATE.sub(lambda found: f"\\u{ord(found.group()):04x}", line)
